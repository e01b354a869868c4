//! The document list: its rows (the source, filtered, sorted), the selection and the
//! scroll position. Sort keys are computed once per document so that sorting thousands
//! of rows is a comparison of plain strings.

use super::{Library, ReadMark, Source};
use crate::corpus::{DocSummary, natural_key};
use crate::document::TextRange;
use crate::entities::fold;
use crate::search::{Matcher, Query, SearchError};

/// How the list is sorted; `s` cycles through them in this order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// By date, undated documents last (by file name).
    #[default]
    Date,
    Title,
    /// By folder and file name, numbers by value.
    File,
    /// Most bookmarks first, then by date.
    Bookmarks,
}

impl Sort {
    pub fn next(self) -> Self {
        match self {
            Self::Date => Self::Title,
            Self::Title => Self::File,
            Self::File => Self::Bookmarks,
            Self::Bookmarks => Self::Date,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Title => "title",
            Self::File => "file",
            Self::Bookmarks => "most bookmarks",
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The document (an index into [`Library::docs`]).
    pub doc: usize,
    /// Mentions of the entity, or matches of the search, in it.
    pub count: usize,
    /// The first of them, for the line of context.
    pub first: Option<TextRange>,
}

/// Sort keys of every document, computed once per document.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    file: Vec<String>,
    title: Vec<String>,
    /// Undated last, then `YYYY-MM-DD`.
    date: Vec<(bool, String)>,
}

impl Keys {
    pub fn new(docs: &[DocSummary]) -> Self {
        let mut keys = Self::default();
        for (i, d) in docs.iter().enumerate() {
            keys.set(i, d);
        }
        keys
    }

    /// The keys of document `i` (a new one is the next index).
    pub fn set(&mut self, i: usize, d: &DocSummary) {
        let (date, file, title) = (
            (d.date_iso.is_none(), d.date_iso.clone().unwrap_or_default()),
            natural_key(&d.file.shown),
            fold(&d.title),
        );
        if i < self.file.len() {
            (self.date[i], self.file[i], self.title[i]) = (date, file, title);
        } else {
            self.date.push(date);
            self.file.push(file);
            self.title.push(title);
        }
    }

    fn by_date(&self, a: usize, b: usize) -> std::cmp::Ordering {
        self.date[a]
            .cmp(&self.date[b])
            .then_with(|| self.file[a].cmp(&self.file[b]))
    }

    /// Sort `docs` (document indices) by `sort`.
    pub fn sort(&self, sort: Sort, marks: &[ReadMark], docs: &mut [usize]) {
        let n = self.file.len();
        docs.sort_by(|&a, &b| {
            if a >= n || b >= n {
                return a.cmp(&b);
            }
            match sort {
                Sort::Date => self.by_date(a, b),
                Sort::Title => self.title[a]
                    .cmp(&self.title[b])
                    .then_with(|| self.by_date(a, b)),
                Sort::File => self.file[a].cmp(&self.file[b]),
                Sort::Bookmarks => {
                    let count = |d: usize| marks.get(d).map_or(0, |m| m.bookmarks());
                    count(b).cmp(&count(a)).then_with(|| self.by_date(a, b))
                }
            }
        });
    }

    /// Every document in `sort` order.
    pub fn order(&self, sort: Sort, marks: &[ReadMark]) -> Vec<usize> {
        let mut all: Vec<usize> = (0..self.file.len()).collect();
        self.sort(sort, marks, &mut all);
        all
    }
}

/// The kept filter of the document list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    text: String,
    matcher: Option<Matcher>,
}

impl Filter {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Filter by `text` with the search rules (smart case, accents ignored).
    pub fn set(&mut self, text: &str) -> Result<(), SearchError> {
        let matcher = match Matcher::new(&Query::plain(text)) {
            Ok(m) => Some(m),
            Err(SearchError::Empty) => None,
            Err(e) => return Err(e),
        };
        self.text = text.to_string();
        self.matcher = matcher;
        Ok(())
    }

    /// Whether `d` passes: its title, date (as written or `YYYY-MM-DD`), record id or file
    /// name matches.
    pub fn keeps(&self, d: &DocSummary) -> bool {
        let Some(m) = &self.matcher else { return true };
        let hit = |t: &str| m.regex_for(t).is_match(t);
        hit(&d.title)
            || d.date.as_deref().is_some_and(hit)
            || d.date_iso.as_deref().is_some_and(hit)
            || d.record_id.as_deref().is_some_and(hit)
            || hit(&d.file.shown)
    }
}

impl Library {
    /// New or changed documents: compute the sort keys again and rebuild the rows.
    pub(super) fn reindex(&mut self, height: usize) {
        self.keys = Keys::new(&self.docs);
        self.keys_stale = false;
        self.rebuild_rows(height);
    }

    /// Rebuild the rows from the source, the filter and the sort, keeping the selected
    /// document selected when it is still listed.
    pub(super) fn rebuild_rows(&mut self, height: usize) {
        let keep = self.selected_doc();
        let mut rows: Vec<Row> = match &self.source {
            Source::All => (0..self.docs.len())
                .map(|doc| Row {
                    doc,
                    count: 0,
                    first: None,
                })
                .collect(),
            Source::Entity(e) => self
                .table
                .as_ref()
                .and_then(|t| t.entities.get(*e))
                .map(|e| {
                    e.docs
                        .iter()
                        .map(|h| Row {
                            doc: h.doc,
                            count: h.count,
                            first: h.first,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            Source::Search(s) => s
                .hits
                .iter()
                .map(|h| Row {
                    doc: h.doc,
                    count: h.ranges.len(),
                    first: h.ranges.first().copied(),
                })
                .collect(),
        };
        rows.retain(|r| self.docs.get(r.doc).is_some_and(|d| self.filter.keeps(d)));
        let mut order: Vec<usize> = rows.iter().map(|r| r.doc).collect();
        self.keys.sort(self.sort, &self.marks, &mut order);
        let mut by_doc: std::collections::HashMap<usize, Row> =
            rows.into_iter().map(|r| (r.doc, r)).collect();
        self.rows = order.iter().filter_map(|d| by_doc.remove(d)).collect();
        self.selected = keep
            .and_then(|d| self.rows.iter().position(|r| r.doc == d))
            .unwrap_or(0);
        self.scroll_into_view(height);
    }

    /// Select the first row whose document `pred` accepts.
    pub(super) fn select_doc_where(&mut self, height: usize, pred: impl Fn(&DocSummary) -> bool) {
        if let Some(i) = self.rows.iter().position(|r| pred(&self.docs[r.doc])) {
            self.selected = i;
            self.scroll_into_view(height);
        }
    }

    /// Move the selection by `delta` rows.
    pub(super) fn move_selection(&mut self, delta: isize, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view(height);
    }

    /// Keep the selection on screen: `height` rows fit.
    pub(super) fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        let max_top = self.rows.len().saturating_sub(height);
        self.top = self.top.min(max_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocKind, FileKey};

    fn doc(shown: &str, title: &str, date: Option<&str>) -> DocSummary {
        DocSummary {
            file: FileKey {
                path: shown.as_bytes().to_vec(),
                shown: shown.into(),
                size: 1,
                mtime: 0,
                hash: 0,
            },
            title: title.into(),
            date: date.map(str::to_string),
            date_iso: date.map(str::to_string),
            kind: DocKind::Document,
            translated: false,
            record_id: None,
            fingerprint: String::new(),
            entities: 0,
        }
    }

    #[test]
    fn each_sort_orders_the_documents() {
        let docs = vec![
            doc("d10.txt", "Zebra", Some("1945-07-03")),
            doc("d2.txt", "apple", None),
            doc("d1.txt", "Mango", Some("1901-01-01")),
        ];
        let keys = Keys::new(&docs);
        let marks = [ReadMark::Unread, ReadMark::Bookmarked(2), ReadMark::Read];
        assert_eq!(keys.order(Sort::Date, &marks), [2, 0, 1]);
        assert_eq!(keys.order(Sort::Title, &marks), [1, 2, 0]);
        assert_eq!(keys.order(Sort::File, &marks), [2, 1, 0]);
        assert_eq!(keys.order(Sort::Bookmarks, &marks), [1, 2, 0]);
        assert_eq!(Sort::Bookmarks.next(), Sort::Date);
    }

    #[test]
    fn the_filter_looks_at_title_date_record_and_file() {
        let mut f = Filter::default();
        let d = doc("vol/d1.txt", "Talks at Dairen", Some("1945-07-03"));
        f.set("dairen").unwrap();
        assert!(f.keeps(&d));
        f.set("1945").unwrap();
        assert!(f.keeps(&d));
        f.set("vol/").unwrap();
        assert!(f.keeps(&d));
        f.set("Harbin").unwrap();
        assert!(!f.keeps(&d));
        f.set("").unwrap();
        assert!(f.keeps(&d));
    }
}
