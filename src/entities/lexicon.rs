//! The lexicon: the embedded gazetteer (`assets/gazetteer.toml`), the word lists the rules use,
//! and the names a user added in the alias file, indexed for matching token by token.

use super::EntityKind;
use super::HashMap;
use super::tokens;
use crate::document::dates::MONTHS;
use crate::fold::fold;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

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
    /// A verb whose subject is a person (`said`, `thinks`, `arrived`).
    pub const PERSON_VERB: u32 = 1 << 14;
    /// An auxiliary or adverb between a subject and its verb (`has`, `would`, `not`).
    pub const AUX: u32 = 1 << 15;
    /// A verb whose object is a person (`told`, `met`, `thanked`).
    pub const OBJECT_VERB: u32 = 1 << 16;
    /// A verb that makes `to X` a person (`show ... to X`, `explained to X`).
    pub const TO_VERB: u32 = 1 << 17;
    /// A noun for what a person is (`delegate`, `colleague`), beside the titles.
    pub const ROLE: u32 = 1 << 18;
    /// A word for a ship before its name (`steamer`, `U.S.S.`).
    pub const SHIP: u32 = 1 << 19;
    /// A thing often named after a person or place (`case`, `claim`, `plan`).
    pub const NAMED_THING: u32 = 1 << 20;
    /// A given name written short with a period (`Thos.`, `Wm.`, `Ya.`): an initial.
    pub const GIVEN_ABBREV: u32 = 1 << 21;
    /// A surname that is also a stop-listed word (`West`, `Day`, `Page`).
    pub const COMMON_SURNAME: u32 = 1 << 22;
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
    "affairs",
    "latin",
    "near",
    "middle",
    "far",
    "english",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "ministers",
    "ambassadors",
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
    given_abbreviations: Vec<String>,
    common_word_surnames: Vec<String>,
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
    person_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    object_verbs: Vec<String>,
    to_verbs: Vec<String>,
    roles: Vec<String>,
    ships: Vec<String>,
    named_things: Vec<String>,
}

/// Everything the extraction rules look names up in.
#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    patterns: Vec<Vec<Pattern>>,
    /// Every folded word the lexicon knows: its word lists and its gazetteer patterns.
    info: HashMap<Box<str>, WordInfo>,
    /// The words of `info` of up to seven bytes, keyed by [`short_key`]: most words a text
    /// looks up are short, and an integer key is hashed and compared without a loop.
    short: HashMap<u64, WordInfo>,
    /// For each first byte of a ship word, the lengths it comes in (bit `len`, under 16): a
    /// cheap test before looking the word before every name up.
    ship_shapes: [u16; 256],
}

/// A word of up to seven bytes as one integer: its bytes and, in the top byte, its length.
pub(super) fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = (b.len() as u64) << 56;
    for (k, &byte) in b.iter().enumerate() {
        key |= u64::from(byte) << (8 * k);
    }
    Some(key)
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
        let mut lex = Lexicon {
            entries,
            patterns: Vec::new(),
            info: HashMap::default(),
            short: HashMap::default(),
            ship_shapes: [0; 256],
        };
        // User entries first, so that their spellings win.
        let order: Vec<usize> = (builtin..lex.entries.len()).chain(0..builtin).collect();
        for i in order {
            lex.index_entry(i);
        }
        for patterns in &mut lex.patterns {
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        let w = &file.words;
        let lists: [(&[String], u32); 20] = [
            (&w.titles, flag::TITLE),
            (&w.title_modifiers, flag::TITLE_MODIFIER),
            (&w.role_tails, flag::ROLE_TAIL),
            (&w.particles, flag::PARTICLE),
            (&w.stop, flag::STOP),
            (&w.place_cues, flag::PLACE_CUE),
            (&w.of_cues, flag::OF_CUE),
            (&w.place_suffixes, flag::PLACE_SUFFIX),
            (&w.place_prefixes, flag::PLACE_PREFIX),
            (&file.organizations.heads, flag::HEAD),
            (&file.people.given, flag::GIVEN),
            (&file.people.given_abbreviations, flag::GIVEN_ABBREV),
            (&file.people.common_word_surnames, flag::COMMON_SURNAME),
            (&w.person_verbs, flag::PERSON_VERB),
            (&w.auxiliaries, flag::AUX),
            (&w.object_verbs, flag::OBJECT_VERB),
            (&w.to_verbs, flag::TO_VERB),
            (&w.roles, flag::ROLE),
            (&w.ships, flag::SHIP),
            (&w.named_things, flag::NAMED_THING),
        ];
        for w in &file.words.ships {
            let w = fold(w);
            if let Some(&b) = w.as_bytes().first()
                && w.len() < 16
                && let Some(shapes) = lex.ship_shapes.get_mut(usize::from(b))
            {
                *shapes |= 1 << w.len();
            }
        }
        let mut info = std::mem::take(&mut lex.info);
        for (list, f) in lists {
            for word in list {
                info.entry(fold(word).into()).or_default().flags |= f;
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
        lex.short = info
            .iter()
            .filter_map(|(w, i)| Some((short_key(w)?, *i)))
            .collect();
        lex.info = info;
        lex
    }

    /// False when `word` (as written) cannot be a ship word: its first byte and length match
    /// none. Ship words are ASCII.
    pub fn may_be_ship(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&b) if word.len() < 16 => self
                .ship_shapes
                .get(usize::from(b.to_ascii_lowercase()))
                .is_some_and(|shapes| shapes & (1 << word.len()) != 0),
            _ => false,
        }
    }

    /// Every folded word with any of `flags` (see [`flag`]), sorted: the lexicon's own word
    /// lists, for generators and checks that speak its language.
    pub fn words_with(&self, flags: u32) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .info
            .iter()
            .filter(|(_, i)| i.has(flags))
            .map(|(w, _)| &**w)
            .collect();
        v.sort_unstable();
        v
    }

    /// What the lexicon knows about a folded word.
    pub fn word(&self, folded: &str) -> WordInfo {
        match short_key(folded) {
            Some(k) => self.short.get(&k),
            None => self.info.get(folded),
        }
        .copied()
        .unwrap_or_default()
    }

    /// The gazetteer patterns of a word (from [`WordInfo::patterns`]), longest first, as
    /// `(folded tokens after the first, entry, adjectival)`.
    pub fn patterns(&self, info: WordInfo) -> impl Iterator<Item = (&[String], u32, bool)> {
        let list = (info.patterns as usize)
            .checked_sub(1)
            .and_then(|n| self.patterns.get(n))
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
            // Words as the scanner folds them: an initial without its period.
            let folded: Vec<String> = toks
                .iter()
                .map(|t| {
                    let w = form.get(t.start..t.end).unwrap_or("");
                    let w = if t.has(tokens::INITIAL) {
                        w.strip_suffix('.').unwrap_or(w)
                    } else {
                        w
                    };
                    fold(w)
                })
                .collect();
            let Some((first, rest)) = folded.split_first() else {
                continue;
            };
            let slot = self.info.entry(first.as_str().into()).or_default();
            if slot.patterns == 0 {
                self.patterns.push(Vec::new());
                slot.patterns = self.patterns.len() as u32;
            }
            let Some(list) = (slot.patterns as usize)
                .checked_sub(1)
                .and_then(|n| self.patterns.get_mut(n))
            else {
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
        let mut sc = super::super::scan::Scanner::new(lex);
        sc.load(text);
        sc.lookup(text, 0)
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
    fn short_and_long_words_are_looked_up_alike() {
        let lex = Lexicon::builtin();
        assert!(lex.word("the").has(flag::STOP));
        assert_eq!(lex.word(""), WordInfo::default());
        assert_eq!(lex.word("zzqxj"), WordInfo::default());
        let words = lex.words_with(u32::MAX);
        assert!(words.iter().any(|w| w.len() > 7) && words.iter().any(|w| w.len() <= 7));
        for w in words {
            assert_eq!(lex.word(w), lex.info[w], "{w:?}");
        }
        assert_ne!(short_key("ab"), short_key("ab\0"));
        assert_eq!(short_key("eightchr"), None);
    }

    #[test]
    fn every_spelling_in_the_gazetteer_belongs_to_one_entry() {
        let lex = Lexicon::builtin();
        let mut seen: std::collections::HashMap<String, &str> = Default::default();
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
