//! Entities in the reader: the side list of the document's people, places and organizations
//! (grouped by kind, sorted by mention count or first appearance), the preview of an
//! entity's mentions as the current targets while the selection moves, Enter to jump to the
//! first mention, and the concordance overlay (every mention in context).

use super::entity_index::{EntityIndex, Listed, MetaMark};
use super::side::{SideItem, SideList};
use super::{App, Focus, InputPurpose, Overlay, TargetLabel};
use crate::document::{Location, TextRange};
use crate::entities::{Entity, EntityKind};
use crate::search::{Matcher, Query, SearchError};
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// The document's entities and how the reader lists them.
#[derive(Debug, Default)]
pub struct EntityState {
    /// The entities in extraction order, with their mentions.
    index: EntityIndex,
    /// The entities pane (filtered while a filter is kept, see `search.rs`).
    side: SideList,
    /// Sort each kind by mention count (most first) instead of first appearance.
    by_count: bool,
    /// Where the last preview left the body: a different top means the user moved since,
    /// so the next preview records the position in the jump list first.
    previewed_at: Option<Location>,
    /// Whether the list is the document's entities, or they are still being found, or
    /// finding them failed.
    status: NamesStatus,
}

/// Whether the document's entities are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum NamesStatus {
    #[default]
    Ready,
    /// Being found in the background with a big file's whole document.
    Pending,
    /// Finding them failed; the message says so and where the details are.
    Failed(String),
}

impl EntityState {
    /// The entities, in extraction order.
    pub fn list(&self) -> &[Listed] {
        self.index.list()
    }

    /// The entities with their mentions.
    pub fn index(&self) -> &EntityIndex {
        &self.index
    }

    /// The entities pane.
    pub fn side(&self) -> &SideList {
        &self.side
    }

    pub fn by_count(&self) -> bool {
        self.by_count
    }

    /// Mentions in the metadata fields, sorted by field and position.
    pub fn meta_marks(&self) -> &[MetaMark] {
        self.index.meta_marks()
    }

    /// Whether the list is ready, coming or failed.
    pub fn status(&self) -> &NamesStatus {
        &self.status
    }

    /// The transcript mentions of block `block` that start in `from..to`, in order, with
    /// their entity's kind (a place two entities share once): what the body marks on a row.
    pub fn marks_starting_in(
        &self,
        block: usize,
        from: usize,
        to: usize,
    ) -> Vec<(TextRange, EntityKind)> {
        let list = self.index.list();
        let mut out: Vec<(TextRange, EntityKind)> = Vec::new();
        for (r, e) in self.index.starting_in(block, from, to) {
            if out.last().is_some_and(|(last, _)| *last == r) {
                continue;
            }
            if let Some(listed) = list.get(e) {
                out.push((r, listed.kind));
            }
        }
        out
    }

    /// The entity behind the selected side item.
    pub fn selected(&self) -> Option<usize> {
        self.side.selected_item().map(|i| i.entity)
    }
}

/// The open concordance: which entity, its places in the transcript (found once, when it
/// opens), which one is selected and the first one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concordance {
    pub entity: usize,
    pub ranges: Arc<[TextRange]>,
    pub selected: usize,
    pub offset: usize,
    /// The widest of the names at `ranges`, in columns (line breaks as spaces): the width of
    /// the concordance's name column, measured once.
    pub name_width: usize,
    /// Opened from the entities list over the screen (`E`): closing goes back to it.
    pub from_list: bool,
}

/// Order items by kind, then by count (most first) or by first appearance in the transcript
/// (entities named only in the metadata last); ties keep their order.
pub fn sort_items(items: &mut [SideItem], by_count: bool) {
    let first = |i: &SideItem| i.first.map_or((usize::MAX, 0), |r| (r.block, r.start));
    items.sort_by(|a, b| {
        let within = if by_count {
            b.count.cmp(&a.count).then(first(a).cmp(&first(b)))
        } else {
            first(a).cmp(&first(b))
        };
        a.kind.cmp(&b.kind).then(within)
    });
}

/// The side list for `entities`: each with its places in the transcript (a name and its
/// gloss once, see `entities::stops`) and its mentions in the metadata.
pub fn side_list(entities: &[Listed], by_count: bool) -> SideList {
    let mut items: Vec<SideItem> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| SideItem {
            entity: i,
            label: e.name.clone(),
            kind: e.kind,
            detail: (!e.aliases.is_empty()).then(|| e.aliases.join(", ")),
            count: e.count,
            in_metadata: e.in_metadata,
            first: e.first,
        })
        .collect();
    sort_items(&mut items, by_count);
    SideList::new("Entities", items)
}

impl App {
    /// Install the document's entities and list them in the side pane.
    pub fn set_entities(&mut self, list: Vec<Entity>) {
        let index = EntityIndex::build(list, self.view.doc());
        self.set_entity_index(index);
    }

    /// Install the document's entities, already indexed (the loader indexes a big
    /// document's on its own thread).
    pub fn set_entity_index(&mut self, index: EntityIndex) {
        self.entities.side = side_list(index.list(), self.entities.by_count);
        self.entities.index = index;
        self.entities.status = NamesStatus::Ready;
    }

    /// The entities are being found (with a big file's whole document): none listed yet.
    pub fn entities_pending(&mut self) {
        self.set_entities(Vec::new());
        self.entities.status = NamesStatus::Pending;
    }

    /// Finding the entities failed: `message` says so (and where the details are) in the
    /// entities pane and the status line; everything else works on.
    pub fn entities_failed(&mut self, message: String) {
        self.entities_unavailable(&message);
        self.add_notice(message);
    }

    /// No entities will come, for a reason the status line already gives: the entities pane
    /// says `why`.
    pub fn entities_unavailable(&mut self, why: &str) {
        self.set_entities(Vec::new());
        self.entities.status = NamesStatus::Failed(why.to_string());
    }

    /// Move the side list's selection; a new entity previews its mentions.
    pub(super) fn move_side(&mut self, delta: isize) {
        let side = &mut self.entities.side;
        let before = side.selected;
        side.move_by(delta);
        if side.selected != before {
            self.entity_selected();
        }
    }

    /// A click on row `line` of the side pane's inside (`height` rows high).
    pub(super) fn click_side(&mut self, line: usize, height: usize) {
        let side = &self.entities.side;
        let rows = side.rows();
        let offset = side.offset(&rows, height);
        if let Some(&Some(i)) = rows.get(offset + line)
            && i != side.selected
        {
            self.entities.side.selected = i;
            self.entity_selected();
        }
    }

    /// The selection moved in the side list: its mentions become the targets and the body
    /// shows the first (recording the reader's own position in the jump list once).
    fn entity_selected(&mut self) {
        let Some(item) = self.entities.side.selected_item() else {
            return;
        };
        let label = item.label.clone();
        let in_meta = item.in_metadata;
        let ranges = self.entities.index.stops_of(item.entity, self.view.doc());
        if ranges.is_empty() {
            self.set_targets(TargetLabel::Entity(label.clone()), ranges, None);
            // The counter says "only in the metadata · {label}"; this says how often.
            let s = if in_meta == 1 { "" } else { "s" };
            self.say(format!("{in_meta} mention{s} in the metadata"));
            return;
        }
        self.set_targets(TargetLabel::Entity(label), ranges, Some(0));
        self.preview_current();
        if in_meta > 0 {
            self.say(format!("{in_meta} more in the metadata"));
        }
    }

    fn preview_current(&mut self) {
        let Some(r) = self.targets().and_then(|t| t.current_range()) else {
            return;
        };
        if self.entities.previewed_at != Some(self.top()) {
            self.view.remember_position();
        }
        self.view.reveal(r.location());
        self.entities.previewed_at = Some(self.top());
    }

    /// Enter on an entity: its first mention, focus on the body.
    pub(super) fn entity_activated(&mut self) {
        if self.entities.side.selected_item().is_none() {
            return;
        }
        self.entity_selected();
        if self.targets().is_some_and(|t| t.current.is_some()) {
            self.view.set_focus(Focus::Body);
        }
    }

    /// `E`: the entities list over the whole screen, at any size.
    pub(super) fn show_entities(&mut self) {
        self.overlay = Overlay::Entities;
    }

    /// Enter in the entities list over the screen: close it on the entity's first mention.
    pub(super) fn entity_chosen(&mut self) {
        self.entity_activated();
        if self.targets().is_some_and(|t| t.current.is_some()) {
            self.overlay = Overlay::None;
        }
    }

    /// `s`: sort each kind by mention count or by first appearance.
    pub(super) fn toggle_entity_sort(&mut self) {
        self.entities.by_count = !self.entities.by_count;
        let by_count = self.entities.by_count;
        self.entities
            .side
            .sort_with(|items| sort_items(items, by_count));
        self.say(if by_count {
            "entities sorted by mention count"
        } else {
            "entities sorted by first appearance"
        });
    }

    /// `/` or `?` with the entities pane focused: filter it (the kept filter to edit).
    pub(super) fn start_filter(&mut self) {
        let text = self.entities.side.begin_filter();
        self.search.fresh_options();
        self.open_input(InputPurpose::Filter, &text);
    }

    /// The filter text changed: show the items whose label, kind or aliases match, with the
    /// search line's settings (regular expression, accents).
    pub(super) fn filter_changed(&mut self, text: &str, regex: bool, fold_accents: bool) {
        self.input.set_error(None);
        let query = Query {
            pattern: text.to_string(),
            regex,
            fold_accents,
        };
        let matcher = match Matcher::new(&query) {
            Ok(m) => Some(m),
            Err(SearchError::Empty) => None,
            Err(e) => {
                self.input.set_error(Some(e.to_string()));
                return;
            }
        };
        let hit = |item: &SideItem| {
            matcher.as_ref().is_none_or(|m| {
                let detail = item.detail.as_deref().unwrap_or("");
                [item.label.as_str(), item.kind.as_str(), detail]
                    .iter()
                    .any(|t| !m.find_ranges(t).is_empty())
            })
        };
        if self.entities.side.filter_by(text, hit) == 0 {
            self.input.set_error(Some("no item matches".into()));
        }
    }

    /// Enter on the filter: keep it (an empty filter shows the whole list again).
    pub(super) fn filter_confirmed(&mut self, text: &str) {
        self.entities.side.keep_filter(text);
    }

    /// Esc on the filter: back to the filter there was before.
    pub(super) fn filter_cancelled(&mut self, regex: bool, fold_accents: bool) {
        match self.entities.side.kept_filter().map(str::to_string) {
            Some(text) => self.filter_changed(&text, regex, fold_accents),
            None => self.entities.side.clear_filter(),
        }
    }

    /// `e`: entity marks off and on.
    pub(super) fn toggle_entity_marks(&mut self) {
        self.entity_marks = !self.entity_marks;
        self.say(if self.entity_marks {
            "entity marks on"
        } else {
            "entity marks off"
        });
    }

    /// `c`: the concordance of the selected entity.
    pub(super) fn open_concordance(&mut self) {
        let Some(entity) = self.entities.selected() else {
            self.say("no entity selected: choose one in the entities pane");
            return;
        };
        let ranges = self.entities.index.stops_of(entity, self.view.doc());
        if ranges.is_empty() {
            self.say("named only in the metadata: no mentions in the text");
            return;
        }
        let doc = self.view.doc();
        let name_width = ranges
            .iter()
            .map(|r| crate::document::flat(doc.text(*r)).width())
            .max()
            .unwrap_or(0);
        self.overlay = Overlay::Concordance(Concordance {
            entity,
            ranges: ranges.into(),
            selected: 0,
            offset: 0,
            name_width,
            from_list: self.overlay == Overlay::Entities,
        });
    }

    /// The places in the transcript the concordance lists: the entity's stops (a name and
    /// its gloss once), in document order, found when it opened.
    pub fn concordance_ranges(&self) -> &[TextRange] {
        match &self.overlay {
            Overlay::Concordance(c) => &c.ranges,
            _ => &[],
        }
    }

    /// Lines of mentions the concordance shows on this screen.
    pub fn concordance_height(&self) -> usize {
        let (w, h) = self.view.size();
        let n = self.concordance_ranges().len();
        let popup = super::Panes::overlay(ratatui::layout::Rect::new(0, 0, w, h), 120, Some(n));
        usize::from(popup.height.saturating_sub(2)).max(1)
    }

    /// Esc in the concordance: back to the text, or to the entities list it was opened from.
    pub(super) fn close_concordance(&mut self) {
        if let Overlay::Concordance(c) = &self.overlay {
            self.overlay = match c.from_list {
                true => Overlay::Entities,
                false => Overlay::None,
            };
        }
    }

    pub(super) fn concordance_move(&mut self, delta: isize) {
        let height = self.concordance_height();
        if let Overlay::Concordance(c) = &mut self.overlay {
            c.selected = c
                .selected
                .saturating_add_signed(delta)
                .min(c.ranges.len().saturating_sub(1));
            // Keep the selection in view, scrolling as little as possible.
            c.offset = c
                .offset
                .min(c.selected)
                .max((c.selected + 1).saturating_sub(height));
        }
    }

    /// Enter in the concordance: go to that mention; `n`/`N` walk on from there.
    pub(super) fn concordance_jump(&mut self) {
        let Overlay::Concordance(c) = std::mem::take(&mut self.overlay) else {
            return;
        };
        let Some(name) = self.entities.list().get(c.entity).map(|e| e.name.clone()) else {
            return;
        };
        let Some(r) = c.ranges.get(c.selected).copied() else {
            return;
        };
        self.set_targets(
            TargetLabel::Entity(name),
            c.ranges.to_vec(),
            Some(c.selected),
        );
        self.view.remember_position();
        self.view.reveal(r.location());
        self.entities.previewed_at = Some(self.top());
        self.view.set_focus(Focus::Body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    fn item(label: &str, kind: EntityKind, count: usize, block: usize) -> SideItem {
        SideItem {
            entity: 0,
            label: label.into(),
            kind,
            detail: None,
            count,
            in_metadata: 0,
            first: Some(TextRange::new(block, 0, 1)),
        }
    }

    #[test]
    fn items_group_by_kind_and_sort_either_way() {
        use EntityKind::{Person, Place};
        let mut items = vec![
            item("Stalin", Person, 5, 2),
            item("Moscow", Place, 1, 0),
            item("Dairen", Place, 4, 3),
            item("Soong", Person, 1, 1),
        ];
        sort_items(&mut items, false);
        let labels: Vec<_> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Moscow", "Dairen", "Soong", "Stalin"]);
        sort_items(&mut items, true);
        let labels: Vec<_> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Dairen", "Moscow", "Stalin", "Soong"]);
    }
}
