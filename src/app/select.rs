//! Selecting a passage by whole sentences (`v`), and copying it (`y`, `Y` with its pinpoint
//! citation). Without a selection `y`/`Y` copy the paragraph being read.
//!
//! A selection is two sentences, where it started and where it reaches; `j`/`k` move the
//! reaching end a sentence at a time and `}`/`{` to a paragraph's end or start, across
//! blocks. Sentences, not screen rows, because a quote should be whole sentences and stay
//! the same at any width. The copy itself is an [`Effect::Yank`] the event loop performs.

use super::{Action, App, Effect, Mode, bookmarks::Mark};
use crate::bookmarks::quote::{passage, sentence_range};
use crate::cite::{Pinpoint, Source, pinpoint};
use crate::document::sentences::sentences;
use crate::document::{BlockKind, Document, Location, TextRange};

/// A selection of whole sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// The sentence it started from.
    pub anchor: TextRange,
    /// The sentence it reaches to (before or after the anchor).
    pub head: TextRange,
}

impl Selection {
    /// The first and last sentences, in reading order.
    pub fn span(&self) -> (TextRange, TextRange) {
        let key = |r: &TextRange| (r.block, r.start);
        if key(&self.anchor) <= key(&self.head) {
            (self.anchor, self.head)
        } else {
            (self.head, self.anchor)
        }
    }

    /// The selected stretch of `block`, if the selection covers part of it.
    pub fn in_block(&self, block: usize, len: usize) -> Option<(usize, usize)> {
        let (first, last) = self.span();
        if block < first.block || block > last.block {
            return None;
        }
        let start = if block == first.block { first.start } else { 0 };
        let end = if block == last.block { last.end } else { len };
        Some((start, end))
    }
}

/// What to copy: the text, what it is (`¶ 3`), and whether the citation is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Yank {
    pub text: String,
    /// `¶ 3`, `¶¶ 3–5`, `n. 2`, or `the passage`.
    pub what: String,
    pub cited: bool,
}

impl App {
    /// The selection being made, if any.
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
    }

    /// `v`: start selecting at the sentence being read (the current target's, when it is on
    /// screen).
    pub(super) fn start_selection(&mut self) {
        let at = match self.looked_at() {
            Mark::Target(r) => r.location(),
            Mark::Paragraph(l) => l,
        };
        let doc = self.doc();
        let Some(first) = unit_at_or_after(doc, at) else {
            self.say("nothing to select here");
            return;
        };
        self.selection = Some(Selection {
            anchor: first,
            head: first,
        });
        let hint = self.keymap.hint(
            Mode::Select,
            &[
                (&[Action::SelectNext, Action::SelectPrev], "sentence"),
                (
                    &[Action::SelectNextParagraph, Action::SelectPrevParagraph],
                    "paragraph",
                ),
                (&[Action::Yank], "copy"),
                (&[Action::YankCited], "with citation"),
                (&[Action::CancelSelection], "stop"),
            ],
        );
        self.say(format!("selecting by sentence —{hint}"));
    }

    /// `j`/`k`/`}`/`{` in a selection.
    pub(super) fn extend_selection(&mut self, action: Action) {
        let Some(mut sel) = self.selection else {
            return;
        };
        let doc = self.doc();
        let next = match action {
            Action::SelectNext => next_unit(doc, sel.head),
            Action::SelectPrev => prev_unit(doc, sel.head),
            Action::SelectNextParagraph => paragraph_end(doc, sel.head),
            Action::SelectPrevParagraph => paragraph_start(doc, sel.head),
            _ => None,
        };
        match next {
            Some(head) => {
                sel.head = head;
                self.selection = Some(sel);
                let end = Location::new(head.block, head.end.saturating_sub(1));
                self.follow(head.location(), end);
            }
            None => self.say(
                if matches!(action, Action::SelectNext | Action::SelectNextParagraph) {
                    "at the end of the document"
                } else {
                    "at the start of the document"
                },
            ),
        }
    }

    /// Scroll as little as needed for `start..end` to show (its start when it is taller
    /// than the screen).
    fn follow(&mut self, start: Location, end: Location) {
        // A sentence is a few rows: step a row at a time, bounded.
        for _ in 0..1000 {
            if self.view.on_screen(start) {
                break;
            }
            let before = self.view.top();
            let up = self.view.row_pos(start) < self.view.row_pos(before);
            self.view.scroll_rows(if up { -1 } else { 1 });
            if self.view.top() == before {
                break;
            }
        }
        for _ in 0..1000 {
            if self.view.on_screen(end) || !self.view.on_screen(start) {
                break;
            }
            let before = self.view.top();
            self.view.scroll_rows(1);
            if !self.view.on_screen(start) {
                self.view.scroll_rows(-1);
                break;
            }
            if self.view.top() == before {
                break;
            }
        }
    }

    pub(super) fn cancel_selection(&mut self) {
        self.selection = None;
    }

    /// `y` / `Y`: the selection (which ends), else the paragraph being read, as clean text;
    /// with `cited`, followed by its pinpoint citation.
    pub(super) fn yank(&mut self, cited: bool) -> Option<Effect> {
        let selection = self.selection.take();
        let doc = self.doc();
        let (first, last) = match selection {
            Some(sel) => sel.span(),
            None => {
                let block = self.looked_at().block();
                let len = doc.blocks.get(block).map_or(0, |b| b.text.len());
                (TextRange::new(block, 0, 0), TextRange::new(block, len, len))
            }
        };
        let mut text = passage(doc, first, last);
        if text.is_empty() {
            self.say("nothing to copy here");
            return None;
        }
        let pin = self.pinpoint(first.block, last.block);
        let what = match pin.text() {
            t if t.is_empty() => "the passage".to_string(),
            t => t,
        };
        if cited {
            let date = self.bookmarks.now().date();
            text.push_str("\n\n");
            text.push_str(&pinpoint::cite(&Source::of(doc), &pin, &date));
        }
        Some(Effect::Yank(Yank { text, what, cited }))
    }

    /// Where blocks `first..=last` are, for a citation.
    fn pinpoint(&self, first: usize, last: usize) -> Pinpoint {
        let doc = self.doc();
        if let Some(b) = doc.blocks.get(first)
            && b.kind == BlockKind::Footnote
        {
            return Pinpoint::Note(b.number().unwrap_or_default().to_string());
        }
        let p = self.view.paragraphs();
        let last = last.min(doc.body_end().saturating_sub(1));
        match (p.number_at(first), p.number_at(last)) {
            (_, 0) => Pinpoint::None,
            (a, b) => Pinpoint::Paragraphs(a.max(1).min(b), b),
        }
    }
}

/// The sentences of a block as ranges.
fn units(doc: &Document, block: usize) -> Vec<TextRange> {
    let text = doc.blocks.get(block).map_or("", |b| b.text.as_str());
    sentences(text)
        .into_iter()
        .map(|r| TextRange::new(block, r.start, r.end))
        .collect()
}

/// The sentence at `loc`, or the first one after it (a block with no sentence is passed).
fn unit_at_or_after(doc: &Document, loc: Location) -> Option<TextRange> {
    let here = sentence_range(doc, loc);
    if here.start < here.end {
        return Some(here);
    }
    (loc.block + 1..doc.blocks.len()).find_map(|b| units(doc, b).first().copied())
}

fn next_unit(doc: &Document, r: TextRange) -> Option<TextRange> {
    let here = units(doc, r.block);
    if let Some(i) = here.iter().position(|u| u.start == r.start)
        && let Some(n) = here.get(i + 1)
    {
        return Some(*n);
    }
    (r.block + 1..doc.blocks.len()).find_map(|b| units(doc, b).first().copied())
}

fn prev_unit(doc: &Document, r: TextRange) -> Option<TextRange> {
    let here = units(doc, r.block);
    if let Some(i) = here.iter().position(|u| u.start == r.start)
        && i > 0
    {
        return Some(here[i - 1]);
    }
    (0..r.block)
        .rev()
        .find_map(|b| units(doc, b).last().copied())
}

/// The last sentence of the paragraph, or of the next one when already there.
fn paragraph_end(doc: &Document, r: TextRange) -> Option<TextRange> {
    match units(doc, r.block).last() {
        Some(last) if last.start != r.start => Some(*last),
        _ => (r.block + 1..doc.blocks.len()).find_map(|b| units(doc, b).last().copied()),
    }
}

/// The first sentence of the paragraph, or of the one before when already there.
fn paragraph_start(doc: &Document, r: TextRange) -> Option<TextRange> {
    match units(doc, r.block).first() {
        Some(first) if first.start != r.start => Some(*first),
        _ => (0..r.block)
            .rev()
            .find_map(|b| units(doc, b).first().copied()),
    }
}
