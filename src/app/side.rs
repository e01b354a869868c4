//! The side list (entities pane): items grouped by entity kind, each with a label, a count,
//! a detail (aliases) and where it first occurs; the selection.

use crate::document::TextRange;
use crate::entities::EntityKind;

/// One row of the side list: an entity of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideItem {
    /// Index of the entity in the document's entity list.
    pub entity: usize,
    pub label: String,
    pub kind: EntityKind,
    /// The aliases, shown dimmed after the label.
    pub detail: Option<String>,
    /// How many places in the transcript name it (a name and its gloss once).
    pub count: usize,
    /// How many times the metadata fields name it.
    pub in_metadata: usize,
    /// Where it first occurs in the transcript (for sorting by first appearance). Its places
    /// are in the entity index, made the current targets by Enter.
    pub first: Option<TextRange>,
}

/// The list with its title and selection, and the filter that narrows what it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideList {
    pub title: String,
    /// The items shown (all of them, or those the filter keeps).
    pub items: Vec<SideItem>,
    pub selected: usize,
    filter: Option<Filter>,
}

/// While a filter is typed or kept: the whole list, its title, and the filter text kept
/// with Enter (what Esc goes back to).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Filter {
    all: Vec<SideItem>,
    title: String,
    kept: String,
}

impl SideList {
    pub fn new(title: impl Into<String>, items: Vec<SideItem>) -> Self {
        Self {
            title: title.into(),
            items,
            selected: 0,
            filter: None,
        }
    }

    /// Start filtering (or change a kept filter); returns the kept filter's text.
    pub fn begin_filter(&mut self) -> String {
        let filter = self.filter.get_or_insert_with(|| Filter {
            all: self.items.clone(),
            title: self.title.clone(),
            kept: String::new(),
        });
        filter.kept.clone()
    }

    /// Show the items `keep` accepts, titled with `text`; returns how many there are.
    pub fn filter_by(&mut self, text: &str, keep: impl Fn(&SideItem) -> bool) -> usize {
        let Some(filter) = &self.filter else {
            return self.items.len();
        };
        self.items = filter.all.iter().filter(|i| keep(i)).cloned().collect();
        self.title = if text.is_empty() {
            filter.title.clone()
        } else {
            format!("{} /{text}", filter.title)
        };
        self.selected = 0;
        self.items.len()
    }

    /// Enter: keep the filter as it is (an empty one shows the whole list again).
    pub fn keep_filter(&mut self, text: &str) {
        if text.is_empty() {
            self.clear_filter();
        } else if let Some(f) = &mut self.filter {
            f.kept = text.to_string();
        }
    }

    /// The filter text kept before the current edit, if any.
    pub fn kept_filter(&self) -> Option<&str> {
        self.filter
            .as_ref()
            .map(|f| f.kept.as_str())
            .filter(|t| !t.is_empty())
    }

    /// The whole list again.
    pub fn clear_filter(&mut self) {
        if let Some(f) = self.filter.take() {
            self.items = f.all;
            self.title = f.title;
            self.selected = 0;
        }
    }

    /// Reorder the items (and the whole list behind a filter) with `sort`, keeping the
    /// selection on the same item.
    pub fn sort_with(&mut self, sort: impl Fn(&mut [SideItem])) {
        let keep = self.selected_item().map(|i| i.entity);
        sort(&mut self.items);
        if let Some(f) = &mut self.filter {
            sort(&mut f.all);
        }
        if let Some(keep) = keep {
            self.selected = self
                .items
                .iter()
                .position(|i| i.entity == keep)
                .unwrap_or(0);
        }
    }

    pub fn selected_item(&self) -> Option<&SideItem> {
        self.items.get(self.selected)
    }

    /// Move the selection by `delta`, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// The list's rows: `None` is a group heading (the kind of the item after it), `Some(i)`
    /// is item `i`. A heading starts each run of items of one kind.
    pub fn rows(&self) -> Vec<Option<usize>> {
        let mut out = Vec::with_capacity(self.items.len() + 3);
        for (i, item) in self.items.iter().enumerate() {
            if i == 0 || self.items[i - 1].kind != item.kind {
                out.push(None);
            }
            out.push(Some(i));
        }
        out
    }

    /// The first row shown in a pane `height` rows high so that the selection is visible.
    pub fn offset(&self, rows: &[Option<usize>], height: usize) -> usize {
        let row = rows
            .iter()
            .position(|r| *r == Some(self.selected))
            .unwrap_or(0);
        row.saturating_sub(height.saturating_sub(1))
    }
}

/// The heading of a kind's group in the side list.
pub fn group_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Place => "Places",
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
    }
}
