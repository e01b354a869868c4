//! Every style the screen uses, in one place: a colour theme and a colourless one for
//! `NO_COLOR` that keeps focus, selection and highlights visible with bold, reverse and
//! underline.

use crate::document::{BlockKind, SpanKind};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub heading: Style,
    pub classification: Style,
    pub dateline: Style,
    pub label: Style,
    pub page_marker: Style,
    pub signature: Style,
    pub footnote: Style,
    pub editorial: Style,
    pub footnote_ref: Style,
    pub target: Style,
    pub target_current: Style,
    pub gutter_mark: Style,
    pub track: Style,
    pub thumb: Style,
    pub marker: Style,
    pub marker_current: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub meta_label: Style,
    pub meta_value: Style,
    pub item: Style,
    pub item_detail: Style,
    /// An entity's name in the metadata pane.
    pub entity_name: Style,
    pub item_selected: Style,
    pub item_selected_unfocused: Style,
    pub dim: Style,
    pub status: Style,
    pub status_focus: Style,
    pub status_message: Style,
    pub input: Style,
    pub input_error: Style,
    pub help_key: Style,
    pub help_section: Style,
    pub too_small: Style,
}

const B: Modifier = Modifier::BOLD;
const R: Modifier = Modifier::REVERSED;
const U: Modifier = Modifier::UNDERLINED;
const D: Modifier = Modifier::DIM;
const I: Modifier = Modifier::ITALIC;

fn m(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

impl Theme {
    /// The theme for the environment: colourless when `color` is false.
    pub fn new(color: bool) -> Self {
        if color {
            Self::color()
        } else {
            Self::no_color()
        }
    }

    /// For terminals with colour.
    pub fn color() -> Self {
        let fg = |c: Color| Style::new().fg(c);
        Self {
            text: Style::new(),
            heading: fg(Color::Cyan).add_modifier(B),
            classification: fg(Color::Red).add_modifier(B),
            dateline: fg(Color::Cyan),
            label: fg(Color::Cyan).add_modifier(B),
            page_marker: fg(Color::DarkGray),
            signature: m(B),
            footnote: fg(Color::Gray),
            editorial: fg(Color::DarkGray).add_modifier(I),
            footnote_ref: fg(Color::Blue).add_modifier(U),
            target: Style::new().fg(Color::Black).bg(Color::Yellow),
            target_current: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(B),
            gutter_mark: fg(Color::Magenta).add_modifier(B),
            track: fg(Color::DarkGray),
            thumb: fg(Color::Gray),
            marker: fg(Color::Yellow).add_modifier(B),
            marker_current: fg(Color::LightRed).add_modifier(B),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan).add_modifier(B),
            title: fg(Color::Gray),
            title_focused: fg(Color::Cyan).add_modifier(B | R),
            meta_label: fg(Color::Cyan).add_modifier(B),
            meta_value: Style::new(),
            item: Style::new(),
            item_detail: fg(Color::DarkGray),
            entity_name: fg(Color::Cyan),
            item_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(B),
            item_selected_unfocused: m(U | B),
            dim: fg(Color::DarkGray),
            status: Style::new().fg(Color::White).bg(Color::Blue),
            status_focus: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(B),
            status_message: Style::new()
                .fg(Color::Yellow)
                .bg(Color::Blue)
                .add_modifier(B),
            input: Style::new(),
            input_error: fg(Color::Red).add_modifier(B),
            help_key: fg(Color::Cyan).add_modifier(B),
            help_section: fg(Color::Yellow).add_modifier(B | U),
            too_small: fg(Color::Red).add_modifier(B),
        }
    }

    /// For `NO_COLOR`: only bold, dim, italic, underline and reverse.
    pub fn no_color() -> Self {
        Self {
            text: Style::new(),
            heading: m(B),
            classification: m(B),
            dateline: Style::new(),
            label: m(B),
            page_marker: m(D),
            signature: m(B),
            footnote: Style::new(),
            editorial: m(D | I),
            footnote_ref: m(U),
            target: m(R),
            target_current: m(R | B | U),
            gutter_mark: m(B),
            track: m(D),
            thumb: m(B),
            marker: m(B),
            marker_current: m(B | R),
            border: Style::new(),
            border_focused: m(B),
            title: Style::new(),
            title_focused: m(B | R),
            meta_label: m(B),
            meta_value: Style::new(),
            item: Style::new(),
            item_detail: m(D),
            entity_name: m(U),
            item_selected: m(R | B),
            item_selected_unfocused: m(U),
            dim: m(D),
            status: m(R),
            status_focus: m(R | B),
            status_message: m(R | B),
            input: Style::new(),
            input_error: m(B),
            help_key: m(B),
            help_section: m(B | U),
            too_small: m(B),
        }
    }

    /// The base style of a block's text.
    pub fn block(&self, kind: BlockKind) -> Style {
        match kind {
            BlockKind::Heading => self.heading,
            BlockKind::Classification => self.classification,
            BlockKind::Dateline => self.dateline,
            BlockKind::PageMarker => self.page_marker,
            BlockKind::Signature => self.signature,
            BlockKind::Footnote => self.footnote,
            BlockKind::Subject => self.text.add_modifier(B),
            BlockKind::Enclosure => self.heading,
            BlockKind::Drafted => self.dim,
            _ => self.text,
        }
    }

    /// The style a marked span adds.
    pub fn span(&self, kind: SpanKind) -> Style {
        match kind {
            SpanKind::Editorial => self.editorial,
            SpanKind::FootnoteRef => self.footnote_ref,
            SpanKind::Side => self.label,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_colourless_theme_uses_no_colour_and_keeps_selection_visible() {
        let t = Theme::no_color();
        let all = [
            t.text,
            t.heading,
            t.target,
            t.target_current,
            t.item_selected,
            t.status,
            t.status_focus,
            t.title_focused,
            t.marker,
            t.border_focused,
        ];
        for s in all {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert!(t.target.add_modifier.contains(Modifier::REVERSED));
        assert!(t.item_selected.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(t.target, t.target_current);
    }
}
