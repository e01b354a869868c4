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

/// May a line holding `c` contain a cluster the two counts disagree on? Latin, Greek and
/// Cyrillic letters below U+0300 and the typographic punctuation of archives never do.
fn suspect(c: char) -> bool {
    c >= '\u{300}'
        && !matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{20A0}'..='\u{20C0}')
}

/// Do ratatui and the terminal give the cluster the same width?
fn agrees(g: &str) -> bool {
    drawn_width(g) == terminal_width(g)
}

/// Simplify the clusters of `text` whose width ratatui and the terminal count differently.
/// Returns the text and how many clusters were changed.
pub fn normalise(text: String) -> (String, usize) {
    if text.is_ascii() || !text.chars().any(suspect) {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = 0;
    for line in text.split_inclusive('\n') {
        if !line.chars().any(suspect) {
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
