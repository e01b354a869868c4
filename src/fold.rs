//! Folding text for comparison, defined once for search and entities: `Lushunkou` finds
//! `Lüshunkou`, `Lodz` finds `Łódź`, and an alias written either way names the same entity.
//!
//! A character folds to its base letter when its canonical decomposition (NFD) is that letter
//! followed only by diacritical marks; letters with a stroke fold to the letter without it;
//! typographic quotes and dashes fold to their keyboard forms. Search widens a pattern with
//! [`fold_char`] (so it can report offsets in the original text); entities compare names by
//! [`fold`], which also lowercases and turns runs of whitespace into one space.

use unicode_normalization::char::decompose_canonical;

/// The Unicode blocks of combining diacritical marks. Other combining marks (Indic vowel
/// signs, the kana voicing marks) change the letter rather than accent it, so they stay.
pub const ACCENTS: &[(char, char)] = &[
    ('\u{0300}', '\u{036F}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{20D0}', '\u{20FF}'),
    ('\u{FE20}', '\u{FE2F}'),
];

/// Letters with a stroke that NFD leaves whole but that romanisations drop all the same
/// (`Łódź` is written `Lodz`, `Tromsø` `Tromso`), and typographic punctuation.
const STROKES: &[(char, char)] = &[
    ('ø', 'o'),
    ('Ø', 'O'),
    ('ł', 'l'),
    ('Ł', 'L'),
    ('đ', 'd'),
    ('Đ', 'D'),
    ('ħ', 'h'),
    ('Ħ', 'H'),
    // Typographic quotes and dashes, which exports use and keyboards do not type:
    // `Soong's` finds `Soong’s`.
    ('\u{2018}', '\''),
    ('\u{2019}', '\''),
    ('\u{02BC}', '\''),
    ('\u{201C}', '"'),
    ('\u{201D}', '"'),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
    ('\u{2013}', '-'),
    ('\u{2014}', '-'),
];

/// True for a combining diacritical mark (an accent written as its own character).
pub fn is_accent(c: char) -> bool {
    ACCENTS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// The base a character folds to: `ü` → `u`, `Ö` → `O`; `None` for an accent on its own
/// (it folds to nothing); the character itself when it carries no accent.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if is_accent(c) {
        return None;
    }
    if let Some(&(_, base)) = STROKES.iter().find(|&&(s, _)| s == c) {
        return Some(base);
    }
    let mut first = None;
    let mut rest_are_accents = true;
    decompose_canonical(c, |d| match first {
        None => first = Some(d),
        Some(_) => rest_are_accents &= is_accent(d),
    });
    match first {
        Some(base) if rest_are_accents && !is_accent(base) => Some(base),
        _ => Some(c),
    }
}

/// Fold a whole string, keeping case: every character to its base, accents dropped.
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Write the comparison key of `s` into `out` (cleared first): folded, lowercase, runs of
/// whitespace as one space, none at either end.
pub fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.bytes().all(|b| b.is_ascii_graphic()) {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    if s.is_ascii() {
        // Names of several words: no character to fold, only spaces to join.
        let mut space = false;
        for b in s.bytes() {
            if char::from(b).is_whitespace() {
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
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let Some(base) = fold_char(c) else { continue };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if base.is_ascii() {
            out.push(base.to_ascii_lowercase());
        } else {
            out.extend(base.to_lowercase());
        }
    }
}

/// The comparison key of `s` (see [`fold_into`]) as a new string.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_precomposed_letters_to_their_base() {
        assert_eq!(fold_str("Lüshunkou"), "Lushunkou");
        assert_eq!(fold_str("Königsberg"), "Konigsberg");
        assert_eq!(fold_str("Łódź"), "Lodz");
        assert_eq!(fold_str("Ἀθῆναι"), "Αθηναι");
        assert_eq!(
            fold_str("Soong’s “port” – Dalian"),
            "Soong's \"port\" - Dalian"
        );
    }

    #[test]
    fn drops_combining_accents_and_keeps_other_scripts() {
        assert_eq!(fold_str("Lu\u{308}shunkou"), "Lushunkou");
        assert_eq!(fold_str("大連"), "大連");
        // The voicing mark changes a kana, it is not an accent.
        assert_eq!(fold_str("が"), "が");
    }

    #[test]
    fn keys_ignore_case_accents_strokes_apostrophes_and_spacing() {
        assert_eq!(fold("HARBIN"), "harbin");
        assert_eq!(fold("Lüshunkou"), fold("Lushunkou"));
        assert_eq!(fold("Königsberg"), "konigsberg");
        assert_eq!(fold("Yan\u{2019}an"), "yan'an");
        assert_eq!(fold("Yan\u{02BC}an"), "yan'an");
        assert_eq!(fold("Port\n  Arthur "), "port arthur");
        // The strokes search folds are folded in names too.
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Tromsø"), fold("TROMSO"));
        assert_eq!(fold("Hung\u{2010}chang"), "hung-chang");
    }

    #[test]
    fn every_character_folds_the_same_in_search_and_in_keys() {
        // A key is the folded string lowercased: what search matches, names compare equal by.
        for s in ["Łódź", "Ærø", "São Paulo", "Hā'ěrbīn", "Dvořák", "Đà Nẵng"] {
            assert_eq!(fold(s), fold_str(s).to_lowercase(), "{s}");
        }
    }
}
