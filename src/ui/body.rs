//! The body pane: the transcript's visible rows with labels, span styles and target
//! highlights, the gutter marks, and the marker column.

use super::{Theme, markers, pane_block};
use crate::app::view::wrap::{COLUMN_GAP, TableLayout};
use crate::app::{App, Focus, Panes, VisibleRow};
use crate::document::{Block, BlockKind};
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, frame: &mut Frame, panes: &Panes, theme: &Theme) {
    let focused = app.view().focus() == Focus::Body;
    frame.render_widget(
        pane_block(Focus::Body.name(), panes.body.width, focused, theme),
        panes.body,
    );
    let rows = app.visible_rows();
    let mut gutter = Vec::with_capacity(rows.len());
    let mut text = Vec::with_capacity(rows.len());
    for r in &rows {
        let marked = r.is_first() && app.view().gutter_marks().contains(&r.block);
        gutter.push(if marked {
            Line::styled("▌", theme.gutter_mark)
        } else {
            Line::raw("")
        });
        text.push(row_line(app, r, panes.text.width, theme));
    }
    frame.render_widget(Paragraph::new(gutter), panes.gutter);
    frame.render_widget(Paragraph::new(text), panes.text);
    markers::render(app, frame, panes.markers, rows.last(), theme);
}

/// One screen row: the label or hanging indent, then the text in styled pieces; a table row
/// in columns; an enclosure's first row ruled to the pane's edge.
fn row_line<'a>(app: &'a App, r: &VisibleRow, width: u16, theme: &Theme) -> Line<'a> {
    if r.row.separator {
        return Line::raw("");
    }
    let block = &app.doc().blocks[r.block];
    if let Some(table) = r.layout.table.as_ref()
        && let Some(cells) = table.cells.get(r.index)
    {
        return table_row(app, block, r.block, (table, cells), theme);
    }
    let extra = r.layout.extra.get(r.index).copied().unwrap_or(0);
    let lead = if r.is_first() {
        Span::styled(r.layout.label.clone(), theme.label)
    } else {
        Span::raw(" ".repeat(usize::from(r.layout.indent + extra)))
    };
    let mut spans = vec![lead];
    let label_end = r.layout.text_label;
    spans.extend(pieces(
        app,
        block,
        r.block,
        (r.row.start, r.row.end),
        label_end,
        theme,
    ));
    if block.kind == BlockKind::Enclosure && r.index == 0 {
        let used: usize = spans.iter().map(Span::width).sum();
        let rest = usize::from(width).saturating_sub(used + 1);
        spans.push(Span::styled(format!(" {}", "─".repeat(rest)), theme.label));
    }
    Line::from(spans)
}

/// One screen row of a table: each column's piece padded to the column's width (numbers to
/// the right), the columns apart by a rule.
fn table_row<'a>(
    app: &'a App,
    block: &'a Block,
    index: usize,
    (table, cells): (&TableLayout, &[(usize, usize)]),
    theme: &Theme,
) -> Line<'a> {
    let mut spans = Vec::new();
    for (c, &(start, end)) in cells.iter().enumerate() {
        if c > 0 {
            spans.push(Span::styled(COLUMN_GAP, theme.dim));
        }
        let width = usize::from(table.widths.get(c).copied().unwrap_or(0));
        let shown = block.text.get(start..end).map_or(0, |t| t.width());
        let pad = " ".repeat(width.saturating_sub(shown));
        let right = table.numeric.get(c).copied().unwrap_or(false);
        if right {
            spans.push(Span::raw(pad.clone()));
        }
        spans.extend(pieces(app, block, index, (start, end), 0, theme));
        if !right && c + 1 < cells.len() {
            spans.push(Span::raw(pad));
        }
    }
    Line::from(spans)
}

/// Split `block.text[start..end]` where a style changes (spans, targets) and style each piece.
fn pieces<'a>(
    app: &'a App,
    block: &'a Block,
    index: usize,
    (start, end): (usize, usize),
    label_end: usize,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let text = &block.text;
    let targets = app.targets().filter(|_| app.search().highlight());
    let in_block = targets.map_or(&[][..], |t| t.in_block(index));
    let current = targets.and_then(|t| t.current_range());
    let selected = app.selection().and_then(|s| s.in_block(index, text.len()));
    let mut cuts = vec![start, end];
    if label_end > start && label_end < end && text.is_char_boundary(label_end) {
        cuts.push(label_end);
    }
    let inside = |p: usize| p > start && p < end && text.is_char_boundary(p);
    if let Some((a, b)) = selected {
        cuts.extend([a, b].into_iter().filter(|&p| inside(p)));
    }
    for s in &block.spans {
        cuts.extend([s.start, s.end].into_iter().filter(|&p| inside(p)));
    }
    for t in in_block {
        cuts.extend([t.start, t.end].into_iter().filter(|&p| inside(p)));
    }
    // Names are never longer than LONGEST_NAME, so the marks that can touch a row start at
    // most that far before it.
    let marks = if app.entity_marks() {
        let from = start.saturating_sub(LONGEST_NAME);
        app.entities().marks_starting_in(index, from, end)
    } else {
        Vec::new()
    };
    for (r, _) in &marks {
        cuts.extend([r.start, r.end].into_iter().filter(|&p| inside(p)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let base = theme.block(block.kind);
    cuts.windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0], w[1]);
            let piece = text.get(a..b)?;
            let mut style: Style = base;
            if b <= label_end {
                style = style.patch(theme.label);
            }
            for s in block.spans.iter().filter(|s| s.start <= a && b <= s.end) {
                style = style.patch(theme.span(s.kind));
            }
            if let Some((_, kind)) = marks.iter().find(|(r, _)| r.start <= a && b <= r.end) {
                style = style.patch(theme.kind(*kind));
            }
            if selected.is_some_and(|(s, e)| s <= a && b <= e) {
                style = style.patch(theme.selection);
            }
            if let Some(t) = in_block.iter().find(|t| t.start <= a && b <= t.end) {
                style = style.patch(if Some(*t) == current {
                    theme.target_current
                } else {
                    theme.target
                });
            }
            Some(Span::styled(piece, style))
        })
        .collect()
}

/// Names are never longer than this, so the marks that can touch a row start at most this
/// far before it: a row of a block with thousands of names looks at a few of them.
const LONGEST_NAME: usize = 1024;
