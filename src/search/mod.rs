//! Search: a [`Query`] compiled into a [`Matcher`], run over a [`Document`]'s blocks.
//!
//! Matches are [`TextRange`]s (block + byte offsets), never screen positions, so they survive
//! resizes and can be walked with [`nearest`] like any other set of targets. A large document
//! is searched by a [`SearchJob`] a slice at a time, so the reader never blocks for more than
//! a frame; the job finds the match nearest the reader first and counts the rest after.
//! Nothing here touches the disk or the terminal.
//!
//! Every text here is the document's or the user's: no unchecked index or slice.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

mod job;
mod metadata;
mod query;
mod widen;

pub use job::{STEP_BYTES, SearchJob, Status};
pub use metadata::{MetaMatch, find_in_metadata};
pub use query::{DFA_SIZE_LIMIT, Matcher, Query, SIZE_LIMIT, SearchError};

use crate::document::{Document, Location, TextRange};

/// Which way to look from a location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Forward,
    Backward,
}

impl Direction {
    pub fn reversed(self) -> Self {
        match self {
            Self::Forward => Self::Backward,
            Self::Backward => Self::Forward,
        }
    }
}

/// A match picked from a list: its index, and whether reaching it went round the end of the
/// document (the status line says "search wrapped").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub wrapped: bool,
}

/// The match to go to from `from` in a sorted list, wrapping round the document's ends.
/// Forward takes the first match starting after `from` (at it, too, when `inclusive`);
/// backward the last one starting before it (or at it). `None` only for an empty list.
pub fn nearest(
    matches: &[TextRange],
    from: Location,
    direction: Direction,
    inclusive: bool,
) -> Option<Hit> {
    if matches.is_empty() {
        return None;
    }
    let hit = |index, wrapped| Some(Hit { index, wrapped });
    match direction {
        Direction::Forward => {
            let i = matches.partition_point(|m| {
                let at = m.location();
                if inclusive { at < from } else { at <= from }
            });
            if i < matches.len() {
                hit(i, false)
            } else {
                hit(0, true)
            }
        }
        Direction::Backward => {
            let i = matches.partition_point(|m| {
                let at = m.location();
                if inclusive { at <= from } else { at < from }
            });
            if i > 0 {
                hit(i - 1, false)
            } else {
                hit(matches.len() - 1, true)
            }
        }
    }
}

/// Every match in the document's blocks, in document order, in one go. The reader uses a
/// [`SearchJob`] instead so that a huge document cannot stall it; this is the reference the
/// job is tested against, and what scripts and small texts can call directly.
pub fn find_all(doc: &Document, matcher: &Matcher) -> Vec<TextRange> {
    doc.blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| {
            matcher
                .find_ranges(&b.text)
                .into_iter()
                .map(move |r| TextRange::new(i, r.start, r.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(block: usize, start: usize) -> TextRange {
        TextRange::new(block, start, start + 1)
    }

    #[test]
    fn forward_goes_to_the_next_match_and_wraps_at_the_end() {
        let m = [r(0, 5), r(2, 0), r(2, 9)];
        let next = |b, o| nearest(&m, Location::new(b, o), Direction::Forward, false).unwrap();
        assert_eq!(
            next(0, 0),
            Hit {
                index: 0,
                wrapped: false
            }
        );
        assert_eq!(
            next(0, 5),
            Hit {
                index: 1,
                wrapped: false
            }
        );
        assert_eq!(
            next(2, 0),
            Hit {
                index: 2,
                wrapped: false
            }
        );
        assert_eq!(
            next(2, 9),
            Hit {
                index: 0,
                wrapped: true
            }
        );
        assert_eq!(
            next(7, 0),
            Hit {
                index: 0,
                wrapped: true
            }
        );
        let at = nearest(&m, Location::new(2, 0), Direction::Forward, true).unwrap();
        assert_eq!(
            at,
            Hit {
                index: 1,
                wrapped: false
            }
        );
    }

    #[test]
    fn backward_goes_to_the_previous_match_and_wraps_at_the_start() {
        let m = [r(0, 5), r(2, 0), r(2, 9)];
        let prev = |b, o| nearest(&m, Location::new(b, o), Direction::Backward, false).unwrap();
        assert_eq!(
            prev(9, 0),
            Hit {
                index: 2,
                wrapped: false
            }
        );
        assert_eq!(
            prev(2, 9),
            Hit {
                index: 1,
                wrapped: false
            }
        );
        assert_eq!(
            prev(0, 5),
            Hit {
                index: 2,
                wrapped: true
            }
        );
        assert_eq!(
            prev(0, 0),
            Hit {
                index: 2,
                wrapped: true
            }
        );
        let at = nearest(&m, Location::new(0, 5), Direction::Backward, true).unwrap();
        assert_eq!(
            at,
            Hit {
                index: 0,
                wrapped: false
            }
        );
    }

    #[test]
    fn a_single_match_wraps_onto_itself_and_no_match_gives_nothing() {
        let m = [r(1, 0)];
        let hit = nearest(&m, Location::new(1, 0), Direction::Forward, false).unwrap();
        assert_eq!(
            hit,
            Hit {
                index: 0,
                wrapped: true
            }
        );
        assert_eq!(
            nearest(&[], Location::default(), Direction::Forward, true),
            None
        );
    }

    #[test]
    fn find_all_returns_ranges_over_the_blocks() {
        let doc = crate::document::load("bundled", crate::BUNDLED.as_bytes()).unwrap();
        let m = Matcher::new(&Query::plain("lushunkou")).unwrap();
        let all = find_all(&doc, &m);
        assert_eq!(all.len(), 1);
        assert_eq!(doc.text(all[0]), "Lüshunkou");
        let m = Matcher::new(&Query::plain("Stalin")).unwrap();
        let all = find_all(&doc, &m);
        assert!(all.len() >= 6, "{all:?}");
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert!(all.iter().all(|&t| doc.text(t) == "Stalin"));
    }
}
