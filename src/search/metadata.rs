//! Matches in the metadata pane: the archive header's fields are searched like the body.

use super::Matcher;
use crate::document::Metadata;

/// One field of [`Metadata`]; list fields are addressed by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MetaField {
    Banner(usize),
    Title,
    Date,
    Citation,
    Url,
    Summary,
    OriginalArchive,
    Credits,
    OriginalLanguage,
    Contents(usize),
    /// The `n`th entry of `Metadata::extra`, in key order.
    Extra(usize),
}

impl MetaField {
    /// Every field present in `meta`, with its text, in the order the header lists them.
    pub fn all(meta: &Metadata) -> Vec<(MetaField, &str)> {
        let mut out: Vec<(MetaField, &str)> = Vec::new();
        out.extend(
            meta.banner
                .iter()
                .enumerate()
                .map(|(i, s)| (Self::Banner(i), s.as_str())),
        );
        let single = [
            (Self::Title, &meta.title),
            (Self::Date, &meta.date),
            (Self::Citation, &meta.citation),
            (Self::Url, &meta.url),
            (Self::Summary, &meta.summary),
            (Self::OriginalArchive, &meta.original_archive),
            (Self::Credits, &meta.credits),
            (Self::OriginalLanguage, &meta.original_language),
        ];
        out.extend(
            single
                .into_iter()
                .filter_map(|(f, v)| v.as_deref().map(|s| (f, s))),
        );
        out.extend(
            meta.contents
                .iter()
                .enumerate()
                .map(|(i, s)| (Self::Contents(i), s.as_str())),
        );
        out.extend(
            meta.extra
                .values()
                .enumerate()
                .map(|(i, s)| (Self::Extra(i), s.as_str())),
        );
        out
    }

    /// This field's text in `meta`, if it has one.
    pub fn text(self, meta: &Metadata) -> Option<&str> {
        Self::all(meta)
            .into_iter()
            .find(|(f, _)| *f == self)
            .map(|(_, s)| s)
    }
}

/// A match inside one metadata field: `start..end` are byte offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MetaMatch {
    pub field: MetaField,
    pub start: usize,
    pub end: usize,
}

/// Every match in the metadata fields, field by field in header order.
pub fn find_in_metadata(meta: &Metadata, matcher: &Matcher) -> Vec<MetaMatch> {
    MetaField::all(meta)
        .into_iter()
        .flat_map(|(field, text)| {
            matcher
                .find_ranges(text)
                .into_iter()
                .map(move |r| MetaMatch {
                    field,
                    start: r.start,
                    end: r.end,
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    #[test]
    fn finds_matches_in_each_field() {
        let meta = Metadata {
            title: Some("Memorandum of Conversation between Harriman and Soong".into()),
            summary: Some("Harriman reports on Soong and Stalin".into()),
            contents: vec!["Transcript - English".into()],
            ..Metadata::default()
        };
        let m = Matcher::new(&Query::plain("soong")).unwrap();
        let found = find_in_metadata(&meta, &m);
        let fields: Vec<_> = found.iter().map(|f| f.field).collect();
        assert_eq!(fields, [MetaField::Title, MetaField::Summary]);
        for f in &found {
            assert_eq!(&f.field.text(&meta).unwrap()[f.start..f.end], "Soong");
        }
        let m = Matcher::new(&Query::plain("english")).unwrap();
        assert_eq!(find_in_metadata(&meta, &m)[0].field, MetaField::Contents(0));
    }
}
