//! The lexicon: the embedded gazetteer (`assets/gazetteer.toml`), the word lists the rules use,
//! and the names a user added in the alias file, indexed for matching token by token.

use super::EntityKind;
use super::fold::{fold, fold_into};
use super::tokens::{self, Token};
use crate::document::dates::MONTHS;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hash for short keys (the Fx hash of rustc): names are not attacker-chosen in a way
/// that matters here, and SipHash dominated extraction time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxSet<K> = HashSet<K, FxBuild>;

/// Membership flags of a folded word in the lexicon's word lists.
pub mod flag {
    pub const TITLE: u32 = 1;
    pub const TITLE_MODIFIER: u32 = 1 << 1;
    pub const ROLE_TAIL: u32 = 1 << 2;
    pub const PARTICLE: u32 = 1 << 3;
    pub const STOP: u32 = 1 << 4;
    pub const PLACE_CUE: u32 = 1 << 5;
    pub const OF_CUE: u32 = 1 << 6;
    pub const PLACE_SUFFIX: u32 = 1 << 7;
    pub const PLACE_PREFIX: u32 = 1 << 8;
    pub const HEAD: u32 = 1 << 9;
    pub const GIVEN: u32 = 1 << 10;
    /// Never opens an organization's name (`The`, `In`, `However`).
    pub const FUNCTION: u32 = 1 << 11;
    /// Stop-listed, yet allowed inside an organization's name (`Foreign`, `National`).
    pub const ORG_INNER: u32 = 1 << 12;
    pub const MONTH: u32 = 1 << 13;
}

/// What the lexicon knows about one folded word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub flags: u32,
    /// 1 + index of the gazetteer patterns that start with this word; 0 for none.
    pub patterns: u32,
}

impl WordInfo {
    pub fn has(self, f: u32) -> bool {
        self.flags & f != 0
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "our",
    "their",
    "my",
    "your",
    "and",
    "or",
    "but",
    "if",
    "when",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "of",
    "as",
    "since",
    "after",
    "before",
    "during",
    "under",
    "upon",
    "however",
    "all",
    "any",
    "some",
    "no",
    "each",
    "every",
    "both",
    "such",
    "dear",
    "very",
    "yes",
    "mr",
    "mrs",
    "dr",
    "sir",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "there",
    "here",
    "while",
    "although",
    "though",
    "along",
    "concerning",
    "regarding",
    "about",
    "between",
    "against",
    "toward",
    "towards",
    "into",
    "over",
    "without",
    "within",
    "through",
    "among",
    "across",
    "beyond",
    "near",
    "re",
];

const ORG_INNER: &[&str] = &[
    "foreign",
    "international",
    "national",
    "imperial",
    "royal",
    "federal",
    "joint",
    "central",
    "supreme",
    "general",
    "special",
    "state",
    "states",
    "peace",
    "war",
    "new",
    "great",
    "high",
    "chief",
    "provisional",
    "communist",
    "socialist",
    "nationalist",
    "democratic",
    "republican",
    "liberal",
    "conservative",
    "labour",
    "labor",
    "catholic",
    "protestant",
    "christian",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "grand",
    "air",
    "force",
    "forces",
    "historical",
    "history",
    "digital",
    "declassified",
    "red",
    "empire",
    "kingdom",
    "republic",
    "allied",
    "people",
    "peoples",
    "secretary",
    "minister",
    "president",
    "united",
    "economic",
];

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
    pub titles: FxSet<String>,
    pub title_modifiers: FxSet<String>,
    pub role_tails: FxSet<String>,
    pub particles: FxSet<String>,
    pub stop: FxSet<String>,
    pub place_cues: FxSet<String>,
    pub of_cues: FxSet<String>,
    pub place_suffixes: FxSet<String>,
    pub place_prefixes: FxSet<String>,
    pub heads: FxSet<String>,
    pub given: FxSet<String>,
}

/// Everything the extraction rules look names up in.
#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    patterns: Vec<Vec<Pattern>>,
    info: FxMap<Box<str>, WordInfo>,
    pub words: WordSets,
}

fn set(words: &[String]) -> FxSet<String> {
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
            patterns: Vec::new(),
            info: FxMap::default(),
            words,
        };
        // User entries first, so that their spellings win.
        let order: Vec<usize> = (builtin..lex.entries.len()).chain(0..builtin).collect();
        for i in order {
            lex.index_entry(i);
        }
        for patterns in &mut lex.patterns {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let w = &lex.words;
        let lists: [(&FxSet<String>, u32); 11] = [
            (&w.titles, flag::TITLE),
            (&w.title_modifiers, flag::TITLE_MODIFIER),
            (&w.role_tails, flag::ROLE_TAIL),
            (&w.particles, flag::PARTICLE),
            (&w.stop, flag::STOP),
            (&w.place_cues, flag::PLACE_CUE),
            (&w.of_cues, flag::OF_CUE),
            (&w.place_suffixes, flag::PLACE_SUFFIX),
            (&w.place_prefixes, flag::PLACE_PREFIX),
            (&w.heads, flag::HEAD),
            (&w.given, flag::GIVEN),
        ];
        let mut info = std::mem::take(&mut lex.info);
        for (list, f) in lists {
            for word in list {
                info.entry(word.as_str().into()).or_default().flags |= f;
            }
        }
        for (list, f) in [
            (FUNCTION_WORDS, flag::FUNCTION),
            (ORG_INNER, flag::ORG_INNER),
            (&MONTHS[..], flag::MONTH),
        ] {
            for word in list {
                info.entry((*word).into()).or_default().flags |= f;
            }
        }
        lex.info = info;
        lex
    }

    /// What the lexicon knows about a folded word.
    pub fn word(&self, folded: &str) -> WordInfo {
        self.info.get(folded).copied().unwrap_or_default()
    }

    /// The gazetteer patterns of a word (from [`WordInfo::patterns`]), longest first, as
    /// `(folded tokens after the first, entry, adjectival)`.
    pub fn patterns(&self, info: WordInfo) -> impl Iterator<Item = (&[String], u32, bool)> {
        let list = (info.patterns as usize)
            .checked_sub(1)
            .and_then(|k| self.patterns.get(k))
            .map_or(&[][..], Vec::as_slice);
        list.iter().map(|p| (&*p.rest, p.entry, p.adjectival))
    }

    fn index_entry(&mut self, i: usize) {
        let Some(e) = self.entries.get(i) else {
            return;
        };
        let mut forms: Vec<(String, bool)> = vec![(e.name.clone(), false)];
        forms.extend(e.modern.iter().map(|m| (m.clone(), false)));
        forms.extend(e.aliases.iter().map(|a| (a.clone(), false)));
        forms.extend(e.adjectives.iter().map(|a| (a.clone(), true)));
        let mut toks = Vec::new();
        for (form, adjectival) in forms {
            tokens::tokenize(&form, &mut toks);
            let folded: Vec<String> = toks
                .iter()
                .map(|t| fold(form.get(t.start..t.end).unwrap_or("")))
                .collect();
            let Some((first, rest)) = folded.split_first() else {
                continue;
            };
            let slot = self.info.entry(first.as_str().into()).or_default();
            if slot.patterns == 0 {
                self.patterns.push(Vec::new());
                slot.patterns = self.patterns.len() as u32;
            }
            let Some(list) = self.patterns.get_mut(slot.patterns as usize - 1) else {
                continue;
            };
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
        let t = *toks.get(i)?;
        if !t.has(tokens::CAP) {
            return None;
        }
        fold_into(text.get(t.start..t.end).unwrap_or(""), scratch);
        let info = self.word(scratch);
        'pat: for p in self.patterns(info) {
            let (rest, entry, adjectival) = p;
            if i + rest.len() >= toks.len() {
                continue;
            }
            for (k, want) in rest.iter().enumerate() {
                let (Some(&prev), Some(&u)) = (toks.get(i + k), toks.get(i + 1 + k)) else {
                    continue 'pat;
                };
                if u.has(tokens::OPEN_BRACKET | tokens::OPEN_PAREN)
                    || text.get(prev.end..u.start).unwrap_or("").contains('\n')
                    || prev.has(tokens::POSS)
                {
                    continue 'pat;
                }
                fold_into(text.get(u.start..u.end).unwrap_or(""), scratch);
                if scratch != want {
                    continue 'pat;
                }
            }
            return Some(Match {
                entry,
                len: rest.len() + 1,
                adjectival,
            });
        }
        None
    }

    /// The entry with `id`. Ids come only from this lexicon's own patterns ([`Match::entry`],
    /// the candidates' evidence), which index `entries`.
    #[allow(clippy::indexing_slicing)]
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
