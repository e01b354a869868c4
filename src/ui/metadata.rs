//! The metadata pane: the archive's fields, scrollable; one title row when collapsed.

use super::{Theme, pane_block};
use crate::app::view::meta::{MetaRow, rows};
use crate::app::{App, Focus, TargetLabel};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.view().focus() == Focus::Metadata;
    if area.height < 3 {
        let style = if focused {
            theme.title_focused
        } else {
            theme.title
        };
        let line = Line::from(vec![
            Span::styled(" ▸ Document ", style),
            Span::styled(app.doc().display_title().to_string(), theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let inner_w = area.width.saturating_sub(2);
    let inner_h = usize::from(area.height.saturating_sub(2));
    let all = rows(&app.doc().metadata, inner_w);
    let scroll = app
        .view()
        .meta_scroll()
        .min(all.len().saturating_sub(inner_h));
    let mut block = pane_block("Document".into(), focused, theme);
    if all.len() > scroll + inner_h {
        block = block.title_bottom(Line::styled(" more ↓ ", theme.dim).right_aligned());
    }
    let names = app.metadata_names();
    let mut field = String::new();
    let lines: Vec<Line> = if all.is_empty() {
        vec![Line::styled("no archive metadata in this file", theme.dim)]
    } else {
        all.into_iter()
            .enumerate()
            .filter_map(|(i, MetaRow { label, text })| {
                if let Some(l) = &label {
                    field.clone_from(l);
                }
                if i < scroll || i >= scroll + inner_h {
                    return None;
                }
                let mut spans = Vec::with_capacity(2);
                if let Some(l) = label {
                    spans.push(Span::styled(l, theme.meta_label));
                }
                let searching = matches!(
                    app.targets().map(|t| &t.label),
                    Some(TargetLabel::Search(_))
                );
                if !searching && matches!(field.as_str(), "Title: " | "Summary: ") {
                    spans.extend(entity_spans(app, &names, text, theme));
                } else {
                    spans.extend(super::search::highlighted(
                        app,
                        text,
                        theme.meta_value,
                        theme,
                    ));
                }
                Some(Line::from(spans))
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// `text` with the entity names in it marked; the selected entity's names as targets.
fn entity_spans<'a>(
    app: &App,
    names: &[(String, String)],
    text: String,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let selected = match app.targets().map(|t| &t.label) {
        Some(TargetLabel::Entity(n)) => Some(n.as_str()),
        _ => None,
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    let (mut at, mut plain) = (0, 0);
    while at < text.len() {
        let rest = &text[at..];
        let hit = names.iter().find(|(s, _)| {
            rest.starts_with(s.as_str())
                && !word(text[..at].chars().next_back())
                && !word(rest[s.len()..].chars().next())
        });
        match hit {
            Some((surface, name)) => {
                if plain < at {
                    out.push(Span::styled(text[plain..at].to_string(), theme.meta_value));
                }
                let style = if selected == Some(name.as_str()) {
                    theme.meta_value.patch(theme.target)
                } else {
                    theme.meta_value.patch(theme.entity_name)
                };
                out.push(Span::styled(surface.clone(), style));
                at += surface.len();
                plain = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain < text.len() || out.is_empty() {
        out.push(Span::styled(text[plain..].to_string(), theme.meta_value));
    }
    out
}
