//! The last step of drawing: cells the terminal draws the way ratatui counts them.
//!
//! ratatui keeps a grapheme cluster in one cell, however many columns it covers. A terminal
//! draws character by character: Thai `กำ`, Devanagari `क्ष` and `कि` or a flag `🇺🇸` take two
//! cells there, one per character. When a later frame puts a narrower glyph in that cell,
//! ratatui assumes the terminal erased the rest of the cluster and does not rewrite the next
//! cell: the second half stays on screen as a stray glyph. Splitting such clusters into one
//! cell per character (each with the zero-width marks that follow it) makes ratatui's cells
//! the terminal's. A cluster whose width the two still count differently (document text is
//! normalised at load, but notes and file names are not) is drawn as `�` and blanks.

use crate::document::width::{drawn_width, terminal_width};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthChar;

/// Rewrite the cells of `buf` that hold a cluster the terminal would spread over several cells.
pub fn settle(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let (w, pieces) = {
                let sym = buf[(x, y)].symbol();
                // Most cells hold one character: nothing to do.
                if sym.len() <= 1 || sym.chars().nth(1).is_none() {
                    x += 1;
                    continue;
                }
                (drawn_width(sym).max(1), pieces(sym))
            };
            let style = buf[(x, y)].style();
            let last = (x + w as u16).min(area.right());
            match pieces {
                Some(parts) if parts.len() > 1 && parts.iter().map(|p| p.1).sum::<usize>() == w => {
                    let mut cx = x;
                    for (piece, pw) in parts {
                        if cx >= last {
                            break;
                        }
                        buf[(cx, y)].set_symbol(&piece).set_style(style);
                        for skip in cx + 1..(cx + pw as u16).min(last) {
                            buf[(skip, y)].reset();
                        }
                        cx += pw as u16;
                    }
                }
                Some(parts) if parts.len() <= 1 && terminal_width(&parts_text(&parts)) == w => {}
                _ => {
                    buf[(x, y)].set_symbol("\u{FFFD}");
                    for cx in x + 1..last {
                        buf[(cx, y)].set_symbol(" ").set_style(style);
                    }
                }
            }
            x = last.max(x + 1);
        }
    }
}

fn parts_text(parts: &[(String, usize)]) -> String {
    parts.iter().map(|p| p.0.as_str()).collect()
}

/// The cluster as the terminal lays it out: one piece per character of non-zero width, with
/// the zero-width characters after it; `None` when it has no such character.
fn pieces(sym: &str) -> Option<Vec<(String, usize)>> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for c in sym.chars() {
        let w = c.width().unwrap_or(0).min(2);
        match out.last_mut() {
            Some(last) if w == 0 => last.0.push(c),
            None if w == 0 => out.push((c.to_string(), 0)),
            _ => out.push((c.to_string(), w)),
        }
    }
    // Zero-width characters before the first visible one belong to it.
    if out.len() > 1 && out[0].1 == 0 {
        let lead = out.remove(0).0;
        out[0].0.insert_str(0, &lead);
    }
    (out.iter().any(|p| p.1 > 0)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn row(text: &str, width: u16) -> Vec<String> {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        buf.set_string(0, 0, text, Style::new());
        settle(&mut buf);
        (0..width)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn clusters_spread_over_cells_are_split() {
        assert_eq!(row("กำa", 4), ["ก", "ำ", "a", " "]);
        assert_eq!(row("क्षx", 3), ["क्", "ष", "x"]);
        assert_eq!(row("🇺🇸", 2), ["🇺", "🇸"]);
        assert_eq!(row("e\u{301}旅", 3), ["e\u{301}", "旅", " "]);
    }

    #[test]
    fn a_cluster_of_the_wrong_width_becomes_a_replacement_character() {
        assert_eq!(row("👨\u{200D}👩x", 3), ["\u{FFFD}", " ", "x"]);
    }
}
