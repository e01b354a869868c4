//! The body pane: the transcript's visible rows with labels, span styles and target
//! highlights, the gutter marks, and the marker column.

use super::{Theme, markers, pane_block};
use crate::app::{App, Focus, Panes, VisibleRow};
use crate::document::Block;
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, panes: &Panes, theme: &Theme) {
    let focused = app.view().focus() == Focus::Body;
    frame.render_widget(pane_block("Transcript".into(), focused, theme), panes.body);
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
        text.push(row_line(app, r, theme));
    }
    frame.render_widget(Paragraph::new(gutter), panes.gutter);
    frame.render_widget(Paragraph::new(text), panes.text);
    markers::render(app, frame, panes.markers, rows.last(), theme);
}

/// One screen row: the label or hanging indent, then the text in styled pieces.
fn row_line<'a>(app: &'a App, r: &VisibleRow, theme: &Theme) -> Line<'a> {
    if r.row.separator {
        return Line::raw("");
    }
    let block = &app.doc().blocks[r.block];
    let lead = if r.is_first() {
        Span::styled(r.layout.label.clone(), theme.label)
    } else {
        Span::raw(" ".repeat(usize::from(r.layout.indent)))
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
    let mut cuts = vec![start, end];
    if label_end > start && label_end < end && text.is_char_boundary(label_end) {
        cuts.push(label_end);
    }
    let inside = |p: usize| p > start && p < end && text.is_char_boundary(p);
    for s in &block.spans {
        cuts.extend([s.start, s.end].into_iter().filter(|&p| inside(p)));
    }
    for t in in_block {
        cuts.extend([t.start, t.end].into_iter().filter(|&p| inside(p)));
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
