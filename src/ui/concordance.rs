//! The concordance overlay: every place the selected entity is named, as a keyword-in-context
//! line. The ¶ number (as the status line counts paragraphs) on the left, then the same
//! number of columns of context on each side of the name, the names in one aligned column,
//! the context cut at word boundaries with `…`. Kind and aliases are in the title.
//!
//! Only the lines on screen are built, each from a window of text around its name, and the
//! name column's width is measured once when the concordance opens: an entity named
//! thousands of times in a document of one huge paragraph costs a frame no more than one
//! named twice.

use super::Theme;
use super::fit::{take_back, take_front, truncate};
use crate::app::{Action, App, Mode, Overlay, Panes};
use crate::document::TextRange;
use crate::document::flat;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The concordance is at most this wide.
const MAX_WIDTH: u16 = 120;
/// The name column takes at most this share of the width, or what leaves `MIN_SIDE` columns
/// of context on each side when that is more (a longer name is cut with `…`).
const NAME_SHARE: usize = 3;
const MIN_SIDE: usize = 8;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Overlay::Concordance(c) = app.overlay() else {
        return;
    };
    let Some(entity) = app.entities().list().get(c.entity) else {
        return;
    };
    let ranges = app.concordance_ranges();
    let popup = Panes::overlay(area, MAX_WIDTH, Some(ranges.len()));
    if popup.width < 10 || popup.height < 3 {
        return;
    }
    let mut title = format!(" {} · {}", entity.name, entity.kind.as_str());
    if !entity.aliases.is_empty() {
        title.push_str(&format!(" · also {}", entity.aliases.join(", ")));
    }
    let s = if ranges.len() == 1 { "" } else { "s" };
    title.push_str(&format!(" · {} mention{s} ", ranges.len()));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::styled(
            super::border_text(&title, popup.width),
            theme.title_focused,
        ))
        .title_bottom(Line::styled(
            super::border_text(&hint(app), popup.width),
            theme.dim,
        ));
    let width = usize::from(popup.width.saturating_sub(2));
    let height = usize::from(popup.height.saturating_sub(2)).max(1);
    let columns = Columns::new(app, ranges, c.name_width, width);
    // Keep the selection in view (after a resize too), scrolling as little as possible.
    let offset = c
        .offset
        .min(c.selected)
        .max((c.selected + 1).saturating_sub(height));
    let lines: Vec<Line> = ranges
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, r)| columns.line(app, *r, i == c.selected, theme))
        .collect();
    super::clear_for_overlay(frame);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// The keys at the bottom of the overlay.
fn hint(app: &App) -> String {
    app.keymap().hint(
        Mode::Concordance,
        &[
            (&[Action::ConcordanceDown, Action::ConcordanceUp], "select"),
            (&[Action::ConcordanceJump], "go"),
            (&[Action::CloseConcordance], "close"),
        ],
    )
}

/// The widths every line shares: the ¶ column, the context on each side, the name column.
struct Columns {
    para: usize,
    side: usize,
    name: usize,
}

impl Columns {
    /// `widest`: the widest name of all the lines, as [`flat`] shows it.
    fn new(app: &App, ranges: &[TextRange], widest: usize, width: usize) -> Self {
        let paragraphs = app.view().paragraphs();
        // Ranges are in document order: the last has the largest number.
        let last = ranges.last().map_or(0, |r| paragraphs.number_at(r.block));
        let para = format!("¶{last}").width() + 1;
        let room = (width / NAME_SHARE).max(width.saturating_sub(para + 2 * MIN_SIDE));
        let name = widest.min(room).max(1);
        // ¶ column, context, name, context.
        let side = width.saturating_sub(para + name) / 2;
        Self { para, side, name }
    }

    fn line(&self, app: &App, r: TextRange, selected: bool, theme: &Theme) -> Line<'static> {
        let text = app
            .doc()
            .blocks
            .get(r.block)
            .map_or("", |b| b.text.as_str());
        let part = |a: usize, b: usize| text.get(a..b).unwrap_or("");
        // A side shows at most `side` columns: a few times that many bytes of text on either
        // side of the name are all it can need, however long the paragraph.
        let reach = self.side.saturating_add(1).saturating_mul(8);
        let from = floor_boundary(text, r.start.saturating_sub(reach));
        let to = floor_boundary(text, r.end.saturating_add(reach));
        let (before, name, after) = kwic(
            part(from, r.start),
            part(r.start, r.end),
            part(r.end, to),
            self.side,
            self.name,
        );
        let para = app.view().paragraphs().number_at(r.block);
        let pick = |s: Style| {
            if selected {
                s.patch(theme.item_selected)
            } else {
                s
            }
        };
        let name_style = if selected {
            theme.target_current
        } else {
            theme.target
        };
        let number = format!("{:>w$} ", format!("¶{para}"), w = self.para - 1);
        Line::from(vec![
            Span::styled(number, pick(theme.dim)),
            Span::styled(before, pick(theme.text)),
            Span::styled(name, name_style),
            Span::styled(after, pick(theme.text)),
        ])
    }
}

/// One keyword-in-context line: the text before the name right-aligned in `side` columns, the
/// name (cut to `name_w` columns), the text after it in at most `side` columns. Context is cut
/// at a word boundary and marked `…` where it goes on; line breaks are spaces; the space (or
/// none: `Stalin's`) between the name and its context is the text's own.
pub fn kwic(
    before: &str,
    name: &str,
    after: &str,
    side: usize,
    name_w: usize,
) -> (String, String, String) {
    let left = cut_before(&flat(before), side);
    let fill = " ".repeat(side.saturating_sub(left.width()));
    let right = cut_after(&flat(after), side);
    (fill + &left, truncate(&flat(name), name_w), right)
}

/// The last character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of `text` in at most `max` columns; when that is not all of it, `…` and whole words
/// (a space at the end, before the name, is kept).
fn cut_before(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if let Some(rest) = text.strip_suffix(' ') {
        return match max {
            0 => String::new(),
            _ => cut_before(rest, max - 1) + " ",
        };
    }
    if max == 0 {
        return String::new();
    }
    let tail = take_back(text, max - 1);
    let cut_in_word = !text[..text.len() - tail.len()].ends_with(' ');
    // No whole word fits: the `…` alone says the text goes on.
    let words = match tail.find(' ') {
        Some(i) if cut_in_word => &tail[i + 1..],
        None if cut_in_word => "",
        _ => tail,
    };
    format!("…{}", words.trim_start())
}

/// The start of `text` in at most `max` columns; when that is not all of it, whole words and
/// `…` (a space at the start, after the name, is kept).
fn cut_after(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if let Some(rest) = text.strip_prefix(' ') {
        return match max {
            0 => String::new(),
            _ => format!(" {}", cut_after(rest, max - 1)),
        };
    }
    if max == 0 {
        return String::new();
    }
    let head = take_front(text, max - 1);
    let cut_in_word = !text[head.len()..].starts_with(' ');
    let words = match head.rfind(' ') {
        Some(i) if cut_in_word => &head[..i],
        None if cut_in_word => "",
        _ => head,
    };
    format!("{}…", words.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_sits_in_one_column_with_as_much_context_each_side() {
        let (l, n, r) = kwic(
            "Stalin wants naval facilities at ",
            "Dairen [Dalian]",
            ". Soong disagreed with him.",
            15,
            20,
        );
        assert_eq!(l, "…facilities at ");
        assert_eq!(n, "Dairen [Dalian]");
        assert_eq!(r, ". Soong…");
        let (l, n, r) = kwic("in ", "Stalin", "'s\nmind", 15, 20);
        assert_eq!(l, "            in ");
        assert_eq!(n, "Stalin");
        assert_eq!(r, "'s mind");
        let (l, _, r) = kwic("talk with\n", "Stalin", "\nJuly 2", 15, 20);
        assert_eq!((l.trim_start(), r.as_str()), ("talk with ", " July 2"));
        assert_eq!(l.width(), 15, "the names start in one column");
        let (_, n, _) = kwic("", "Generalissimo Chiang Kai-shek", "", 15, 12);
        assert_eq!(n, "Generalissi…");
    }

    #[test]
    fn context_is_cut_at_word_boundaries() {
        assert_eq!(cut_before("the port of Dairen", 10), "…of Dairen");
        assert_eq!(cut_before("the port of Dairen", 9), "…Dairen");
        assert_eq!(cut_after("naval facilities at Dairen", 12), "naval…");
        assert_eq!(cut_after("naval facilities", 16), "naval facilities");
        // No whole word fits: only the `…`.
        assert_eq!(cut_after("Lüshunkou-Dalian and", 5), "…");
        assert_eq!(cut_before("旅顺口区旅顺口区", 5), "…");
        assert_eq!(cut_after("thought the ports", 7), "…");
        assert_eq!(cut_after("thought the ports", 8), "thought…");
    }
}
