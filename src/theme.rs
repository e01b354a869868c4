//! Every style the screen uses, in one place: a dark and a light colour theme, a colourless
//! one for `NO_COLOR` that keeps focus, selection and highlights visible with bold, reverse
//! and underline, and the style syntax of the configuration file (`bold cyan on black`).

use crate::document::{BlockKind, SpanKind};
use crate::entities::EntityKind;
use ratatui::style::{Color, Modifier, Style};

macro_rules! theme {
    ($( $(#[doc = $doc:literal])+ $name:ident ),* $(,)?) => {
        /// A style for every element of the screen. The configuration file names them by
        /// these field names (`[theme] target = "black on yellow"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Theme {
            $( $(#[doc = $doc])+ pub $name: Style, )*
        }

        impl Theme {
            /// Every element: its name, what it styles, and its style.
            pub fn elements(&self) -> Vec<(&'static str, &'static str, Style)> {
                vec![ $( (stringify!($name), concat!($($doc),+).trim_ascii(), self.$name) ),* ]
            }

            /// The element called `name`, to change its style.
            pub fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $( stringify!($name) => Some(&mut self.$name), )*
                    _ => None,
                }
            }
        }
    };
}

theme! {
    /// Body text
    text,
    /// The memo's heading
    heading,
    /// Classification lines (TOP SECRET)
    classification,
    /// Place and date lines
    dateline,
    /// Labels in the text (Present:, Subject:, paragraph numbers)
    label,
    /// Page markers
    page_marker,
    /// The signature
    signature,
    /// Footnotes
    footnote,
    /// Editorial brackets and glosses (`[Dalian]`)
    editorial,
    /// Footnote references (`[1]`)
    footnote_ref,
    /// Search matches and entity mentions being walked
    target,
    /// The current target
    target_current,
    /// A passage being selected (v)
    selection,
    /// Names of places (entity marks)
    place,
    /// Names of people (entity marks)
    person,
    /// Names of organizations (entity marks)
    organization,
    /// Gutter marks (bookmarked paragraphs)
    gutter_mark,
    /// The marker column: the whole document
    track,
    /// The marker column: the part on screen
    thumb,
    /// The marker column: where targets lie
    marker,
    /// The marker column: the current target
    marker_current,
    /// Pane borders
    border,
    /// The focused pane's border
    border_focused,
    /// Pane titles
    title,
    /// The focused pane's title
    title_focused,
    /// Labels in the metadata pane
    meta_label,
    /// Values in the metadata pane
    meta_value,
    /// Items of the entities pane and lists
    item,
    /// Aliases and notes after an item
    item_detail,
    /// The selected item of the focused list
    item_selected,
    /// The selected item of a list without the focus
    item_selected_unfocused,
    /// Dimmed hints and counts
    dim,
    /// The status line
    status,
    /// The status line's focus and counter fields
    status_focus,
    /// Messages in the status line
    status_message,
    /// The input line
    input,
    /// Problems shown in the input line
    input_error,
    /// Keys in help
    help_key,
    /// Section headings in help and the entities pane
    help_section,
    /// The "terminal too small" line
    too_small,
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
    /// The dark theme, or the colourless one when `color` is false.
    pub fn new(color: bool) -> Self {
        if color {
            Self::dark()
        } else {
            Self::no_color()
        }
    }

    /// A built-in theme by name: `dark`, `light` or `none` (no colour).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "none" => Some(Self::no_color()),
            _ => None,
        }
    }

    /// For terminals with a dark background (the default).
    pub fn dark() -> Self {
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
            selection: Style::new().fg(Color::White).bg(Color::Blue),
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
            place: fg(Color::Green),
            person: fg(Color::Cyan),
            organization: fg(Color::Magenta),
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
            selection: m(U),
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
            place: m(U),
            person: m(U),
            organization: m(U),
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

    /// For terminals with a light background.
    pub fn light() -> Self {
        let fg = |c: Color| Style::new().fg(c);
        Self {
            text: Style::new(),
            heading: fg(Color::Blue).add_modifier(B),
            classification: fg(Color::Red).add_modifier(B),
            dateline: fg(Color::Blue),
            label: fg(Color::Blue).add_modifier(B),
            page_marker: fg(Color::DarkGray),
            signature: m(B),
            footnote: fg(Color::DarkGray),
            editorial: fg(Color::DarkGray).add_modifier(I),
            footnote_ref: fg(Color::Blue).add_modifier(U),
            target: Style::new().fg(Color::Black).bg(Color::LightYellow),
            target_current: Style::new().fg(Color::White).bg(Color::Red).add_modifier(B),
            selection: Style::new().fg(Color::Black).bg(Color::LightBlue),
            place: fg(Color::Green),
            person: fg(Color::Blue),
            organization: fg(Color::Magenta),
            gutter_mark: fg(Color::Magenta).add_modifier(B),
            track: fg(Color::Gray),
            thumb: fg(Color::DarkGray),
            marker: fg(Color::Red).add_modifier(B),
            marker_current: fg(Color::Magenta).add_modifier(B),
            border: fg(Color::Gray),
            border_focused: fg(Color::Blue).add_modifier(B),
            title: fg(Color::DarkGray),
            title_focused: fg(Color::Blue).add_modifier(B | R),
            meta_label: fg(Color::Blue).add_modifier(B),
            meta_value: Style::new(),
            item: Style::new(),
            item_detail: fg(Color::DarkGray),
            item_selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(B),
            item_selected_unfocused: m(U | B),
            dim: fg(Color::DarkGray),
            status: Style::new().fg(Color::Black).bg(Color::Gray),
            status_focus: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(B),
            status_message: Style::new().fg(Color::Red).bg(Color::Gray).add_modifier(B),
            input: Style::new(),
            input_error: fg(Color::Red).add_modifier(B),
            help_key: fg(Color::Blue).add_modifier(B),
            help_section: fg(Color::Magenta).add_modifier(B | U),
            too_small: fg(Color::Red).add_modifier(B),
        }
    }

    /// The style of an entity kind's names.
    pub fn kind(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Place => self.place,
            EntityKind::Person => self.person,
            EntityKind::Organization => self.organization,
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

/// The modifiers a style string may name.
const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", B),
    ("dim", D),
    ("italic", I),
    ("underline", U),
    ("reverse", R),
];

/// A style as the configuration file writes it: modifiers, a foreground colour, `on` and a
/// background colour, in any order (`bold cyan`, `black on yellow`, `underline`, `none`).
/// Colours are names (`red`, `lightred`, `darkgray`), 256-colour numbers or `#rrggbb`.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| *n == lower) {
            style = style.add_modifier(*m);
        } else if lower == "none" {
            continue;
        } else if lower == "on" {
            let Some(bg) = words.next() else {
                return Err(format!("`{text}`: a colour must follow `on`"));
            };
            style = style.bg(color(bg, text)?);
        } else {
            style = style.fg(color(word, text)?);
        }
    }
    Ok(style)
}

fn color(word: &str, text: &str) -> Result<Color, String> {
    word.parse::<Color>().map_err(|_| {
        format!(
            "`{text}`: `{word}` is not a colour or style (colours: black, red, green, yellow, \
             blue, magenta, cyan, gray, darkgray, light…, white, 0-255, #rrggbb; styles: bold, \
             dim, italic, underline, reverse)"
        )
    })
}

/// A style written the way [`parse_style`] reads it.
pub fn style_string(style: Style) -> String {
    let mut words: Vec<String> = MODIFIERS
        .iter()
        .filter(|(_, m)| style.add_modifier.contains(*m))
        .map(|(n, _)| n.to_string())
        .collect();
    if let Some(fg) = style.fg {
        words.push(fg.to_string().to_ascii_lowercase());
    }
    if let Some(bg) = style.bg {
        words.push(format!("on {}", bg.to_string().to_ascii_lowercase()));
    }
    if words.is_empty() {
        "none".into()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_read_back_as_written() {
        for theme in [Theme::dark(), Theme::light(), Theme::no_color()] {
            for (name, _, style) in theme.elements() {
                let text = style_string(style);
                assert_eq!(parse_style(&text), Ok(style), "{name}: {text}");
            }
        }
        let s = parse_style("Bold black on #ffcc00").unwrap();
        assert_eq!(s.fg, Some(Color::Black));
        assert_eq!(s.bg, Some(Color::Rgb(255, 204, 0)));
        assert!(parse_style("blinking red").is_err());
        assert!(parse_style("red on").is_err());
    }

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
