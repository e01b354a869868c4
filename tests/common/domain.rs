//! Generators that speak the domain: archive exports built from the gazetteer's own names,
//! titles, given names, header labels, editorial brackets and glosses, initials, footnote
//! marks and punctuation, with names placed where rules look past them (at the end of a
//! block, of a metadata field, of the file). Random bytes almost never end a paragraph with a
//! known name; these documents do so constantly.
//!
//! Also the checks every extraction and search result must pass, shared by the property tests
//! and the no-panic test.

use memcon::document::{Document, load};
use memcon::entities::lexicon::flag;
use memcon::entities::{self, Entity, Lexicon};
use memcon::fold::fold_str;
use memcon::search::{Matcher, Query, find_all, find_in_metadata};
use proptest::prelude::*;
use std::sync::LazyLock;

/// `harbin` → `Harbin`; a folded word from the lexicon as it would be written.
fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Every name the gazetteer knows: entry names, modern names, aliases and adjectives.
static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = Lexicon::builtin()
        .entries
        .iter()
        .flat_map(|e| {
            std::iter::once(e.name.clone())
                .chain(e.modern.clone())
                .chain(e.aliases.iter().cloned())
                .chain(e.adjectives.iter().cloned())
        })
        .filter(|n| !n.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
});

/// The lexicon's folded words with any of `flags`, capitalised, sorted (proptest wants a stable
/// order).
fn words_of(flags: u32) -> Vec<String> {
    let mut v: Vec<String> = Lexicon::builtin()
        .words_with(flags)
        .into_iter()
        .map(capitalised)
        .collect();
    v.sort();
    if v.is_empty() {
        v.push("Mr.".into());
    }
    v
}

static TITLES: LazyLock<Vec<String>> = LazyLock::new(|| words_of(flag::TITLE));
static GIVEN: LazyLock<Vec<String>> = LazyLock::new(|| words_of(flag::GIVEN));
static CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| words_of(flag::PLACE_CUE | flag::HEAD | flag::PLACE_PREFIX | flag::OF_CUE));

fn pick(v: &'static LazyLock<Vec<String>>) -> impl Strategy<Value = String> {
    prop::sample::select(LazyLock::force(v).as_slice()).prop_map(String::from)
}

/// Surnames no list knows, so that only the rules can find them.
const SURNAMES: &[&str] = &[
    "Harriman",
    "Soong",
    "Molotov",
    "Vargas",
    "Nariño",
    "Ørsted",
    "Łukasiewicz",
    "O'Brien",
    "MacArthur",
    "Dulles",
    "Hồ",
    "Ngô",
    "Çelik",
    "Zhou",
    "Kennedy",
    "Gromyko",
];

/// Letters whose case mapping or folding changes their length, and other awkward text.
const ODD: &[&str] = &[
    "İ", "ß", "ﬁ", "e\u{301}", "大連", "\u{200b}", "Ǆ", "ΐ", "ŉ", "K", "…", "‘", "’", "“", "”",
    "—", "–", "°", "½", "\u{a0}",
];

const FILLER: &[&str] = &[
    "met",
    "the",
    "of",
    "and",
    "in",
    "at",
    "said",
    "that",
    "to",
    "with",
    "from",
    "on",
    "by",
    "ambassador",
    "district",
    "river",
    "port",
    "he",
    "was",
    "asked",
    "whether",
    "it",
    "is",
];

const CAPITAL_FILLER: &[&str] = &[
    "The",
    "He",
    "In",
    "At",
    "Ambassador",
    "Minister",
    "Port",
    "River",
    "Mount",
    "Lake",
    "Ministry",
    "University",
    "Committee",
    "Government",
    "Secretary",
    "General",
    "Dr",
    "St.",
    "Copy",
    "No.",
    "TOP",
    "SECRET",
    "SUBJECT",
    "Moscow",
    "July",
    "Sept.",
];

const PUNCT: &[&str] = &[
    ",", ".", ";", ":", "'s", "'", "\"", "(", ")", "-", "—", "?", "!", "/", "[", "]", "[1]", "[2]",
    "*", "**", "...", "&",
];

/// Labels of the archive header and of the memo header.
pub const LABELS: &[&str] = &[
    "Title",
    "Date",
    "Citation",
    "Summary",
    "Credits",
    "Original Archive",
    "Original Language",
    "Contents",
    "Source",
    "Present",
    "Subject",
    "From",
    "To",
    "Participants",
    "Keywords",
];

/// A personal name as memos write it: `W. A. Harriman`, `Mr. Vargas`, `Averell Harriman`,
/// `AMBASSADOR HARRIMAN`, `Harriman's`.
fn person() -> impl Strategy<Value = String> {
    let surname = prop_oneof![
        prop::sample::select(SURNAMES).prop_map(String::from),
        pick(&GIVEN),
    ];
    (
        prop::option::of(pick(&TITLES)),
        prop::option::of(pick(&GIVEN)),
        prop::collection::vec(prop::char::range('A', 'Z'), 0..3),
        surname,
        0u8..8,
    )
        .prop_map(|(title, given, initials, surname, style)| {
            let mut parts: Vec<String> = Vec::new();
            parts.extend(title);
            parts.extend(given);
            parts.extend(initials.iter().map(|c| format!("{c}.")));
            parts.push(surname);
            let name = parts.join(if style == 7 { "" } else { " " });
            match style {
                0 => name.to_uppercase(),
                1 => format!("{name}'s"),
                _ => name,
            }
        })
}

/// A gazetteer name, sometimes in capitals or with an editor's gloss: `Dairen [Dalian]`.
fn place() -> impl Strategy<Value = String> {
    (pick(&NAMES), pick(&NAMES), 0u8..10).prop_map(|(a, b, style)| match style {
        0 => a.to_uppercase(),
        1 => format!("{a} [{b}]"),
        2 => format!("{a} [{b}, {a}]"),
        3 => format!("[{a}]"),
        4 => format!("{a} ({b})"),
        _ => a,
    })
}

/// One word or mark of running text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(FILLER).prop_map(String::from),
        3 => prop::sample::select(CAPITAL_FILLER).prop_map(String::from),
        4 => place(),
        3 => person(),
        2 => pick(&CUES),
        3 => prop::sample::select(PUNCT).prop_map(String::from),
        1 => prop::sample::select(ODD).prop_map(String::from),
        1 => prop::char::range('A', 'Z').prop_map(|c| format!("{c}.")),
        1 => (1u16..2000).prop_map(|n| n.to_string()),
        1 => Just("\n".to_string()),
    ]
}

/// Running text: tokens joined by spaces, glued, or broken across lines; ends with a name,
/// a name and a mark, or anything.
pub fn phrase() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((token(), 0u8..8), 0..24),
        prop_oneof![place(), person()],
        0u8..4,
    )
        .prop_map(|(tokens, name, ending)| {
            let mut s = String::new();
            for (t, join) in tokens {
                if !s.is_empty() {
                    s.push_str(match join {
                        0 => "",
                        1 => "\n",
                        _ => " ",
                    });
                }
                s.push_str(&t);
            }
            let sep = if s.is_empty() { "" } else { " " };
            match ending {
                0 | 1 => format!("{s}{sep}{name}"),
                2 => format!("{s}{sep}{name}."),
                _ => s,
            }
        })
}

/// One block of a transcript.
fn block() -> impl Strategy<Value = String> {
    (phrase(), prop::sample::select(LABELS), 1u16..40, 0u8..12).prop_map(
        |(text, label, n, style)| match style {
            0 => format!("{label}: {text}"),
            1 => format!("{n}. {text}"),
            2 => format!("({n}) {text}"),
            3 => format!("[{n}] {text}"),
            4 => format!("(p. {n})"),
            5 => text.to_uppercase(),
            _ => text,
        },
    )
}

/// The archive header: banner, date, title, labelled sections (some ending with a name).
fn header() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        phrase(),
        prop::collection::vec(
            (prop::sample::select(LABELS), phrase(), any::<bool>()),
            0..8,
        ),
        prop::sample::select(&["January", "July", "Sept.", "October"][..]),
        1u8..31,
        1900u16..2000,
    )
        .prop_map(|(banner, title, sections, month, day, year)| {
            let mut s = String::new();
            if banner {
                s.push_str(
                    "**Wilson\nCenter**\n\nDigital Archive\nInternational History Declassified\n\n",
                );
                s.push_str(&format!("{month} {day}, {year}\n\n**{title}**\n\n"));
            } else {
                s.push_str(&format!("Title: {title}\n"));
            }
            for (label, text, inline) in sections {
                if inline {
                    s.push_str(&format!("{label}: {text}\n"));
                } else {
                    s.push_str(&format!("{label}:\n\n{text}\n\n"));
                }
            }
            s
        })
}

/// A whole archive export as text: maybe a header and a contents line, the memo's blocks, maybe
/// footnotes and initials to sign; blank lines or single newlines between blocks, LF or CRLF,
/// and often no newline at the very end, so the file ends in a name.
pub fn document_text() -> impl Strategy<Value = String> {
    (
        prop::option::of(header()),
        prop::collection::vec(block(), 0..10),
        prop::collection::vec(phrase(), 0..3),
        prop::option::of(prop::collection::vec(prop::char::range('A', 'Z'), 2..4)),
        0u8..6,
    )
        .prop_map(|(header, blocks, notes, initials, layout)| {
            let mut s = header.unwrap_or_default();
            if layout == 0 {
                s.push_str("Contents:\n\nTranscript - English\n\n");
            }
            let sep = if layout == 1 { "\n" } else { "\n\n" };
            s.push_str(&blocks.join(sep));
            if !notes.is_empty() {
                s.push_str("\n\nFootnotes:\n\n");
                for (i, n) in notes.iter().enumerate() {
                    s.push_str(&format!("[{}] {n}\n", i + 1));
                }
            }
            if let Some(initials) = initials {
                s.push_str("\n\n");
                s.extend(initials);
            }
            if layout == 2 {
                s = s.replace('\n', "\r\n");
            }
            if layout == 3 {
                s.push('\n');
            }
            s
        })
}

/// A document parsed from [`document_text`] through the real loading path.
pub fn document() -> impl Strategy<Value = Document> {
    document_text().prop_map(|t| load("generated", t.as_bytes()).expect("generated text loads"))
}

/// Regular expressions a reader might try, compiled once (compiling Unicode classes is slow
/// in a debug build).
static REGEXES: LazyLock<Vec<Matcher>> = LazyLock::new(|| {
    [
        r"\b[A-Z]\w+",
        r"\[[^\]]*\]",
        r"(?i)port\s+\w+",
        r"\d+\.",
        r"^",
        r"$",
        r"\w*",
    ]
    .into_iter()
    .map(|r| Matcher::new(&Query::regex(r)).expect("a valid pattern"))
    .collect()
});

/// Plain queries a reader might type for this document: a word that occurs in it (as written,
/// in capitals or folded, by `seed`) and two words in a row. Two, because each costs a regex
/// compilation, which is slow in a debug build.
pub fn queries(doc: &Document, seed: usize) -> Vec<Query> {
    let words: Vec<&str> = doc
        .blocks
        .iter()
        .flat_map(|b| b.text.split_whitespace())
        .collect();
    let mut q = Vec::new();
    if !words.is_empty() {
        let w = words[seed % words.len()];
        q.push(Query::plain(match seed % 3 {
            0 => w.to_string(),
            1 => w.to_uppercase(),
            _ => fold_str(w),
        }));
        if words.len() > 1 {
            let i = (seed / 7) % (words.len() - 1);
            q.push(Query::plain(format!("{} {}", words[i], words[i + 1])));
        }
    }
    q
}

/// Every mention lies in its site's text, on character boundaries, and its text is that slice;
/// every entity has a name and at least one mention.
pub fn check_entities(doc: &Document, list: &[Entity]) {
    if let Err(e) = memcon::check::entities(doc, list) {
        panic!("{e}\nin {doc:#?}");
    }
}

/// What the reader holds of `doc`'s entities agrees with `doc` (see `memcon::check`).
pub fn check_entity_index(doc: &Document, index: &memcon::app::EntityIndex) {
    if let Err(e) = memcon::check::entity_index(doc, index) {
        panic!("{e}\nin {doc:#?}");
    }
}

/// Every match lies in its block on character boundaries; a plain query that is a word of the
/// text is found; metadata matches lie in their fields.
pub fn check_search(doc: &Document, matcher: &Matcher) {
    let query = matcher.query();
    let all = find_all(doc, matcher);
    if let Err(e) = memcon::check::matches(doc, &all) {
        panic!("{query:?}: {e}");
    }
    if !query.regex {
        let occurs = doc
            .blocks
            .iter()
            .any(|b| b.text.contains(query.pattern.as_str()));
        assert!(
            !occurs || !all.is_empty(),
            "{:?} occurs in the text but was not found",
            query.pattern
        );
    }
    for m in find_in_metadata(&doc.metadata, matcher) {
        let text = m.field.text(&doc.metadata).unwrap_or("");
        assert!(m.start <= m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

/// Extract `doc`'s entities and run its queries, checking both.
pub fn check_all(doc: &Document, seed: usize) {
    if let Err(e) = memcon::check::document(doc) {
        panic!("{e}");
    }
    check_entities(doc, &entities::extract(doc));
    for q in queries(doc, seed) {
        if let Ok(m) = Matcher::new(&q) {
            check_search(doc, &m);
        }
    }
    for m in REGEXES.iter() {
        check_search(doc, m);
    }
}
