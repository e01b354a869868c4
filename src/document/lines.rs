//! What a line (a unit of text) looks like: a numbered item, a page marker, a closing, a
//! name, prose; and the blocks they become. Shared by the memo header (`memo`), the body
//! (`blocks`) and line joining (`units`), so none of them depends on another for it.

use super::text::word_count;
use super::{Block, BlockKind, Enclosure, Footnote, Memo};

/// `(number, text after it)` for a numbered item: `1. `, `12) `, `(2) `, `(b) `, `a) `.
pub fn numbered(t: &str) -> Option<(&str, &str)> {
    let (num, rest) = if let Some(inner) = t.strip_prefix('(') {
        let (n, rest) = inner.split_once(')')?;
        let ok = (1..=3).contains(&n.len())
            && (n.bytes().all(|b| b.is_ascii_digit())
                || (n.len() == 1 && n.bytes().all(|b| b.is_ascii_lowercase()))
                || n.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')));
        if !ok {
            return None;
        }
        (n, rest)
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let (n, rest) = if digits > 0 {
            if digits > 3 {
                return None;
            }
            t.split_at_checked(digits)?
        } else {
            let first = t.bytes().next()?;
            let (n, rest) = t.split_at_checked(1)?;
            if !first.is_ascii_lowercase() || !rest.starts_with(')') {
                return None;
            }
            (n, rest)
        };
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        (n, rest)
    };
    let body = rest.strip_prefix(' ')?.trim_start();
    (!body.is_empty() && !body.starts_with(|c: char| c.is_ascii_digit())).then_some((num, body))
}

/// `(p. 1)`, `[p. 2]`, `Page 3`, `- 4 -`.
pub(super) fn page_marker(t: &str) -> bool {
    // A page marker is a few characters: a paragraph (every block is asked) is not lowercased
    // and looked through.
    if t.len() > 24 {
        return false;
    }
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|s| s.strip_suffix(']')))
        .or_else(|| t.strip_prefix('-').and_then(|s| s.strip_suffix('-')))
        .unwrap_or(t)
        .trim();
    let lower = inner.to_ascii_lowercase();
    let num = lower
        .strip_prefix("p.")
        .or_else(|| lower.strip_prefix("page"))
        .or_else(|| lower.strip_prefix("p"))
        .unwrap_or(if t.starts_with('-') { &lower } else { "" })
        .trim();
    !num.is_empty() && num.len() <= 4 && num.bytes().all(|b| b.is_ascii_digit())
}

const CLOSINGS: [&str; 16] = [
    "yours sincerely",
    "yours faithfully",
    "yours truly",
    "yours very truly",
    "very truly yours",
    "very respectfully",
    "sincerely",
    "faithfully yours",
    "respectfully",
    "cordially",
    "cordial greetings",
    "with best regards",
    "with kind regards",
    "best regards",
    "i am [etc.]",
    "i have the honor to be",
];

pub(super) fn closing(t: &str) -> bool {
    if t.len() > 80 {
        return false;
    }
    if t.is_ascii() {
        // What lowercasing would find, without the copy (every paragraph is asked).
        return starts_with_any(t, &CLOSINGS);
    }
    let lower = t.to_lowercase();
    CLOSINGS.iter().any(|c| lower.starts_with(c))
}

/// The first `n` bytes of `t` (fewer, to end on a character boundary).
pub(super) fn head(t: &str, n: usize) -> &str {
    if t.len() <= n {
        return t;
    }
    let mut end = n;
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    t.get(..end).unwrap_or_default()
}

/// Does this unit read like running prose rather than a header line?
pub(super) fn prose(t: &str) -> bool {
    // Length first: a paragraph of megabytes (a text on one line) is prose without its words
    // being counted, each time the classifier asks.
    if t.len() > 200 {
        return true;
    }
    let words = word_count(t);
    words > 25 || (t.ends_with(['.', '?', '!']) && words > 12)
}

/// A name or title line as signed at the foot of a letter (`M. T. Desrosiers`, `Chargé
/// d’Affaires ad interim`).
pub(super) fn name_like(t: &str) -> bool {
    const PARTICLES: [&str; 16] = [
        "de", "van", "von", "v.", "der", "la", "le", "du", "da", "of", "and", "the", "y", "ad",
        "interim", "pro",
    ];
    let t = t.trim_end_matches(['.', ',']);
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    !t.is_empty()
        && t.len() <= 60
        && word_count(t) <= 6
        && !t.ends_with([':', '?'])
        && t.split_whitespace().all(|w| {
            capital(w)
                || PARTICLES.contains(&w)
                || ["d’", "d'", "l’", "l'"]
                    .iter()
                    .any(|p| w.strip_prefix(p).is_some_and(capital))
        })
}

/// Everything the classifier produces.
#[derive(Default)]
pub struct Classified {
    pub blocks: Vec<Block>,
    pub memo: Memo,
    pub footnotes: Vec<Footnote>,
    pub enclosures: Vec<Enclosure>,
}

pub(super) fn body_block(text: String) -> Block {
    let t = text.as_str();
    if page_marker(t) {
        Block::new(BlockKind::PageMarker, text)
    } else if let Some((n, _)) = numbered(t) {
        let number = Some(n.to_string());
        let mut b = Block::new(BlockKind::Numbered, text);
        b.set_number(number);
        b
    } else if closing(t) {
        Block::new(BlockKind::Closing, text)
    } else if drafted_line(t) {
        Block::new(BlockKind::Drafted, text)
    } else {
        Block::new(BlockKind::Paragraph, text)
    }
}

/// Markings that head classified documents. Upper-case ones may share a line with the place.
const MARKINGS: [&str; 14] = [
    "TOP SECRET",
    "STRICTLY CONFIDENTIAL",
    "PERSONAL AND CONFIDENTIAL",
    "CONFIDENTIAL",
    "SECRET",
    "RESTRICTED",
    "UNCLASSIFIED",
    "EYES ONLY",
    "NOFORN",
    "LIMITED OFFICIAL USE",
    "FOR OFFICIAL USE ONLY",
    "PERSONAL",
    "URGENT",
    "IMMEDIATE",
];

/// `(marking, rest)` when `t` starts with a classification marking.
pub(super) fn classification(t: &str) -> Option<(String, &str)> {
    if t.len() > 120 {
        return None;
    }
    if let Some(rest) = copy_number(t) {
        let marking = t.strip_suffix(rest).unwrap_or(t);
        return Some((marking.trim().to_string(), rest.trim()));
    }
    for m in MARKINGS {
        let Some(marking) = t.get(..m.len()).filter(|p| p.eq_ignore_ascii_case(m)) else {
            continue;
        };
        let rest = t.get(m.len()..).unwrap_or_default();
        if !rest.is_empty() && !rest.starts_with([' ', ',', '/', '-', '—']) {
            continue;
        }
        let all_caps_line = !t.chars().any(char::is_lowercase);
        if all_caps_line && word_count(t) <= 8 {
            return Some((t.to_string(), ""));
        }
        let is_caps = marking == m;
        let rest_ok = rest.trim().is_empty()
            || (is_caps
                && word_count(rest) <= 4
                && rest.trim().starts_with(|c: char| c.is_uppercase()));
        if rest_ok {
            return Some((marking.to_string(), rest.trim()));
        }
    }
    None
}

/// `Copy No. 2` (and whatever follows it on the line).
pub(super) fn copy_number(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("copy no.")
        .or_else(|| lower.strip_prefix("copy no"))
        .or_else(|| lower.strip_prefix("copy"))?;
    let skip = rest.len() - rest.trim_start().len();
    let digits = rest
        .bytes()
        .skip(skip)
        .take_while(u8::is_ascii_digit)
        .count();
    // Lowercasing ASCII keeps every byte where it was, so offsets in `lower` are offsets in `t`.
    (digits > 0)
        .then(|| t.get(t.len() - rest.len() + skip + digits..))
        .flatten()
}

const SALUTATIONS: [&str; 9] = [
    "dear ",
    "my dear ",
    "sir",
    "sirs",
    "gentlemen",
    "madam",
    "excellency",
    "your excellency",
    "mr. president",
];

/// A salutation on its own line (`Dear Mr. Halvorsen,`), or at the head of the first
/// paragraph (`My Dear Mr. Porter: I learn ...`): returns its length in bytes.
pub(super) fn salutation(t: &str) -> Option<usize> {
    let lower = head(t, 80).to_lowercase();
    if !SALUTATIONS.iter().any(|s| lower.starts_with(s)) {
        return None;
    }
    if word_count(t) <= 8 && t.ends_with([',', ':']) {
        return Some(t.len());
    }
    let colon = head(t, 80).find(':')?;
    (colon <= 60 && word_count(t.get(..colon).unwrap_or(t)) <= 6).then_some(colon + 1)
}

pub(super) fn labelled<'t>(t: &'t str, labels: &[&str]) -> Option<&'t str> {
    for l in labels {
        if let Some(rest) = t.strip_prefix(l) {
            let rest_trim = rest.trim_start_matches([':', '.']);
            let had_sep = rest_trim.len() < rest.len() || rest.starts_with(' ');
            if had_sep {
                return Some(rest_trim.trim());
            }
        }
    }
    None
}

/// `Some(subject)` for `Subject: …`, `SUBJECT: …`, `Re: …`; `Some("")` for the label alone on
/// its line (`SUBJECT`), the subject being the next unit.
pub(super) fn subject_label(t: &str) -> Option<&str> {
    let alone = t.trim_end_matches([':', '.']).trim();
    if ["Subject", "SUBJECT", "Subj", "SUBJ"].contains(&alone) {
        return Some("");
    }
    labelled(t, &["Subject", "SUBJECT", "Subj", "SUBJ", "Re:", "RE:"])
        .filter(|_| t.contains(':') || t.starts_with("Subject") || t.starts_with("SUBJECT"))
}

/// The addressee of a memo's `MEMORANDUM FOR: The President` line (`The President`), or `""`
/// for the label alone. The label is in capitals or has a colon: `Memorandum for the
/// President by Colonel House` is a title, and `Memorandum for the Record` a heading (see
/// [`for_the_record`]).
pub(super) fn memorandum_for(t: &str) -> Option<&str> {
    const LABEL: &str = "MEMORANDUM FOR";
    let (head, rest) = t.split_at_checked(LABEL.len())?;
    let label = head == LABEL || (head.eq_ignore_ascii_case(LABEL) && rest.starts_with(':'));
    let ok = label && (rest.is_empty() || rest.starts_with([' ', ':']));
    ok.then(|| rest.trim_start_matches([' ', ':']).trim())
}

/// A line naming the kind of memorandum (`Memorandum for the Record`, `MEMORANDUM OF
/// CONVERSATION`, `Memorandum`): a heading wherever it is in the header.
pub(super) fn memorandum_kind(t: &str) -> bool {
    let lower = t.trim_end_matches(['.', ':']).to_lowercase();
    let rest = lower.strip_prefix("memorandum").map(str::trim);
    match rest {
        Some("") | Some("of conversation") | Some("of a conversation") => true,
        Some(r) => r.strip_prefix("for ").is_some_and(for_the_record),
        None => false,
    }
}

/// `the Record`, `THE FILES`: a memorandum written for the file, not to a person.
pub(super) fn for_the_record(rest: &str) -> bool {
    let r = rest.trim_end_matches('.').to_lowercase();
    let r = r.strip_prefix("the ").unwrap_or(&r);
    matches!(r, "record" | "records" | "file" | "files")
}

/// A drafting line: `Drafted by W. J. Brennan on October 5`, `DRAFTED BY: EUR/SOV`,
/// `Drafted: 10/5/61`.
pub(super) fn drafted_line(t: &str) -> bool {
    t.len() <= 400 && starts_with_any(t, &["drafted by", "drafted:"])
}

/// `Approved by …` or `Cleared by …`: part of the drafting lines when it follows one.
pub(super) fn approved_line(t: &str) -> bool {
    t.len() <= 400 && starts_with_any(t, &["approved by", "approved:", "cleared by", "cleared:"])
}

/// Does `t` start with one of `prefixes` (ASCII, compared without case)?
pub(super) fn starts_with_any(t: &str, prefixes: &[&str]) -> bool {
    // Every block is asked: the first letters are compared before the rest.
    let first = t.as_bytes().first().map(u8::to_ascii_lowercase);
    prefixes.iter().any(|p| {
        p.as_bytes()
            .first()
            .is_none_or(|f| Some(f.to_ascii_lowercase()) == first)
            && t.as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_items() {
        assert_eq!(numbered("1. Traffic on the"), Some(("1", "Traffic on the")));
        assert_eq!(
            numbered("(2) That agreements"),
            Some(("2", "That agreements"))
        );
        assert_eq!(numbered("b) the rest"), Some(("b", "the rest")));
        assert_eq!(numbered("1945. The year"), None);
        assert_eq!(numbered("3.5 per cent"), None);
    }

    #[test]
    fn closings_in_any_case() {
        assert!(closing("Yours sincerely,"));
        assert!(closing("VERY TRULY YOURS,"));
        assert!(!closing("Très cordialement"));
        assert!(!closing("Sincerity is rare."));
        assert!(closing("SINCERELY yours, Żaneta"));
        assert!(!closing(&format!("Sincerely, {}", "and more ".repeat(10))));
    }

    #[test]
    fn page_markers() {
        assert!(page_marker("(p. 1)"));
        assert!(page_marker("[p. 12]"));
        assert!(page_marker("Page 3"));
        assert!(page_marker("- 4 -"));
        assert!(!page_marker("(pending)"));
        assert!(page_marker("  ( page   1234 )  ".trim()));
        assert!(!page_marker(&format!(
            "(p. 1) {}",
            "and more text ".repeat(10)
        )));
        assert!(!page_marker("Paris"));
    }
}
