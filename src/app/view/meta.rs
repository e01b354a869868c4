//! The metadata pane's content as rows for a width: `Label` rows and wrapped value rows.

use crate::document::Metadata;

/// One row of the metadata pane: the field's label on its first row, then value text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaRow {
    pub label: Option<String>,
    pub text: String,
}

/// Every metadata field that has a value, in the order a reader wants them.
pub fn fields(m: &Metadata) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |label: &str, v: Option<&String>| {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            out.push((label.to_string(), v.clone()));
        }
    };
    add("Title", m.title.as_ref());
    add("Date", m.date.as_ref());
    add("Summary", m.summary.as_ref());
    add("Citation", m.citation.as_ref());
    add("URL", m.url.as_ref());
    add("Original language", m.original_language.as_ref());
    let contents = m.contents.join("\n");
    add("Contents", Some(&contents));
    add("Original archive", m.original_archive.as_ref());
    add("Credits", m.credits.as_ref());
    for (k, v) in &m.extra {
        add(k, Some(v));
    }
    out
}

/// The pane's rows wrapped to `width` columns.
pub fn rows(m: &Metadata, width: u16) -> Vec<MetaRow> {
    let width = usize::from(width.max(1));
    let mut rows = Vec::new();
    for (label, value) in fields(m) {
        let lead = format!("{label}: ");
        let options = textwrap::Options::new(width).initial_indent(&lead);
        for (i, line) in textwrap::wrap(&value, options).into_iter().enumerate() {
            let row = match line.strip_prefix(lead.as_str()) {
                Some(rest) if i == 0 => MetaRow {
                    label: Some(lead.clone()),
                    text: rest.to_string(),
                },
                _ => MetaRow {
                    label: None,
                    text: line.into_owned(),
                },
            };
            rows.push(row);
        }
    }
    rows
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
    }
}
