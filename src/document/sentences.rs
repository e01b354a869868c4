//! Sentences in archival prose: where one ends and the next begins.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (closing quotes, brackets and footnote references
//! such as `[19]` may follow) when white space and then the start of a new sentence come
//! next: a capital letter, a digit, or opening punctuation. A line break inside a block (a
//! roster, a signature) always ends one. A full stop does not end a sentence after:
//! - a title (`Mr.`, `Dr.`, `Gen.`, `Amb.`, `St.`);
//! - a short word before a number (`No. 2`, `p. 89`, `vol. 68`, `f. 0100, op. 46`, `Sept. 14`);
//! - an initial or an initialism (`T. V. Soong`, `U.S.S.R.`, `e.g.`) or `etc.`, `Jr.`, `Co.`,
//!   unless the next word is one that usually starts a sentence (`The`, `He`, `In`, ...);
//! - a lower-case continuation (`etc. and`).
//!
//! The leading label of a numbered item (`1. `, `(b) `) is not a sentence of its own: the
//! first sentence starts after it. Used by bookmark quotes, the reader's selection and the
//! parsing of archive citations.

use std::ops::Range;

/// Abbreviations that never end a sentence (compared without case and without the stop).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "cdr", "comdr", "adm", "sgt", "cpl", "pvt", "brig", "gov", "sen", "rep", "amb", "hon",
    "rev", "msgr", "pres", "supt", "insp", "st", "mt", "ft", "ste", "gens", "cols",
];

/// Abbreviations that end a sentence only before a word that usually starts one.
const SOFT: &[&str] = &[
    "etc", "jr", "sr", "co", "ltd", "inc", "corp", "bros", "esq", "viz", "cf", "ca", "approx",
];

/// Longer words that are abbreviations before a number (`chap. 3`); any word of up to four
/// letters counts too (`No.`, `pp.`, `vol.`, `Sept.`, `art.`).
const BEFORE_NUMBER: &[&str] = &["chap", "vols", "paras", "sect", "secs", "nos", "figs"];

/// Words that usually start a sentence: after an initial or `etc.` they mean a new one.
const STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "during",
    "each",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "moreover",
    "my",
    "no",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "we",
    "what",
    "when",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yes",
    "you",
];

/// The byte ranges of the sentences of `text`, in order; each is trimmed of white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = skip_space(text, label_end(text));
    let mut i = start;
    while i < text.len() {
        let c = next_char(text, i);
        if c == '\n' {
            push(text, &mut out, start, i);
            start = skip_space(text, i + 1);
            i = start;
            continue;
        }
        if is_terminal(c)
            && let Some((end, next)) = sentence_end(text, i)
        {
            push(text, &mut out, start, end);
            start = next;
            i = next;
            continue;
        }
        i += c.len_utf8();
    }
    push(text, &mut out, start, text.len());
    out
}

/// The sentence that holds byte `at`; between two sentences, the next one (the last one at
/// the end). An empty range at `at` when `text` has no sentence.
pub fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let all = sentences(text);
    all.iter()
        .find(|r| at < r.end)
        .or(all.last())
        .cloned()
        .unwrap_or(at.min(text.len())..at.min(text.len()))
}

/// Where the text of a numbered item starts after its label (`1. `, `(2) `, `b) `); 0 when
/// `text` has no label.
pub fn label_end(text: &str) -> usize {
    let t = text.trim_start();
    match super::lines::numbered(t) {
        Some((_, body)) => text.len() - body.len(),
        None => 0,
    }
}

fn push(text: &str, out: &mut Vec<Range<usize>>, start: usize, end: usize) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let trimmed = piece.trim_end();
    let lead = piece.len() - piece.trim_start().len();
    if !trimmed.trim_start().is_empty() {
        out.push(start + lead..start + trimmed.len());
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡')
}

/// If the terminal at `at` ends a sentence: where the sentence ends (after its closers) and
/// where the next one starts.
fn sentence_end(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut end = at;
    // More terminals (`?!`, `...`), then closers and footnote references (`.”[19]`).
    while end < text.len() && is_terminal(next_char(text, end)) {
        end += next_char(text, end).len_utf8();
    }
    while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
        if is_closer(c) {
            end += c.len_utf8();
        } else if let Some(n) = text.get(end..).and_then(footnote_ref) {
            end += n;
        } else {
            break;
        }
    }
    let next = skip_space(text, end);
    if next == end && end < text.len() {
        return None;
    }
    if next >= text.len() || text.get(end..next).is_some_and(|s| s.contains('\n')) {
        return Some((end, next));
    }
    let first = next_char(text, next);
    let starts = first.is_uppercase() || first.is_ascii_digit() || is_opener(first);
    if !starts {
        return None;
    }
    if next_char(text, at) == '.' && !full_stop_ends(text, at, next) {
        return None;
    }
    Some((end, next))
}

/// `[19]`: the length of a footnote reference at the start of `s`.
fn footnote_ref(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let closed = inner.get(digits..).is_some_and(|r| r.starts_with(']'));
    (digits > 0 && digits <= 3 && closed).then_some(digits + 2)
}

/// Whether the full stop at `dot`, followed by a capital, digit or opener at `next`, ends
/// the sentence: the abbreviation rules of the module's documentation.
fn full_stop_ends(text: &str, dot: usize, next: usize) -> bool {
    let word_start = text
        .get(..dot)
        .unwrap_or_default()
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + next_char(text, i).len_utf8());
    let word = text
        .get(word_start..dot)
        .unwrap_or_default()
        .trim_start_matches(is_opener);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    let first = next_char(text, next);
    let alphabetic = word.chars().all(char::is_alphabetic);
    if first.is_ascii_digit()
        && alphabetic
        && (word.chars().count() <= 4 || BEFORE_NUMBER.contains(&lower.as_str()))
    {
        return false;
    }
    if is_initials(word) || SOFT.contains(&lower.as_str()) {
        return starts_sentence(text.get(next..).unwrap_or_default());
    }
    true
}

/// `T`, `U.S.S.R`, `e.g`: single letters joined by full stops.
fn is_initials(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Whether the first word of `s` is one that usually starts a sentence.
fn starts_sentence(s: &str) -> bool {
    let s = s.trim_start_matches(is_opener);
    let len = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    let (word, rest) = s.split_at_checked(len).unwrap_or((s, ""));
    // `A.` and `I.` are initials, not the words.
    let initial = rest.starts_with('.');
    !initial && STARTERS.contains(&word.to_lowercase().as_str())
}

fn next_char(text: &str, i: usize) -> char {
    text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ')
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let c = next_char(text, i);
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("Soong told Stalin. Stalin agreed!  Did he? Yes."),
            ["Soong told Stalin.", "Stalin agreed!", "Did he?", "Yes."]
        );
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("   "), Vec::<&str>::new());
        assert_eq!(split("No stop at the end"), ["No stop at the end"]);
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Present: Dr. T. V. Soong and Mr. W. A. Harriman. They met at noon."),
            [
                "Present: Dr. T. V. Soong and Mr. W. A. Harriman.",
                "They met at noon."
            ]
        );
        assert_eq!(
            split("The station chief, comrade I. S. Belov, reports. Gen. Marshall agreed."),
            [
                "The station chief, comrade I. S. Belov, reports.",
                "Gen. Marshall agreed."
            ]
        );
    }

    #[test]
    fn initialisms_end_a_sentence_only_before_a_usual_first_word() {
        assert_eq!(
            split("He spoke for the U.S.S.R. The talks went on. The U.S. Government agreed."),
            [
                "He spoke for the U.S.S.R.",
                "The talks went on.",
                "The U.S. Government agreed."
            ]
        );
        assert_eq!(
            split("Ports, railways, etc. were discussed, e.g. Dairen. Then they ate."),
            [
                "Ports, railways, etc. were discussed, e.g. Dairen.",
                "Then they ate."
            ]
        );
    }

    #[test]
    fn abbreviations_before_numbers() {
        assert_eq!(
            split(
                "See No. 2 and p. 89 of vol. 68. AVPRF, f. 0100, op. 46, d. 12, ll. 33-35. Done."
            ),
            [
                "See No. 2 and p. 89 of vol. 68.",
                "AVPRF, f. 0100, op. 46, d. 12, ll. 33-35.",
                "Done."
            ]
        );
        assert_eq!(
            split("It resumed on March 11. 214 wagons left on Sept. 14. Good."),
            [
                "It resumed on March 11.",
                "214 wagons left on Sept. 14.",
                "Good."
            ]
        );
    }

    #[test]
    fn closers_footnote_references_and_brackets() {
        assert_eq!(
            split("He said “go.” Then he left.[19] [Two lines illegible.] Representatives came."),
            [
                "He said “go.”",
                "Then he left.[19]",
                "[Two lines illegible.]",
                "Representatives came."
            ]
        );
        assert_eq!(
            split("Port Arthur [Lüshun] mattered. (He did not say so.) Dairen did."),
            [
                "Port Arthur [Lüshun] mattered.",
                "(He did not say so.)",
                "Dairen did."
            ]
        );
    }

    #[test]
    fn numbered_labels_and_line_breaks() {
        let t = "1. Traffic resumed. The chief reports.";
        assert_eq!(split(t), ["Traffic resumed.", "The chief reports."]);
        assert_eq!(label_end(t), 3);
        assert_eq!(split("(b) That it is so."), ["That it is so."]);
        assert_eq!(
            split("W. A. Harriman, American Ambassador\nDr. T. V. Soong"),
            ["W. A. Harriman, American Ambassador", "Dr. T. V. Soong"]
        );
        assert_eq!(label_end("1945. A year"), 0);
    }

    #[test]
    fn the_sentence_at_a_position() {
        let t = "One. Two words here. Three.";
        let at = t.find("words").unwrap();
        assert_eq!(&t[sentence_at(t, at)], "Two words here.");
        // Between sentences: the next one; past the end: the last one.
        assert_eq!(&t[sentence_at(t, 4)], "Two words here.");
        assert_eq!(&t[sentence_at(t, t.len())], "Three.");
        assert_eq!(sentence_at("", 3), 0..0);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "....",
            ". . .",
            "a.",
            ".A",
            "…",
            "Ünï. Çödé.",
            "[1]. [2]",
            "Mr.",
            "\n\n.",
        ] {
            for r in sentences(t) {
                assert!(
                    t.is_char_boundary(r.start) && t.is_char_boundary(r.end),
                    "{t}"
                );
                assert!(r.start < r.end, "{t}");
            }
        }
    }
}
