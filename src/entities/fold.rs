//! Folding names for comparison: lowercase, without accents, with one kind of apostrophe, so
//! that `HARBIN`, `Harbin`, `Lushunkou` and `Lüshunkou` compare equal.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Write the folded form of `s` into `out` (cleared first). Runs of whitespace become one space.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    if s.is_ascii() {
        let mut space = false;
        for b in s.bytes() {
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b.to_ascii_lowercase() as char);
        }
        return;
    }
    let mut space = false;
    for c in s.nfd() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The folded form of `s` as a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_apostrophes_fold_away() {
        assert_eq!(fold("HARBIN"), "harbin");
        assert_eq!(fold("Lüshunkou"), fold("Lushunkou"));
        assert_eq!(fold("Königsberg"), "konigsberg");
        assert_eq!(fold("Yan\u{2019}an"), "yan'an");
        assert_eq!(fold("Port\n  Arthur"), "port arthur");
    }
}
