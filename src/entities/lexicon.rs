//! The lexicon: the embedded gazetteer (`assets/gazetteer.toml`), the word lists the rules use,
//! and the names a user added in the alias file, indexed for matching token by token.

use super::EntityKind;
use super::fold::{fold, fold_into};
use super::tokens::{self, Token};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// The gazetteer shipped in the binary.
pub const GAZETTEER: &str = include_str!("../../assets/gazetteer.toml");

/// One known name: a place, a person or an organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntityKind,
    pub name: String,
    /// Today's name of a historical place (`Peking` → `Beijing`).
    pub modern: Option<String>,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
}

/// One way to write an entry, as folded tokens after the first.
#[derive(Debug, Clone)]
struct Pattern {
    rest: Box<[String]>,
    entry: u32,
    adjectival: bool,
}

/// A gazetteer match: the entry and how many tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub entry: u32,
    pub len: usize,
    pub adjectival: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    places: BTreeMap<String, Vec<String>>,
    organizations: Orgs,
    people: People,
    words: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Orgs {
    names: Vec<String>,
    heads: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct People {
    names: Vec<String>,
    given: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    titles: Vec<String>,
    title_modifiers: Vec<String>,
    role_tails: Vec<String>,
    particles: Vec<String>,
    stop: Vec<String>,
    place_cues: Vec<String>,
    of_cues: Vec<String>,
    place_suffixes: Vec<String>,
    place_prefixes: Vec<String>,
}

/// Folded word sets; every lookup takes a folded word.
#[derive(Debug, Default)]
pub struct WordSets {
    pub titles: HashSet<String>,
    pub title_modifiers: HashSet<String>,
    pub role_tails: HashSet<String>,
    pub particles: HashSet<String>,
    pub stop: HashSet<String>,
    pub place_cues: HashSet<String>,
    pub of_cues: HashSet<String>,
    pub place_suffixes: HashSet<String>,
    pub place_prefixes: HashSet<String>,
    pub heads: HashSet<String>,
    pub given: HashSet<String>,
}

/// Everything the extraction rules look names up in.
#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    index: HashMap<String, Vec<Pattern>>,
    pub words: WordSets,
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

/// Parse `"Name > Modern | alias, alias ; adjective, adjective"`.
pub fn parse_entry(kind: EntityKind, line: &str) -> Entry {
    let (names, adjectives) = line.split_once(';').unwrap_or((line, ""));
    let (head, aliases) = names.split_once('|').unwrap_or((names, ""));
    let (name, modern) = match head.split_once('>') {
        Some((n, m)) => (n.trim(), Some(m.trim().to_string())),
        None => (head.trim(), None),
    };
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    Entry {
        kind,
        name: name.to_string(),
        modern: modern.filter(|m| m != name),
        aliases: list(aliases),
        adjectives: list(adjectives),
    }
}

impl Lexicon {
    /// The built-in lexicon, parsed once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::with_entries(Vec::new()))
    }

    /// The built-in lexicon plus `extra` entries (from the user's alias file), which take
    /// precedence over built-in entries with the same spelling.
    pub fn with_entries(extra: Vec<Entry>) -> Lexicon {
        let file: File = toml::from_str(GAZETTEER).expect("the embedded gazetteer is valid TOML");
        let mut entries = Vec::new();
        for lines in file.places.values() {
            entries.extend(lines.iter().map(|l| parse_entry(EntityKind::Place, l)));
        }
        let orgs = &file.organizations.names;
        entries.extend(
            orgs.iter()
                .map(|l| parse_entry(EntityKind::Organization, l)),
        );
        let people = &file.people.names;
        entries.extend(people.iter().map(|l| parse_entry(EntityKind::Person, l)));
        let builtin = entries.len();
        entries.extend(extra);
        let w = &file.words;
        let words = WordSets {
            titles: set(&w.titles),
            title_modifiers: set(&w.title_modifiers),
            role_tails: set(&w.role_tails),
            particles: set(&w.particles),
            stop: set(&w.stop),
            place_cues: set(&w.place_cues),
            of_cues: set(&w.of_cues),
            place_suffixes: set(&w.place_suffixes),
            place_prefixes: set(&w.place_prefixes),
            heads: set(&file.organizations.heads),
            given: set(&file.people.given),
        };
        let mut lex = Lexicon {
            entries,
            index: HashMap::new(),
            words,
        };
        // User entries first, so that their spellings win.
        let order: Vec<usize> = (builtin..lex.entries.len()).chain(0..builtin).collect();
        for i in order {
            lex.index_entry(i);
        }
        for patterns in lex.index.values_mut() {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lex
    }

    fn index_entry(&mut self, i: usize) {
        let e = &self.entries[i];
        let mut forms: Vec<(String, bool)> = vec![(e.name.clone(), false)];
        forms.extend(e.modern.iter().map(|m| (m.clone(), false)));
        forms.extend(e.aliases.iter().map(|a| (a.clone(), false)));
        forms.extend(e.adjectives.iter().map(|a| (a.clone(), true)));
        let mut toks = Vec::new();
        for (form, adjectival) in forms {
            tokens::tokenize(&form, &mut toks);
            let folded: Vec<String> = toks.iter().map(|t| fold(&form[t.start..t.end])).collect();
            let Some((first, rest)) = folded.split_first() else {
                continue;
            };
            let list = self.index.entry(first.clone()).or_default();
            if list.iter().any(|p| *p.rest == *rest) {
                continue; // an earlier entry already claims this spelling
            }
            list.push(Pattern {
                rest: rest.into(),
                entry: i as u32,
                adjectival,
            });
        }
    }

    /// The longest gazetteer name starting at `toks[i]`. `scratch` is a reusable buffer.
    pub fn lookup(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        scratch: &mut String,
    ) -> Option<Match> {
        let t = toks[i];
        if !t.has(tokens::CAP) {
            return None;
        }
        fold_into(&text[t.start..t.end], scratch);
        let patterns = self.index.get(scratch.as_str())?;
        'pat: for p in patterns {
            if i + p.rest.len() >= toks.len() {
                continue;
            }
            for (k, want) in p.rest.iter().enumerate() {
                let u = toks[i + 1 + k];
                if u.has(tokens::OPEN_BRACKET | tokens::OPEN_PAREN)
                    || text[toks[i + k].end..u.start].contains('\n')
                    || toks[i + k].has(tokens::POSS)
                {
                    continue 'pat;
                }
                fold_into(&text[u.start..u.end], scratch);
                if scratch != want {
                    continue 'pat;
                }
            }
            return Some(Match {
                entry: p.entry,
                len: p.rest.len() + 1,
                adjectival: p.adjectival,
            });
        }
        None
    }

    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(lex: &Lexicon, text: &str) -> Option<(String, usize, bool)> {
        let mut toks = Vec::new();
        tokens::tokenize(text, &mut toks);
        let mut s = String::new();
        lex.lookup(text, &toks, 0, &mut s)
            .map(|m| (lex.entry(m.entry).name.clone(), m.len, m.adjectival))
    }

    #[test]
    fn historical_names_modern_names_and_adjectives_find_their_entry() {
        let lex = Lexicon::builtin();
        assert_eq!(find(lex, "Peiping"), Some(("Peking".into(), 1, false)));
        assert_eq!(find(lex, "Beijing"), Some(("Peking".into(), 1, false)));
        assert_eq!(find(lex, "Dalian"), Some(("Dairen".into(), 1, false)));
        assert_eq!(find(lex, "HARBIN"), Some(("Harbin".into(), 1, false)));
        assert_eq!(
            find(lex, "Konigsberg"),
            Some(("Königsberg".into(), 1, false))
        );
        assert_eq!(
            find(lex, "Kurile Islands"),
            Some(("Kurile Islands".into(), 2, false))
        );
        assert_eq!(find(lex, "Far Eastern"), Some(("Far East".into(), 2, true)));
        assert_eq!(find(lex, "Siberian"), Some(("Siberia".into(), 1, true)));
        assert_eq!(
            find(lex, "U.S.A."),
            Some(("United States".into(), 1, false))
        );
        assert_eq!(find(lex, "china"), None, "lowercase words are not names");
    }

    #[test]
    fn every_spelling_in_the_gazetteer_belongs_to_one_entry() {
        let lex = Lexicon::builtin();
        let mut seen: HashMap<String, &str> = HashMap::new();
        for e in &lex.entries {
            let forms = std::iter::once(&e.name)
                .chain(e.modern.iter())
                .chain(e.aliases.iter())
                .chain(e.adjectives.iter());
            for f in forms {
                if let Some(other) = seen.insert(fold(f), &e.name) {
                    assert_eq!(other, e.name, "{f:?} is claimed by {other} and {}", e.name);
                }
            }
        }
        assert!(lex.entries.len() > 300, "a gazetteer worth the name");
    }
}
