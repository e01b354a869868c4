//! The metadata pane's content as rows for a width: each row is a byte range of one
//! field's text, the field's label before its first row. Highlights (search matches,
//! entity mentions) are ranges of the same texts, so they land on the rows that show them,
//! also when a name is wrapped across two rows.

use crate::document::{MetaField, Metadata};

/// One row of the metadata pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaRow {
    /// `Title: ` on a field's first row.
    pub label: Option<String>,
    pub field: MetaField,
    /// The row's text: `start..end` of the field's text.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A field longer than this is shown up to here (a pane beside the text is no place for
/// more), so wrapping the pane never costs more than a few screens' worth.
pub const SHOWN_PER_FIELD: usize = 8 << 10;

/// The pane's rows wrapped to `width` columns (the label counts on the first row).
pub fn rows(m: &Metadata, width: u16) -> Vec<MetaRow> {
    let width = usize::from(width.max(1));
    let mut rows = Vec::new();
    let mut previous: Option<MetaField> = None;
    for (field, value) in MetaField::all(m) {
        let value = shown_part(value);
        let labelled = !previous.is_some_and(|p| p.same_label(field));
        previous = Some(field);
        let lead = if labelled {
            format!("{}: ", field.label(m))
        } else {
            String::new()
        };
        let options = textwrap::Options::new(width).initial_indent(&lead);
        let mut pos = 0;
        for (i, line) in textwrap::wrap(value, options).into_iter().enumerate() {
            let (label, text) = match line.strip_prefix(lead.as_str()) {
                Some(rest) if i == 0 && labelled => (Some(lead.clone()), rest),
                _ => (None, line.as_ref()),
            };
            // Wrapped lines are pieces of the value in order (trailing blanks trimmed).
            let start = value[pos..].find(text).map_or(pos, |at| pos + at);
            let end = start + text.len();
            pos = end;
            rows.push(MetaRow {
                label,
                field,
                text: text.to_string(),
                start,
                end,
            });
        }
    }
    rows
}

/// The first [`SHOWN_PER_FIELD`] bytes of `value`, ending at a word when it is cut.
fn shown_part(value: &str) -> &str {
    if value.len() <= SHOWN_PER_FIELD {
        return value;
    }
    let mut end = SHOWN_PER_FIELD;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let head = value.get(..end).unwrap_or("");
    match head.rfind(' ') {
        Some(space) if space > 0 => head.get(..space).unwrap_or(head),
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_are_left_out_and_values_wrap() {
        let m = Metadata {
            title: Some("Memorandum of Conversation".into()),
            url: Some("   ".into()),
            ..Metadata::default()
        };
        let r = rows(&m, 20);
        let texts: Vec<_> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Memorandum of", "Conversation"]);
        assert_eq!(r[0].label.as_deref(), Some("Title: "));
        assert_eq!(r[1].label, None);
        assert_eq!((r[1].start, r[1].end), (14, 26));
    }

    #[test]
    fn a_huge_field_is_shown_in_part() {
        let m = Metadata {
            title: Some("A very long title ".repeat(100_000)),
            ..Metadata::default()
        };
        let r = rows(&m, 40);
        let shown: usize = r.iter().map(|r| r.text.len() + 1).sum();
        assert!(shown <= SHOWN_PER_FIELD + 40, "{shown}");
        assert!(r.last().unwrap().end <= SHOWN_PER_FIELD);
    }

    #[test]
    fn rows_are_ranges_of_their_field_and_the_contents_share_a_label() {
        let m = Metadata {
            summary: Some("Harriman reports on Soong and Stalin's talk".into()),
            contents: vec!["Transcript - English".into(), "Original Scan".into()],
            ..Metadata::default()
        };
        let r = rows(&m, 24);
        for row in &r {
            let text = row.field.text(&m).unwrap();
            assert_eq!(&text[row.start..row.end], row.text);
        }
        let labels: Vec<_> = r.iter().filter_map(|r| r.label.as_deref()).collect();
        assert_eq!(labels, ["Summary: ", "Contents: "]);
    }
}
