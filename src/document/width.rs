//! Character clusters whose width ratatui and the terminal count differently.
//!
//! ratatui gives each grapheme cluster the width `unicode-width` reports for the whole
//! cluster; a terminal advances its cursor character by character (`wcwidth`). Where the two
//! totals disagree — an emoji ZWJ sequence (`👨‍👩‍👧`: 2 for ratatui, 6 for the terminal), an
//! emoji presentation selector (`❤️`: 2 against 1), a skin-tone modifier (`👍🏽`: 2 against 4),
//! a halfwidth katakana with its sound mark (`ｶﾞ`: 3 against 2) — everything after the cluster
//! on its row lands columns away from where ratatui put it: stray glyphs after scrolling and a
//! pane border pushed aside. Such clusters are simplified when a document is loaded, so that
//! wrapping, ratatui and the terminal all count the same: joiners, variation selectors and
//! modifiers are dropped (the family becomes three people, the heart a plain heart), else the
//! cluster takes its compatibility form (`ｶﾞ` → `ガ`), else it becomes `�`.
//!
//! Clusters whose totals agree but which the terminal spreads over several cells (Thai `กำ`,
//! Devanagari `क्ष` and `कि`, flags) keep their text, so search still finds them; the screen
//! splits them into one cell per character as it draws (`ui::cells`).

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The width ratatui gives a cluster (as `ratatui_core::buffer::CellWidth` computes it).
pub fn drawn_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    // Halfwidth (semi-)voiced sound marks: ratatui counts one more cell for each.
    g.width()
        + g.chars()
            .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
            .count()
}

/// The columns a terminal advances over the cluster, one character at a time.
pub fn terminal_width(g: &str) -> usize {
    g.chars().map(|c| c.width().unwrap_or(0).min(2)).sum()
}

/// Characters that only modify how their neighbours are drawn: zero width joiner, variation
/// selectors, emoji skin-tone modifiers and tag characters.
fn modifier(c: char) -> bool {
    matches!(c,
        '\u{200D}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// May a cluster holding `c` have a width that is not the sum of its characters' widths?
/// These are the characters of every such rule of `unicode-width` (emoji sequences, joiners,
/// variation selectors, keycaps, Khmer, Buginese, Tifinagh, Lisu, Old Turkic and Kirat Rai
/// ligatures) and the halfwidth sound marks ratatui counts apart. Text without any of them
/// (nearly every document) is not segmented at all.
fn suspect(c: char) -> bool {
    matches!(c,
        '\u{200D}'
        | '\u{20E3}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FF9E}'
        | '\u{FF9F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{1A00}'..='\u{1A1F}'
        | '\u{2D30}'..='\u{2D7F}'
        | '\u{A4F8}'..='\u{A4FD}'
        | '\u{10C00}'..='\u{10C4F}'
        | '\u{16D40}'..='\u{16D7F}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{E0000}'..='\u{E01EF}')
}

/// Does `s` hold a [`suspect`] character? Eight bytes of ASCII are skipped at a time and only
/// the lead bytes of suspect characters (`E1`, `E2`, `EA`, `EF`, `F0`, `F3`) are decoded, so
/// plain text is scanned at memory speed.
fn any_suspect(s: &str) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(word) = bytes.get(i..i + 8)
            && u64::from_le_bytes(word.try_into().unwrap_or([0; 8])) & HIGH == 0
        {
            i += 8;
            continue;
        }
        let lead = matches!(b, 0xE1 | 0xE2 | 0xEA | 0xEF | 0xF0 | 0xF3);
        // A lead byte always starts a character.
        if lead
            && s.get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(suspect)
        {
            return true;
        }
        i += 1;
    }
    false
}

/// Do ratatui and the terminal give the cluster the same width?
fn agrees(g: &str) -> bool {
    drawn_width(g) == terminal_width(g)
}

/// Simplify the clusters of `text` whose width ratatui and the terminal count differently.
/// Returns the text and how many clusters were changed.
pub fn normalise(text: String) -> (String, usize) {
    if text.is_ascii() || !any_suspect(&text) {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = 0;
    for line in text.split_inclusive('\n') {
        if !any_suspect(line) {
            out.push_str(line);
            continue;
        }
        for g in line.graphemes(true) {
            if g == "\n" || agrees(g) {
                out.push_str(g);
                continue;
            }
            changed += 1;
            simplify(g, &mut out);
        }
    }
    (out, changed)
}

/// `g` without its modifiers, or in its compatibility form, or `�`.
fn simplify(g: &str, out: &mut String) {
    let plain: String = g.chars().filter(|&c| !modifier(c)).collect();
    if plain.graphemes(true).all(agrees) {
        out.push_str(&plain);
        return;
    }
    let compat: String = plain.nfkc().collect();
    if compat.graphemes(true).all(agrees) {
        out.push_str(&compat);
        return;
    }
    for part in plain.graphemes(true) {
        out.push_str(if agrees(part) { part } else { "\u{FFFD}" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalise(s.to_string()).0
    }

    #[test]
    fn clusters_that_already_agree_are_kept() {
        for s in [
            "กำแพง น้ำ",
            "क्षत्रिय कि",
            "🇺🇸 flag",
            "e\u{301}te",
            "가 한 旅顺",
            "“quoted” – dash",
            "ภาษา\u{200B}ไทย",
        ] {
            assert_eq!(norm(s), s);
        }
    }

    #[test]
    fn the_byte_scan_finds_what_the_char_scan_finds() {
        for s in [
            "plain “quotes” – ✓ ok",
            "a\u{200D}b",
            "x ❤\u{FE0F}",
            "ｶﾞ",
            "🇺🇸",
            "ក្ក",
            "—",
        ] {
            assert_eq!(any_suspect(s), s.chars().any(suspect), "{s:?}");
        }
    }

    #[test]
    fn emoji_sequences_are_simplified() {
        assert_eq!(norm("a 👨\u{200D}👩\u{200D}👧 b"), "a 👨👩👧 b");
        assert_eq!(norm("❤\u{FE0F}"), "❤");
        assert_eq!(norm("👍🏽"), "👍");
        assert_eq!(norm("1\u{FE0F}\u{20E3}"), "1\u{20E3}");
        assert_eq!(normalise("x 👍🏽 y ❤\u{FE0F}".into()).1, 2);
    }

    #[test]
    fn halfwidth_katakana_with_a_sound_mark_takes_its_full_form() {
        // Only the cluster that disagrees changes: the others draw as they are.
        assert_eq!(norm("ｶﾞｲﾑｼｮｳ"), "ガｲﾑｼｮｳ");
    }

    #[test]
    fn every_cluster_of_the_result_agrees() {
        let s = "🏳\u{FE0F}\u{200D}🌈 ｶﾞ \u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} ☺\u{FE0E} ¿Qué?\n";
        let out = norm(s);
        for g in out.graphemes(true).filter(|g| *g != "\n") {
            assert!(agrees(g), "{g:?} in {out:?}");
        }
    }
}
