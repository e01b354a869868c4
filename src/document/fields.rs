//! The archive metadata's fields, named once. The metadata pane lists them in this order,
//! search looks for matches in them, and entity mentions in them are addressed by them, so
//! a highlight is a byte range of one field's text wherever it comes from.

use super::Metadata;
use serde::{Deserialize, Serialize};

/// One field of [`Metadata`]; list fields are addressed by index. Variants are in the
/// order a reader wants them (the metadata pane's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    Title,
    Date,
    Summary,
    Citation,
    Url,
    OriginalLanguage,
    /// The `n`th line of `Metadata::contents` (`u32` keeps a mention's site, and so every
    /// mention, small).
    Contents(u32),
    OriginalArchive,
    Credits,
    /// The `n`th entry of `Metadata::extra`, in key order.
    Extra(u32),
}

impl MetaField {
    /// The fields that describe the document itself, where names of people, places and
    /// organizations are looked for: the title and the summary. The citation, the original
    /// archive and the credits describe the archive and the edition (`Wilson Center Digital
    /// Archive`, `Foreign Relations of the United States`, `U.S. Department of State`, a
    /// translator), alike for every document of a collection: a name there is not one the
    /// document mentions.
    pub const DESCRIPTIVE: [MetaField; 2] = [MetaField::Title, MetaField::Summary];

    /// Every field of `meta` with a value that is not blank, with its text, in order.
    pub fn all(meta: &Metadata) -> Vec<(MetaField, &str)> {
        fn single(f: MetaField, v: &Option<String>) -> Option<(MetaField, &str)> {
            v.as_deref().map(|s| (f, s))
        }
        let mut out: Vec<(MetaField, &str)> = Vec::new();
        out.extend(single(Self::Title, &meta.title));
        out.extend(single(Self::Date, &meta.date));
        out.extend(single(Self::Summary, &meta.summary));
        out.extend(single(Self::Citation, &meta.citation));
        out.extend(single(Self::Url, &meta.url));
        out.extend(single(Self::OriginalLanguage, &meta.original_language));
        let contents = meta.contents.iter().zip(0u32..);
        out.extend(contents.map(|(s, i)| (Self::Contents(i), s.as_str())));
        out.extend(single(Self::OriginalArchive, &meta.original_archive));
        out.extend(single(Self::Credits, &meta.credits));
        let extra = meta.extra.values().zip(0u32..);
        out.extend(extra.map(|(s, i)| (Self::Extra(i), s.as_str())));
        out.retain(|(_, s)| !s.trim().is_empty());
        out
    }

    /// This field's text in `meta`, if it has one.
    pub fn text(self, meta: &Metadata) -> Option<&str> {
        match self {
            Self::Title => meta.title.as_deref(),
            Self::Date => meta.date.as_deref(),
            Self::Summary => meta.summary.as_deref(),
            Self::Citation => meta.citation.as_deref(),
            Self::Url => meta.url.as_deref(),
            Self::OriginalLanguage => meta.original_language.as_deref(),
            Self::Contents(i) => meta.contents.get(i as usize).map(String::as_str),
            Self::OriginalArchive => meta.original_archive.as_deref(),
            Self::Credits => meta.credits.as_deref(),
            Self::Extra(i) => meta.extra.values().nth(i as usize).map(String::as_str),
        }
    }

    /// The label the metadata pane shows before the field's first row.
    pub fn label(self, meta: &Metadata) -> &str {
        match self {
            Self::Title => "Title",
            Self::Date => "Date",
            Self::Summary => "Summary",
            Self::Citation => "Citation",
            Self::Url => "URL",
            Self::OriginalLanguage => "Original language",
            Self::Contents(_) => "Contents",
            Self::OriginalArchive => "Original archive",
            Self::Credits => "Credits",
            Self::Extra(i) => meta.extra.keys().nth(i as usize).map_or("", String::as_str),
        }
    }

    /// Whether `self` and `other` are lines of one labelled field (the contents list).
    pub fn same_label(self, other: MetaField) -> bool {
        matches!((self, other), (Self::Contents(_), Self::Contents(_))) || self == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_in_reading_order_without_blanks() {
        let mut meta = Metadata {
            title: Some("Memorandum".into()),
            summary: Some("Harriman reports".into()),
            url: Some("  ".into()),
            contents: vec!["Transcript - English".into(), "Original Scan".into()],
            ..Metadata::default()
        };
        meta.extra
            .insert("Associated Places".into(), "Moscow".into());
        let all = MetaField::all(&meta);
        let fields: Vec<_> = all.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                MetaField::Title,
                MetaField::Summary,
                MetaField::Contents(0),
                MetaField::Contents(1),
                MetaField::Extra(0)
            ]
        );
        for (f, text) in all {
            assert_eq!(f.text(&meta), Some(text));
        }
        assert_eq!(MetaField::Extra(0).label(&meta), "Associated Places");
        assert!(MetaField::Contents(1).same_label(MetaField::Contents(0)));
    }
}
