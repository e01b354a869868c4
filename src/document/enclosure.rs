//! Enclosure and attachment markers: the line that starts a sub-document inside a document
//! (`[Enclosure 1]`, `[Inclosure 2 in No. 685.—Translation.]`, `Enclosure—Translation`,
//! `[Attachment]`, `ANNEX A`).

/// Words that open a marker (compared without case).
const KEYWORDS: [&str; 10] = [
    "enclosure",
    "enclosures",
    "inclosure",
    "inclosures",
    "subenclosure",
    "subinclosure",
    "sub-enclosure",
    "attachment",
    "attachments",
    "annex",
];

/// Longest bracketed marker (`[Inclosure with report of the Nagasaki authorities ...]`).
const MAX_BRACKETED: usize = 160;

/// Does trimmed `t` start as a marker can? Every marker opens with `[` or with a keyword's
/// first three letters, the first a capital (`Enc`, `INC`, `Sub`, `Att`, `Ann`): most lines
/// are out at once.
pub fn may_start_marker(t: &str) -> bool {
    match t.as_bytes() {
        [b'[', ..] => true,
        // `| 0x20` lowercases an ASCII letter and makes no other byte one.
        &[a, b, c, ..] => matches!(
            (a, b | 0x20, c | 0x20),
            (b'E', b'n', b'c')
                | (b'I', b'n', b'c')
                | (b'S', b'u', b'b')
                | (b'A', b't', b't')
                | (b'A', b'n', b'n')
        ),
        _ => false,
    }
}

/// The label of an enclosure marker line, without brackets or final stop, or `None`.
pub fn marker(t: &str) -> Option<&str> {
    let t = super::text::trim(t);
    if !may_start_marker(t) {
        return None;
    }
    if let Some(inner) = t
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']').or_else(|| s.strip_suffix("].")))
    {
        let inner = inner.trim().trim_end_matches('.').trim_end();
        let ok = inner.len() <= MAX_BRACKETED && !inner.contains(['[', ']']);
        return (ok && keyword(first_word(inner))).then_some(inner);
    }
    let label = t.trim_end_matches('.').trim_end();
    (label.len() <= 60 && unbracketed(label)).then_some(label)
}

fn first_word(s: &str) -> &str {
    s.split(|c: char| !(c.is_alphabetic() || c == '-'))
        .next()
        .unwrap_or_default()
        .trim_end_matches('-')
}

fn keyword(w: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// `Enclosure`, `Enclosure 1`, `ATTACHMENT A`, `Enclosure No. 2`, `Enclosure—Translation`:
/// a capitalised keyword, an optional number or letter, an optional dash and a few words.
fn unbracketed(t: &str) -> bool {
    let w = first_word(t);
    if !keyword(w) || !w.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let mut rest = t.get(w.len()..).unwrap_or_default().trim_start();
    if let Some(r) = rest.strip_prefix("No.") {
        rest = r.trim_start();
    }
    let designator = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(rest);
    let is_designator = designator.bytes().all(|b| b.is_ascii_digit())
        || (designator.len() == 1 && designator.bytes().all(|b| b.is_ascii_uppercase()))
        || designator.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    if is_designator {
        rest = rest
            .get(designator.len()..)
            .unwrap_or_default()
            .trim_start_matches('.')
            .trim_start();
    }
    if rest.is_empty() {
        return true;
    }
    let Some(after) = rest
        .strip_prefix('—')
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix("--"))
        .or_else(|| rest.strip_prefix(':'))
    else {
        return false;
    };
    let after = after.trim();
    !after.is_empty()
        && after.split_whitespace().count() <= 3
        && after.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_markers() {
        assert_eq!(marker("[Enclosure]"), Some("Enclosure"));
        assert_eq!(marker("[Enclosure 1]"), Some("Enclosure 1"));
        assert_eq!(marker("[Attachment]"), Some("Attachment"));
        assert_eq!(
            marker("[Inclosure 2 in No. 685.—Translation.]"),
            Some("Inclosure 2 in No. 685.—Translation")
        );
        assert_eq!(
            marker("[Subenclosure—Extract]"),
            Some("Subenclosure—Extract")
        );
        assert_eq!(marker("[Annex 2—Translation]"), Some("Annex 2—Translation"));
        assert_eq!(marker("[Enclosed herewith is the note]"), None);
        assert_eq!(marker("[Two lines illegible.]"), None);
    }

    #[test]
    fn every_keyword_passes_the_first_test() {
        for k in KEYWORDS {
            let mut capital = k.to_string();
            capital[..1].make_ascii_uppercase();
            for t in [capital, k.to_ascii_uppercase()] {
                assert!(may_start_marker(&t), "{t}");
                assert_eq!(marker(&t), Some(t.as_str()));
            }
        }
        assert!(!may_start_marker("In the morning"));
        assert!(!may_start_marker("Stalin said"));
        assert!(!may_start_marker("A"));
    }

    #[test]
    fn unbracketed_markers() {
        assert_eq!(marker("Enclosure"), Some("Enclosure"));
        assert_eq!(
            marker("Enclosure—Translation"),
            Some("Enclosure—Translation")
        );
        assert_eq!(marker("Enclosure 2"), Some("Enclosure 2"));
        assert_eq!(marker("ATTACHMENT A"), Some("ATTACHMENT A"));
        assert_eq!(marker("Enclosure No. 3."), Some("Enclosure No. 3"));
        assert_eq!(
            marker("Annex II: Draft Protocol"),
            Some("Annex II: Draft Protocol")
        );
        // Prose that opens with the word is not a marker.
        assert_eq!(
            marker("Enclosure of the commons went on for a century."),
            None
        );
        assert_eq!(marker("Attachment to the old order was strong"), None);
        assert_eq!(marker("enclosure"), None);
    }
}
