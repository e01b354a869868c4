//! Matches in the metadata pane: the archive header's fields are searched like the body.

use super::Matcher;
use crate::document::{MetaField, Metadata};

/// A match inside one metadata field: `start..end` are byte offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MetaMatch {
    pub field: MetaField,
    pub start: usize,
    pub end: usize,
}

/// Every match in the metadata fields, field by field in the pane's order.
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
