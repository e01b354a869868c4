//! Entities in the reader: the side list of the document's people, places and organizations
//! (grouped by kind, sorted by mention count or first appearance), the preview of an
//! entity's mentions as the current targets while the selection moves, Enter to jump to the
//! first mention, and the concordance overlay (every mention in context).

use super::keymap::{Binding, k, key};
use super::side::{SideItem, SideList};
use super::{Action, App, Focus, TargetLabel};
use crate::document::{Location, TextRange};
use crate::entities::{Entity, EntityKind, Field, Site};
use crossterm::event::KeyCode;

/// Entity keys in normal mode.
pub const KEYS: &[Binding] = &[
    k('s', Action::ToggleEntitySort),
    k('c', Action::OpenConcordance),
];

/// Keys of the concordance overlay.
pub const CONCORDANCE_KEYS: &[Binding] = &[
    k('j', Action::ConcordanceDown),
    key(KeyCode::Down, Action::ConcordanceDown),
    k('k', Action::ConcordanceUp),
    key(KeyCode::Up, Action::ConcordanceUp),
    key(KeyCode::Enter, Action::ConcordanceJump),
    key(KeyCode::Esc, Action::CloseConcordance),
    k('q', Action::CloseConcordance),
    k('c', Action::CloseConcordance),
];

/// The document's entities and how the reader shows them.
#[derive(Debug, Default)]
pub struct EntityState {
    /// As extracted, in extraction order.
    pub list: Vec<Entity>,
    /// Sort each kind by mention count (most first) instead of first appearance.
    pub by_count: bool,
    /// The concordance overlay, when open.
    pub concordance: Option<Concordance>,
    /// Where the last preview left the body: a different top means the user moved since,
    /// so the next preview records the position in the jump list first.
    previewed_at: Option<Location>,
}

/// The open concordance: which entity and which of its mentions is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concordance {
    pub entity: usize,
    pub selected: usize,
}

/// The heading of a kind's group in the side list.
pub fn group_name(kind: &str) -> &str {
    match kind {
        "place" => "Places",
        "person" => "People",
        "organization" => "Organizations",
        other => other,
    }
}

fn kind_rank(kind: &str) -> usize {
    match kind {
        "place" => 0,
        "person" => 1,
        "organization" => 2,
        _ => 3,
    }
}

/// Order items by kind, then by count (most first) or by first appearance in the transcript
/// (entities named only in the metadata last); ties keep their order.
pub fn sort_items(items: &mut [SideItem], by_count: bool) {
    let first = |i: &SideItem| {
        i.ranges
            .first()
            .map_or((usize::MAX, 0), |r| (r.block, r.start))
    };
    items.sort_by(|a, b| {
        let by_kind = kind_rank(&a.kind).cmp(&kind_rank(&b.kind));
        let within = if by_count {
            b.count.cmp(&a.count).then(first(a).cmp(&first(b)))
        } else {
            first(a).cmp(&first(b))
        };
        by_kind.then(within)
    });
}

/// The side list for `entities`.
pub fn side_list(entities: &[Entity], by_count: bool) -> SideList {
    let mut items: Vec<SideItem> = entities
        .iter()
        .map(|e| {
            let mut ranges: Vec<TextRange> = e.ranges().collect();
            ranges.sort();
            ranges.dedup();
            SideItem {
                label: e.name.clone(),
                kind: e.kind.as_str().to_string(),
                detail: (!e.aliases.is_empty()).then(|| e.aliases.join(", ")),
                count: Some(ranges.len()),
                ranges,
            }
        })
        .collect();
    sort_items(&mut items, by_count);
    SideList::new("Entities", items)
}

fn kind_of(name: &str) -> Option<EntityKind> {
    [
        EntityKind::Place,
        EntityKind::Person,
        EntityKind::Organization,
    ]
    .into_iter()
    .find(|k| k.as_str() == name)
}

impl App {
    /// Install the document's entities and list them in the side pane.
    pub fn set_entities(&mut self, list: Vec<Entity>) {
        self.side = side_list(&list, self.entities.by_count);
        self.entities.list = list;
    }

    /// The names entities go by in the title and summary: `(surface, canonical name)`,
    /// longest surface first so that `Averell Harriman` wins over `Harriman`.
    pub fn metadata_names(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for e in &self.entities.list {
            for m in &e.mentions {
                if matches!(m.site, Site::Field(Field::Title | Field::Summary)) {
                    let surface = m.text(&self.doc).to_string();
                    if !surface.is_empty() && !out.iter().any(|(s, _)| *s == surface) {
                        out.push((surface, e.name.clone()));
                    }
                }
            }
        }
        out.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        out
    }

    /// The entity behind the selected side item.
    pub fn selected_entity(&self) -> Option<usize> {
        let item = self.side.selected_item()?;
        let kind = kind_of(&item.kind)?;
        self.entities
            .list
            .iter()
            .position(|e| e.kind == kind && e.name == item.label)
    }

    /// The selection moved in the side list: its mentions become the targets and the body
    /// shows the first (recording the reader's own position in the jump list once).
    pub(super) fn entity_selected(&mut self) {
        let Some(item) = self.side.selected_item() else {
            return;
        };
        let (label, ranges) = (item.label.clone(), item.ranges.clone());
        if ranges.is_empty() {
            self.set_targets(TargetLabel::Entity(label.clone()), ranges, None);
            self.say(format!("{label}: named only in the metadata"));
            return;
        }
        self.set_targets(TargetLabel::Entity(label), ranges, Some(0));
        self.preview_current();
    }

    fn preview_current(&mut self) {
        let Some(r) = self.targets.as_ref().and_then(|t| t.current_range()) else {
            return;
        };
        if self.entities.previewed_at != Some(self.top) {
            self.jumps.push(self.top);
        }
        self.reveal(r.location());
        self.entities.previewed_at = Some(self.top);
    }

    /// Enter on an entity: its first mention, focus on the body.
    pub(super) fn entity_activated(&mut self) {
        if self.side.selected_item().is_none() {
            return;
        }
        self.entity_selected();
        if self.targets.as_ref().is_some_and(|t| t.current.is_some()) {
            self.focus = Focus::Body;
        }
    }

    /// `s`: sort each kind by mention count or by first appearance.
    pub(super) fn toggle_entity_sort(&mut self) {
        self.entities.by_count = !self.entities.by_count;
        let by_count = self.entities.by_count;
        let keep = self.side.selected_item().cloned();
        sort_items(&mut self.side.items, by_count);
        if let Some(saved) = self.search.saved_side_items() {
            sort_items(saved, by_count);
        }
        if let Some(keep) = keep {
            self.side.selected = self.side.items.iter().position(|i| *i == keep).unwrap_or(0);
        }
        self.say(if by_count {
            "entities sorted by mention count"
        } else {
            "entities sorted by first appearance"
        });
    }

    /// `c`: the concordance of the selected entity.
    pub(super) fn open_concordance(&mut self) {
        let Some(entity) = self.selected_entity() else {
            self.say("no entity selected: choose one in the entities pane");
            return;
        };
        if self.entities.list[entity].ranges().next().is_none() {
            self.say("named only in the metadata: no mentions in the text");
            return;
        }
        self.entities.concordance = Some(Concordance {
            entity,
            selected: 0,
        });
    }

    /// The body mentions of the concordance's entity, in document order.
    pub fn concordance_ranges(&self) -> Vec<TextRange> {
        let Some(c) = &self.entities.concordance else {
            return Vec::new();
        };
        let mut ranges: Vec<TextRange> = self
            .entities
            .list
            .get(c.entity)
            .map(|e| e.ranges().collect())
            .unwrap_or_default();
        ranges.sort();
        ranges.dedup();
        ranges
    }

    pub(super) fn concordance_move(&mut self, delta: isize) {
        let n = self.concordance_ranges().len();
        if let Some(c) = &mut self.entities.concordance {
            c.selected = c
                .selected
                .saturating_add_signed(delta)
                .min(n.saturating_sub(1));
        }
    }

    /// Enter in the concordance: go to that mention; `n`/`N` walk on from there.
    pub(super) fn concordance_jump(&mut self) {
        let ranges = self.concordance_ranges();
        let Some(c) = self.entities.concordance.take() else {
            return;
        };
        let name = self.entities.list[c.entity].name.clone();
        let Some(r) = ranges.get(c.selected).copied() else {
            return;
        };
        self.set_targets(TargetLabel::Entity(name), ranges, Some(c.selected));
        self.jumps.push(self.top);
        self.reveal(r.location());
        self.entities.previewed_at = Some(self.top);
        self.focus = Focus::Body;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, kind: &str, count: usize, block: usize) -> SideItem {
        SideItem {
            label: label.into(),
            kind: kind.into(),
            detail: None,
            count: Some(count),
            ranges: vec![TextRange::new(block, 0, 1)],
        }
    }

    #[test]
    fn items_group_by_kind_and_sort_either_way() {
        let mut items = vec![
            item("Stalin", "person", 5, 2),
            item("Moscow", "place", 1, 0),
            item("Dairen", "place", 4, 3),
            item("Soong", "person", 1, 1),
        ];
        sort_items(&mut items, false);
        let labels: Vec<_> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Moscow", "Dairen", "Soong", "Stalin"]);
        sort_items(&mut items, true);
        let labels: Vec<_> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Dairen", "Moscow", "Stalin", "Soong"]);
    }
}
