//! Searching a document a slice at a time.
//!
//! A [`SearchJob`] does two things, each in bounded steps: first it looks for the match
//! nearest the reader (outwards from where the search started, in the search's direction,
//! wrapping round the ends), then it counts every match in document order. The reader calls
//! [`SearchJob::step`] once per frame with a byte budget, so a 100 MB document never freezes it,
//! and the first match shows up as soon as the step that meets it returns.

use super::{Direction, Matcher};
use crate::document::{Document, Location, TextRange};

/// Bytes to scan per step: a few milliseconds of work, well inside one frame.
pub const STEP_BYTES: usize = 4 << 20;
/// Long blocks are scanned in windows this much longer than their overlap.
const WINDOW: usize = 1 << 20;
/// Consecutive windows overlap by this much, so a match shorter than it is never cut in two.
/// (Only a regex can match more; such a match may be shortened at a window edge.)
const OVERLAP: usize = 4 << 10;
/// What visiting a block costs beyond its bytes, so a document of many empty blocks is paced
/// too.
const BLOCK_COST: usize = 256;

/// Whether a job has more to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    Done,
}

/// The incremental search of one query over one document (see the module comment).
#[derive(Debug, Clone)]
pub struct SearchJob {
    matcher: Matcher,
    origin: Location,
    direction: Direction,
    inclusive: bool,
    window: usize,
    overlap: usize,
    seek: Option<Seek>,
    nearest: Option<(TextRange, bool)>,
    count: Option<BlockScan>,
    matches: Vec<TextRange>,
}

#[derive(Debug, Clone)]
struct Seek {
    /// How many blocks, counted from the origin's, have been looked at so far.
    visited: usize,
    scan: BlockScan,
    /// Matches of the origin's block on the far side of the origin: the last resort.
    behind: Vec<TextRange>,
}

impl SearchJob {
    /// A search from `origin` in `direction`; a match starting exactly at `origin` counts when
    /// `inclusive` (as while typing a query: the match under the reader stays put).
    pub fn new(matcher: Matcher, origin: Location, direction: Direction, inclusive: bool) -> Self {
        Self {
            matcher,
            origin,
            direction,
            inclusive,
            window: WINDOW,
            overlap: OVERLAP,
            seek: Some(Seek {
                visited: 0,
                scan: BlockScan::new(origin.block),
                behind: Vec::new(),
            }),
            nearest: None,
            count: Some(BlockScan::new(0)),
            matches: Vec::new(),
        }
    }

    /// Scan long blocks in windows of `window` bytes overlapping by `overlap` (for tests and
    /// benchmarks; the defaults suit the reader).
    pub fn with_window(mut self, window: usize, overlap: usize) -> Self {
        self.overlap = overlap.max(1);
        self.window = window.max(self.overlap + 16);
        self
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn direction(&self) -> Direction {
        self.direction
    }

    pub fn origin(&self) -> Location {
        self.origin
    }

    /// The match to show: nearest the origin in the job's direction, wrapping round the ends.
    /// `None` while it is still being looked for, or when there is no match at all.
    pub fn nearest(&self) -> Option<TextRange> {
        self.nearest.map(|(r, _)| r)
    }

    /// Whether reaching the nearest match went round an end of the document.
    pub fn wrapped(&self) -> bool {
        self.nearest.is_some_and(|(_, w)| w)
    }

    /// Whether the nearest match is known (or known not to exist).
    pub fn seek_done(&self) -> bool {
        self.seek.is_none()
    }

    /// Whether every match has been counted.
    pub fn is_done(&self) -> bool {
        self.seek.is_none() && self.count.is_none()
    }

    /// The matches counted so far, in document order: all of them once [`Self::is_done`].
    pub fn matches(&self) -> &[TextRange] {
        &self.matches
    }

    pub fn into_matches(self) -> Vec<TextRange> {
        self.matches
    }

    /// Where the nearest match sits in [`Self::matches`], once counting has passed it.
    pub fn nearest_index(&self) -> Option<usize> {
        let (r, _) = self.nearest?;
        self.matches.binary_search(&r).ok()
    }

    /// Do about `budget` bytes of work (at least one window).
    pub fn step(&mut self, doc: &Document, budget: usize) -> Status {
        let mut spent = 0;
        while spent < budget {
            if self.seek.is_some() {
                spent += self.seek_step(doc);
            } else if self.count.is_some() {
                spent += self.count_step(doc);
            } else {
                break;
            }
        }
        if self.is_done() {
            Status::Done
        } else {
            Status::Running
        }
    }

    fn block_order(&self, k: usize, n: usize) -> usize {
        let o = self.origin.block;
        match self.direction {
            Direction::Forward => (o + k) % n,
            Direction::Backward => (o + n - k) % n,
        }
    }

    fn ahead(&self, r: &TextRange) -> bool {
        let at = r.location();
        match (self.direction, self.inclusive) {
            (Direction::Forward, true) => at >= self.origin,
            (Direction::Forward, false) => at > self.origin,
            (Direction::Backward, true) => at <= self.origin,
            (Direction::Backward, false) => at < self.origin,
        }
    }

    /// The match a direction meets first in a sorted list.
    fn first(&self, found: &[TextRange]) -> Option<TextRange> {
        match self.direction {
            Direction::Forward => found.first().copied(),
            Direction::Backward => found.last().copied(),
        }
    }

    fn seek_step(&mut self, doc: &Document) -> usize {
        let n = doc.blocks.len();
        if n == 0 {
            self.seek = None;
            self.count = None;
            return BLOCK_COST;
        }
        if self.origin.block >= n {
            // Past the end: everything lies behind.
            self.origin = Location::new(n - 1, usize::MAX);
        }
        let Some(mut seek) = self.seek.take() else {
            return 0;
        };
        if seek.visited == 0 {
            seek.scan.block = self.origin.block;
        }
        let Some(block) = doc.blocks.get(seek.scan.block) else {
            // Not this job's document (it is stepped on one only): nothing more to find.
            self.count = None;
            return BLOCK_COST;
        };
        let text = &block.text;
        let cost = seek
            .scan
            .step(&self.matcher, text, self.window, self.overlap)
            + BLOCK_COST;
        let finished = seek.scan.done();
        let hit = if seek.visited == 0 {
            self.origin_hit(&seek.scan).map(|r| (r, false))
        } else if finished || self.direction == Direction::Forward {
            // Forward, the first match found is the nearest even before the block is done.
            let block = seek.scan.block;
            let wrapped = match self.direction {
                Direction::Forward => block < self.origin.block,
                Direction::Backward => block > self.origin.block,
            };
            self.first(&seek.scan.found).map(|r| (r, wrapped))
        } else {
            None
        };
        if hit.is_some() {
            self.nearest = hit;
            return cost;
        }
        if !finished {
            self.seek = Some(seek);
            return cost;
        }
        if seek.visited == 0 {
            // No match on the near side of the origin: its block's others lie behind.
            seek.behind = std::mem::take(&mut seek.scan.found);
        }
        seek.visited += 1;
        if seek.visited < n {
            seek.scan = BlockScan::new(self.block_order(seek.visited, n));
            self.seek = Some(seek);
        } else {
            self.nearest = self.first(&seek.behind).map(|r| (r, true));
            if self.nearest.is_none() {
                // Not one match anywhere: nothing left to count.
                self.count = None;
            }
        }
        cost
    }

    /// The nearest match in the origin's own block, once the scan has gone far enough to
    /// know it.
    fn origin_hit(&self, scan: &BlockScan) -> Option<TextRange> {
        match self.direction {
            Direction::Forward => scan.found.iter().find(|r| self.ahead(r)).copied(),
            // Every match starting before `scan.pos` is known (matches do not overlap).
            Direction::Backward if scan.finished || scan.pos > self.origin.offset => {
                scan.found.iter().rev().find(|r| self.ahead(r)).copied()
            }
            Direction::Backward => None,
        }
    }

    fn count_step(&mut self, doc: &Document) -> usize {
        let Some(scan) = self.count.as_mut() else {
            return 0;
        };
        let Some(block) = doc.blocks.get(scan.block) else {
            self.count = None;
            return BLOCK_COST;
        };
        let cost = scan.step(&self.matcher, &block.text, self.window, self.overlap) + BLOCK_COST;
        if scan.done() {
            self.matches.append(&mut scan.found);
            *scan = BlockScan::new(scan.block + 1);
        }
        cost
    }
}

/// The matches of one block, found a window at a time.
#[derive(Debug, Clone)]
struct BlockScan {
    block: usize,
    /// Where the next window starts.
    pos: usize,
    /// Set once the window that reaches the end of the block has been scanned.
    finished: bool,
    found: Vec<TextRange>,
}

impl BlockScan {
    fn new(block: usize) -> Self {
        Self {
            block,
            pos: 0,
            finished: false,
            found: Vec::new(),
        }
    }

    fn done(&self) -> bool {
        self.finished
    }

    /// Scan the next window of `text`; returns the bytes looked at. A match starting in the
    /// last `overlap` bytes of a window is left for the next window, which starts there.
    fn step(&mut self, matcher: &Matcher, text: &str, window: usize, overlap: usize) -> usize {
        let len = text.len();
        // `pos` is a boundary of this text; the clamp keeps a changed text from slicing wrong.
        let start = floor_boundary(text, self.pos.min(len));
        let last = len - start <= window;
        let (end, cut) = if last {
            (len, len)
        } else {
            let end = floor_boundary(text, start + window);
            (end, floor_boundary(text, end.saturating_sub(overlap)))
        };
        // The text before `start` stays in the haystack so `\b` and `^` see their context.
        let haystack = text.get(..end).unwrap_or(text);
        let regex = matcher.regex_for(text.get(start..end).unwrap_or(""));
        let mut at = start;
        let mut next = cut;
        while at <= end {
            let Some(m) = regex.find_at(haystack, at) else {
                break;
            };
            if !last && m.start() >= cut {
                break;
            }
            if m.is_empty() {
                at = next_boundary(text, m.start());
                continue;
            }
            self.found
                .push(TextRange::new(self.block, m.start(), m.end()));
            at = m.end();
            next = next.max(at);
        }
        if last {
            self.pos = len;
            self.finished = true;
        } else {
            self.pos = next;
        }
        end - start
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn next_boundary(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|r| r.chars().next())
        .map_or(i + 1, |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind};
    use crate::search::{Query, find_all};

    fn doc(blocks: &[&str]) -> Document {
        Document {
            blocks: blocks
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            ..Document::default()
        }
    }

    fn run(job: &mut SearchJob, d: &Document, budget: usize) -> usize {
        let mut steps = 1;
        while job.step(d, budget) == Status::Running {
            steps += 1;
        }
        steps
    }

    fn job(q: &str, from: Location, dir: Direction) -> SearchJob {
        SearchJob::new(Matcher::new(&Query::plain(q)).unwrap(), from, dir, true)
    }

    /// A job begun on one text and stepped on a shorter one (the document was swapped under
    /// it) ends without reading past the new text.
    #[test]
    fn a_job_stepped_on_a_shorter_document_ends_safely() {
        let long = doc(&[&"Dairen and Port Arthur. ".repeat(40), "Dairen"]);
        for short in [doc(&["Dairen é"]), doc(&[])] {
            let mut j = job("dairen", Location::new(0, 0), Direction::Forward).with_window(64, 16);
            for _ in 0..3 {
                assert_eq!(j.step(&long, 1), Status::Running);
            }
            let mut steps = 0;
            while j.step(&short, 100) == Status::Running {
                steps += 1;
                assert!(steps < 1000, "the job never ends");
            }
        }
    }

    #[test]
    fn finds_the_nearest_match_forward_then_counts_all() {
        let d = doc(&["Dairen", "port", "Dairen and Dairen", "Dairen"]);
        let mut j = job("dairen", Location::new(1, 0), Direction::Forward);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(2, 0, 6)));
        assert!(!j.wrapped());
        assert_eq!(j.matches().len(), 4);
        assert_eq!(j.nearest_index(), Some(1));
    }

    #[test]
    fn backward_seek_and_wrap_round() {
        let d = doc(&["Dairen", "port", "Dairen and Dairen", "port"]);
        let mut j = job("dairen", Location::new(2, 7), Direction::Backward);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(2, 0, 6)));
        // Inclusive: the match under the origin is the nearest; exclusive: wrap to the last.
        let mut j = job("dairen", Location::new(0, 0), Direction::Backward);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(0, 0, 6)));
        let m = Matcher::new(&Query::plain("dairen")).unwrap();
        let mut j = SearchJob::new(m, Location::new(0, 0), Direction::Backward, false);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(2, 11, 17)));
        assert!(j.wrapped());
        let mut j = job("dairen", Location::new(2, 12), Direction::Forward);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(0, 0, 6)));
        assert!(j.wrapped());
    }

    #[test]
    fn the_origin_block_is_the_last_resort_when_wrapping() {
        let d = doc(&["port", "Dairen then port"]);
        let mut j = job("dairen", Location::new(1, 3), Direction::Forward);
        run(&mut j, &d, 1);
        assert_eq!(j.nearest(), Some(TextRange::new(1, 0, 6)));
        assert!(j.wrapped());
    }

    #[test]
    fn no_match_ends_the_job_without_counting() {
        let d = doc(&["port", "harbour"]);
        let mut j = job("dairen", Location::new(1, 0), Direction::Forward);
        assert_eq!(j.step(&d, STEP_BYTES), Status::Done);
        assert_eq!(j.nearest(), None);
        assert!(j.matches().is_empty());
        let mut j = job("dairen", Location::default(), Direction::Forward);
        assert_eq!(j.step(&Document::default(), STEP_BYTES), Status::Done);
    }

    #[test]
    fn a_small_budget_spreads_the_work_over_steps() {
        let text = "Dairen ".repeat(2000);
        let d = doc(&[&text, &text]);
        let mut j = job("dairen", Location::default(), Direction::Forward).with_window(100, 20);
        let steps = run(&mut j, &d, 100);
        assert!(steps > 100, "{steps} steps");
        assert_eq!(j.matches(), find_all(&d, j.matcher()));
        assert_eq!(j.matches().len(), 4000);
    }

    #[test]
    fn the_first_match_is_known_after_one_step() {
        let far = "x".repeat(50_000);
        let d = doc(&["Dairen", &far, &far, &far]);
        let mut j = job("dairen", Location::default(), Direction::Forward);
        assert_eq!(j.step(&d, 1), Status::Running);
        assert_eq!(j.nearest(), Some(TextRange::new(0, 0, 6)));
        assert_eq!(j.nearest_index(), None, "not counted yet");
    }

    #[test]
    fn origin_past_the_end_is_clamped() {
        let d = doc(&["Dairen", "Dairen"]);
        let mut j = job("dairen", Location::new(9, 0), Direction::Backward);
        run(&mut j, &d, STEP_BYTES);
        assert_eq!(j.nearest(), Some(TextRange::new(1, 0, 6)));
        let mut j = job("dairen", Location::new(9, 0), Direction::Forward);
        run(&mut j, &d, STEP_BYTES);
        assert_eq!(j.nearest(), Some(TextRange::new(0, 0, 6)));
        assert!(j.wrapped());
    }
}
