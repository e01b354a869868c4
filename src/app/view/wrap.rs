//! Wrapping one block at one width, and the per-width cache of wrapped blocks.
//!
//! Only blocks that are looked at get wrapped, so the cost of a frame or a key press depends
//! on the screen size, never on the document size. Lines keep byte offsets into the block's
//! text, so styles, targets and the scroll anchor all stay document `Location`s.

use crate::document::{Block, BlockKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use textwrap::WordSeparator;
use textwrap::core::{Fragment, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

/// One screen row of a block: `start..end` of the block's text (trailing blanks trimmed).
/// A row covers the block's bytes from its `start` up to the next row's `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// The blank row that separates this block from the next one (`start == text.len()`).
    pub separator: bool,
}

/// A block wrapped at one width: a label printed before its first row when the text lacks
/// one (`Subject: `, `[1] `), hanging-indented rows, and a trailing separator row unless it
/// is the last block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLayout {
    pub label: String,
    /// Display width every row after the first is indented by (under the label).
    pub indent: u16,
    /// Bytes at the start of the text that are a label already (`Present:`, `1.`): drawn in
    /// the label style.
    pub text_label: usize,
    pub rows: Vec<Row>,
}

impl BlockLayout {
    /// The row that shows byte `offset`: the last row starting at or before it.
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= offset)
            .saturating_sub(1)
    }
}

/// How a block's first row is led: a label to print, the hanging indent, and how many bytes
/// of the text already are the label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub label: String,
    pub indent: usize,
    pub text_label: usize,
}

/// The lead of a block: memo header fields and numbers hang their text under a label.
pub fn lead(block: &Block) -> Lead {
    let text = block.text.as_str();
    let none = Lead {
        label: String::new(),
        indent: 0,
        text_label: 0,
    };
    let word = match block.kind {
        BlockKind::Present => "Present",
        BlockKind::Subject => "Subject",
        BlockKind::From => "From",
        BlockKind::To => "To",
        BlockKind::Numbered | BlockKind::Footnote => {
            let Some(n) = block.number.as_deref() else {
                return none;
            };
            // The text may start with its own marker: `1. `, `(2) `, `[1] `.
            let marker = text.trim_start_matches(['(', '[']);
            if marker.starts_with(n) {
                let end = text.find(' ').map_or(0, |i| i + 1);
                let end = if end <= n.len() + 3 { end } else { 0 };
                return Lead {
                    label: String::new(),
                    indent: text[..end].width(),
                    text_label: end.saturating_sub(1),
                };
            }
            let label = if block.kind == BlockKind::Footnote {
                format!("[{n}] ")
            } else {
                format!("{n}. ")
            };
            return Lead {
                indent: label.width(),
                label,
                text_label: 0,
            };
        }
        _ => return none,
    };
    let has = text
        .get(..word.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(word));
    let rest = text.get(word.len()..).unwrap_or("");
    let in_text = if !has {
        None
    } else if rest.starts_with(": ") {
        Some(word.len() + 2)
    } else if rest.starts_with(':') || rest.starts_with(' ') {
        Some(word.len() + 1)
    } else {
        None
    };
    match in_text {
        Some(n) => Lead {
            label: String::new(),
            indent: text[..n].width(),
            text_label: text[..n].trim_end().len(),
        },
        None => {
            let label = format!("{word}: ");
            Lead {
                indent: label.width(),
                label,
                text_label: 0,
            }
        }
    }
}

/// Wrap `block` to `width` columns (label included); `last` blocks get no separator row.
pub fn layout(block: &Block, width: u16, last: bool) -> BlockLayout {
    let lead = lead(block);
    // Never let an indent eat more than half the width.
    let indent = (lead.indent as u16).min(width.saturating_sub(1) / 2);
    let text_width = usize::from(width.saturating_sub(indent).max(1));
    let mut rows = wrap_text(&block.text, text_width);
    if !last {
        rows.push(Row {
            start: block.text.len(),
            end: block.text.len(),
            separator: true,
        });
    }
    BlockLayout {
        label: lead.label,
        indent,
        text_label: lead.text_label,
        rows,
    }
}

/// Rows of `text` at `width` columns; `\n` always starts a new row. Empty text has no rows.
pub fn wrap_text(text: &str, width: usize) -> Vec<Row> {
    let base = text.as_ptr() as usize;
    let mut rows = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let here = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() {
            if !text.is_empty() {
                rows.push(Row {
                    start: here,
                    end: here,
                    separator: false,
                });
            }
            continue;
        }
        let words = break_words(
            WordSeparator::UnicodeBreakProperties.find_words(line),
            width,
        );
        let mut first_of_line = true;
        for chunk in wrap_first_fit(&words, &[width as f64]) {
            let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
                continue;
            };
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            // A chunk of only whitespace words still needs a row, but an empty one.
            let end = if last.width() == 0.0 { start } else { end };
            // The first row of a source line owns its leading blanks too.
            let start = if first_of_line { here } else { start };
            first_of_line = false;
            rows.push(Row {
                start,
                end: end.max(start),
                separator: false,
            });
        }
    }
    rows
}

/// Wrapped blocks for the current width. Interior mutability lets drawing (which only holds
/// `&App`) fill it; it is a pure function of (block, width), so it never changes what is seen.
#[derive(Debug, Default)]
pub struct WrapCache {
    inner: RefCell<CacheInner>,
}

#[derive(Debug, Default)]
struct CacheInner {
    width: u16,
    blocks: HashMap<usize, Rc<BlockLayout>>,
}

/// Bound on cached blocks: a few screens' worth many times over, small in memory.
const CACHE_LIMIT: usize = 4096;

impl WrapCache {
    /// The layout of `blocks[index]` at `width`, wrapping it if this width has not seen it.
    pub fn get(&self, blocks: &[Block], index: usize, width: u16) -> Rc<BlockLayout> {
        let mut inner = self.inner.borrow_mut();
        if inner.width != width {
            inner.width = width;
            inner.blocks.clear();
        }
        if let Some(l) = inner.blocks.get(&index) {
            return Rc::clone(l);
        }
        let Some(block) = blocks.get(index) else {
            return Rc::new(BlockLayout {
                label: String::new(),
                indent: 0,
                text_label: 0,
                rows: Vec::new(),
            });
        };
        if inner.blocks.len() >= CACHE_LIMIT {
            inner.blocks.clear();
        }
        let l = Rc::new(layout(block, width, index + 1 == blocks.len()));
        inner.blocks.insert(index, Rc::clone(&l));
        l
    }

    /// How many blocks are wrapped right now (for tests of the "only what is seen" rule).
    pub fn len(&self) -> usize {
        self.inner.borrow().blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, width: usize) -> Vec<&str> {
        wrap_text(text, width)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect()
    }

    #[test]
    fn wraps_by_display_width_and_keeps_offsets() {
        assert_eq!(
            texts("Port Arthur [Lüshunkou District, Dalian]", 16),
            ["Port Arthur", "[Lüshunkou", "District,", "Dalian]"]
        );
    }

    #[test]
    fn wide_characters_count_double() {
        // Six CJK characters are twelve columns: two rows of three at width 6.
        assert_eq!(texts("旅顺口大连市", 6), ["旅顺口", "大连市"]);
    }

    #[test]
    fn newlines_start_rows_and_long_words_break() {
        assert_eq!(
            texts("W. A. Harriman\nDr. T. V. Soong", 40),
            ["W. A. Harriman", "Dr. T. V. Soong"]
        );
        assert_eq!(texts("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn row_of_finds_the_row_holding_an_offset() {
        let block = Block::new(BlockKind::Paragraph, "one two three four");
        let l = layout(&block, 9, false);
        // "one two" / "three" / "four" / separator
        assert_eq!(l.rows.len(), 4);
        assert_eq!(l.row_of(0), 0);
        assert_eq!(
            l.row_of(7),
            0,
            "the blank after 'two' belongs to the first row"
        );
        assert_eq!(l.row_of(8), 1, "'three' starts the second row");
        assert_eq!(
            l.row_of(block.text.len()),
            3,
            "end of text is the separator"
        );
    }

    #[test]
    fn labels_are_added_only_when_missing() {
        let mut b = Block::new(BlockKind::Subject, "Far Eastern Conversations");
        assert_eq!(lead(&b).label, "Subject: ");
        b.text = "Subject: Far Eastern".into();
        let l = lead(&b);
        assert_eq!((l.label.as_str(), l.indent, l.text_label), ("", 9, 8));
        let from = Block::new(BlockKind::From, "From HARBIN to MOSCOW");
        assert_eq!(lead(&from).label, "", "no `From: From`");
        let mut n = Block::new(BlockKind::Numbered, "Traffic on the railway");
        n.number = Some("1".into());
        assert_eq!(lead(&n).label, "1. ");
        n.text = "1. Traffic".into();
        assert_eq!((lead(&n).label.as_str(), lead(&n).indent), ("", 3));
        let mut f = Block::new(BlockKind::Footnote, "The figures were corrected");
        f.number = Some("1".into());
        assert_eq!(lead(&f).label, "[1] ");
    }

    #[test]
    fn present_rows_hang_under_the_label() {
        let b = Block::new(
            BlockKind::Present,
            "Present: W. A. Harriman, American Ambassador\nDr. T. V. Soong",
        );
        let l = layout(&b, 60, true);
        assert_eq!(l.indent, 9);
        assert_eq!(l.rows.len(), 2);
    }
}
