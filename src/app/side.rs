//! The side list (entities pane): labelled items with a kind, an optional count and the
//! document ranges they stand for. Whoever knows more about a document's entities replaces
//! the producer; the pane, selection and "Enter selects its targets" stay as they are.

use crate::document::TextRange;

/// One row of the side list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideItem {
    pub label: String,
    /// `person`, `place`, `organization` ...
    pub kind: String,
    /// A role or alias list shown dimmed after the label.
    pub detail: Option<String>,
    /// How many times it occurs, when known.
    pub count: Option<usize>,
    /// Where it occurs; Enter makes these the current targets.
    pub ranges: Vec<TextRange>,
}

/// The list with its title and selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideList {
    pub title: String,
    pub items: Vec<SideItem>,
    pub selected: usize,
}

impl SideList {
    pub fn new(title: impl Into<String>, items: Vec<SideItem>) -> Self {
        Self {
            title: title.into(),
            items,
            selected: 0,
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
}

/// The first item shown in a list `height` rows high so that `selected` is visible.
pub fn offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// The list's rows: `None` is a group heading (the kind of the item after it), `Some(i)`
/// is item `i`. A heading starts each run of items of one kind.
pub fn rows(list: &SideList) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(list.items.len() + 3);
    for (i, item) in list.items.iter().enumerate() {
        if i == 0 || list.items[i - 1].kind != item.kind {
            out.push(None);
        }
        out.push(Some(i));
    }
    out
}

/// The row that shows item `i` (0 when it is not there).
pub fn row_of(rows: &[Option<usize>], i: usize) -> usize {
    rows.iter().position(|r| *r == Some(i)).unwrap_or(0)
}
