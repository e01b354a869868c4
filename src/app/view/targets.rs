//! The current set of targets: whatever `n`/`N` walk — search matches, entity mentions, or
//! anything else a feature produces as document ranges.
//!
//! A producer calls [`App::set_targets`](super::App::set_targets) with a label and ranges; the
//! body highlights them, the marker column shows where they lie in the whole document, and
//! the status line counts them ("match 2 of 7").

use crate::document::TextRange;

/// What produced the targets; decides the word the status line uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetLabel {
    /// Matches of a search query.
    Search(String),
    /// Mentions of a named entity.
    Entity(String),
}

impl TargetLabel {
    /// The noun for one target: `match`, `mention`.
    pub fn noun(&self) -> &'static str {
        match self {
            TargetLabel::Search(_) => "match",
            TargetLabel::Entity(_) => "mention",
        }
    }

    /// The query or name the targets belong to.
    pub fn text(&self) -> &str {
        match self {
            TargetLabel::Search(s) | TargetLabel::Entity(s) => s,
        }
    }
}

/// Ranges in document order and the one the user is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets {
    pub label: TargetLabel,
    /// Sorted by position, no duplicates.
    pub ranges: Vec<TextRange>,
    pub current: Option<usize>,
}

impl Targets {
    /// Sorts and deduplicates `ranges`; drops `current` if it does not index them.
    pub fn new(label: TargetLabel, mut ranges: Vec<TextRange>, current: Option<usize>) -> Self {
        let chosen = current.and_then(|i| ranges.get(i).copied());
        ranges.sort();
        ranges.dedup();
        let current = chosen.and_then(|c| ranges.binary_search(&c).ok());
        Self {
            label,
            ranges,
            current,
        }
    }

    /// The ranges inside one block, in order.
    pub fn in_block(&self, block: usize) -> &[TextRange] {
        let lo = self.ranges.partition_point(|r| r.block < block);
        let hi = self.ranges.partition_point(|r| r.block <= block);
        &self.ranges[lo..hi]
    }

    /// The range the user is on.
    pub fn current_range(&self) -> Option<TextRange> {
        self.current.and_then(|i| self.ranges.get(i).copied())
    }

    /// The index `n` (forward) or `N` (backward) goes to from `current`, or — with no current
    /// target — from the reading position `from`. Returns the index and whether it wrapped.
    pub fn step(&self, forward: bool, from: (usize, usize)) -> Option<(usize, bool)> {
        let len = self.ranges.len();
        if len == 0 {
            return None;
        }
        let key = |r: &TextRange| (r.block, r.start);
        Some(match (self.current, forward) {
            (Some(i), true) => ((i + 1) % len, i + 1 == len),
            (Some(i), false) => ((i + len - 1) % len, i == 0),
            (None, true) => {
                let i = self.ranges.partition_point(|r| key(r) < from);
                if i == len { (0, true) } else { (i, false) }
            }
            (None, false) => {
                let i = self.ranges.partition_point(|r| key(r) < from);
                if i == 0 {
                    (len - 1, true)
                } else {
                    (i - 1, false)
                }
            }
        })
    }

    /// "match 2 of 7", or "7 matches" before one is chosen.
    pub fn counter(&self) -> String {
        let noun = self.label.noun();
        let k = self.ranges.len();
        match self.current {
            Some(i) => format!("{noun} {} of {k}", i + 1),
            // Targets with nothing in the transcript: a search or an entity found only in the
            // metadata pane (never "0 mentions").
            None if k == 0 => "only in the metadata".to_string(),
            None if k == 1 => format!("1 {noun}"),
            None => {
                let plural = if noun.ends_with('h') { "es" } else { "s" };
                format!("{k} {noun}{plural}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ranges: &[(usize, usize)]) -> Targets {
        Targets::new(
            TargetLabel::Search("x".into()),
            ranges
                .iter()
                .map(|&(b, s)| TextRange::new(b, s, s + 1))
                .collect(),
            None,
        )
    }

    #[test]
    fn stepping_wraps_both_ways() {
        let mut ts = t(&[(1, 0), (3, 5), (7, 2)]);
        assert_eq!(ts.step(true, (0, 0)), Some((0, false)));
        assert_eq!(ts.step(true, (4, 0)), Some((2, false)));
        assert_eq!(ts.step(true, (9, 0)), Some((0, true)));
        assert_eq!(ts.step(false, (0, 0)), Some((2, true)));
        ts.current = Some(2);
        assert_eq!(ts.step(true, (0, 0)), Some((0, true)));
        ts.current = Some(0);
        assert_eq!(ts.step(false, (0, 0)), Some((2, true)));
    }

    #[test]
    fn ranges_are_sorted_and_current_follows_its_range() {
        let ts = Targets::new(
            TargetLabel::Entity("Dalian".into()),
            vec![TextRange::new(5, 0, 3), TextRange::new(2, 0, 3)],
            Some(0),
        );
        assert_eq!(ts.ranges[0].block, 2);
        assert_eq!(ts.current, Some(1));
        assert_eq!(ts.counter(), "mention 2 of 2");
        assert_eq!(ts.in_block(5).len(), 1);
        assert!(ts.in_block(3).is_empty());
    }

    #[test]
    fn counter_words() {
        assert_eq!(t(&[(0, 0), (1, 0)]).counter(), "2 matches");
        assert_eq!(t(&[(0, 0)]).counter(), "1 match");
        assert!(t(&[]).step(true, (0, 0)).is_none());
    }

    #[test]
    fn targets_only_in_the_metadata_are_not_counted_as_zero() {
        let ts = Targets::new(TargetLabel::Entity("Wilson Center".into()), vec![], None);
        assert_eq!(ts.counter(), "only in the metadata");
        assert_eq!(t(&[(1, 0), (2, 0)]).counter(), "2 matches");
    }
}
