//! Wrapping one block at one width, and the per-width cache of wrapped blocks.
//!
//! Only blocks that are looked at get wrapped, so the cost of a frame or a key press depends
//! on the screen size, never on the document size. Lines keep byte offsets into the block's
//! text, so styles, targets and the scroll anchor all stay document `Location`s.
//!
//! A block longer than [`SEGMENT`] bytes (a whole volume flattened into one paragraph) is
//! wrapped a segment at a time: segments start at fixed places in the text (the first
//! sentence end, else space, after each multiple of [`SEGMENT`]), independent of the width,
//! and each starts a new row. So any part of a block of megabytes is wrapped from a known row
//! start without wrapping what comes before it, and only the segments on screen are wrapped.
//!
//! The texts are the document's: no unchecked index or slice.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

use crate::document::{Block, BlockKind, SpanKind};
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
    /// Columns each row is indented by beyond `indent` (participants under a side heading,
    /// hanging lines); empty when none is.
    pub extra: Vec<u16>,
    /// For a table drawn in columns: one entry per row (separator excluded).
    pub table: Option<TableLayout>,
}

/// A table at one width: column widths, and for each screen row the stretch of each cell it
/// shows (`start == end` where a cell has no more lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableLayout {
    pub widths: Vec<u16>,
    /// Columns of numbers, drawn aligned to the right.
    pub numeric: Vec<bool>,
    pub cells: Vec<Vec<(usize, usize)>>,
}

/// What is drawn between two columns.
pub const COLUMN_GAP: &str = " │ ";

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
    // The label to print, and the label words the text may already begin with.
    let (word, own): (&str, &[&str]) = match block.kind {
        BlockKind::Present => ("Present", &["Present", "Participants"]),
        BlockKind::Subject => ("Subject", &["Subject", "Subj", "Re"]),
        BlockKind::From => ("From", &["From"]),
        BlockKind::To => ("To", &["Memorandum for", "To"]),
        BlockKind::Enclosure => {
            // Drawn as a rule across the pane: `── [Enclosure 1] ─────`.
            return Lead {
                label: ENCLOSURE_RULE.to_string(),
                indent: ENCLOSURE_RULE.width(),
                text_label: 0,
            };
        }
        BlockKind::Numbered | BlockKind::Footnote => {
            let Some(n) = block.number() else {
                return none;
            };
            // The text may start with its own marker: `1. `, `(2) `, `[1] `.
            let marker = text.trim_start_matches(['(', '[']);
            if marker.starts_with(n) {
                let end = text.find(' ').map_or(0, |i| i + 1);
                let end = if end <= n.len() + 3 { end } else { 0 };
                return Lead {
                    label: String::new(),
                    indent: text.get(..end).unwrap_or("").width(),
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
    // `SUBJECT` or `PARTICIPANTS` alone on the first line: the rest hangs under it.
    let first = text.split('\n').next().unwrap_or("");
    let bare = first.trim_end().trim_end_matches([':', '.']);
    if own.iter().any(|w| bare.eq_ignore_ascii_case(w)) {
        return Lead {
            label: String::new(),
            indent: LABEL_LINE_INDENT,
            text_label: first.trim_end().len(),
        };
    }
    let in_text = own.iter().find_map(|w| {
        let has = text
            .get(..w.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(w));
        let rest = text.get(w.len()..).unwrap_or("");
        if !has {
            None
        } else if rest.starts_with(": ") {
            Some(w.len() + 2)
        } else if rest.starts_with(':') || rest.starts_with(' ') {
            Some(w.len() + 1)
        } else {
            None
        }
    });
    match in_text {
        Some(n) => Lead {
            label: String::new(),
            indent: text.get(..n).unwrap_or("").width(),
            text_label: text.get(..n).unwrap_or("").trim_end().len(),
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

/// Blocks longer than this many bytes are wrapped in segments of about this size.
pub const SEGMENT: usize = 16 << 10;

/// Where segment `s` of `text` starts: 0 for the first; for the others the first sentence
/// end within a quarter segment after `s * SEGMENT`, else the first space or line break
/// within half a segment, else the first character boundary (`text.len()` past the end).
pub fn segment_start(text: &str, s: usize) -> usize {
    let len = text.len();
    let Some(from) = s.checked_mul(SEGMENT).filter(|&f| f > 0 && f < len) else {
        return if s == 0 { 0 } else { len };
    };
    let bytes = text.as_bytes();
    let window = |n: usize| bytes.get(from..(from + n).min(len)).unwrap_or(&[]);
    // All the bytes looked for are ASCII, so the position after them is a char boundary.
    if let Some(i) = window(SEGMENT / 4)
        .windows(2)
        .position(|w| matches!(w, [b'.' | b'?' | b'!', b' ']))
    {
        return from + i + 2;
    }
    if let Some(i) = window(SEGMENT / 2)
        .iter()
        .position(|&b| b == b' ' || b == b'\n')
    {
        return from + i + 1;
    }
    (from..len)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(len)
}

/// How many segments `text` is wrapped in (1 for all but very long blocks).
pub fn segment_count(text: &str) -> usize {
    let len = text.len();
    if len <= SEGMENT {
        return 1;
    }
    // Segment starts grow by at least half a segment each, so only the last candidate can
    // fall at the very end.
    let last = (len - 1) / SEGMENT;
    if segment_start(text, last) < len {
        last + 1
    } else {
        last
    }
}

/// The segment that holds byte `offset` of `text`.
pub fn segment_of(text: &str, offset: usize) -> usize {
    if text.len() <= SEGMENT {
        return 0;
    }
    let s = (offset / SEGMENT).min(segment_count(text) - 1);
    if s > 0 && offset < segment_start(text, s) {
        s - 1
    } else {
        s
    }
}

/// How many segments `block` is wrapped in: tables and participant lists, laid out as a
/// whole, are one; so is any block up to [`SEGMENT`] bytes.
pub fn block_segments(block: &Block) -> usize {
    match block.kind {
        BlockKind::Table | BlockKind::Present => 1,
        _ => segment_count(&block.text),
    }
}

/// The segment of `block` that holds byte `offset` of its text.
pub fn block_segment_of(block: &Block, offset: usize) -> usize {
    match block.kind {
        BlockKind::Table | BlockKind::Present => 0,
        _ => segment_of(&block.text, offset),
    }
}

/// How far the lines under a label that stands alone (`PARTICIPANTS`) are indented.
const LABEL_LINE_INDENT: usize = 2;

/// What an enclosure's first row starts with; the row is ruled to the pane's edge.
pub const ENCLOSURE_RULE: &str = "── ";

/// Wrap segment `seg` of `block` to `width` columns (label included, on the block's first
/// row); the last segment of a block that is not the `last` one ends with a separator row.
/// Tables and participant lists are one segment (see [`block_segments`]).
pub fn layout(block: &Block, seg: usize, width: u16, last: bool) -> BlockLayout {
    let lead = lead(block);
    // Never let an indent eat more than half the width.
    let indent = (lead.indent as u16).min(width.saturating_sub(1) / 2);
    let text_width = usize::from(width.saturating_sub(indent).max(1));
    let text = block.text.as_str();
    let table = (block.kind == BlockKind::Table)
        .then(|| table_layout(block, usize::from(width.max(1))))
        .flatten();
    let whole = matches!(block.kind, BlockKind::Table | BlockKind::Present);
    let (seg, count) = if whole {
        (0, 1)
    } else {
        (seg, segment_count(text))
    };
    let (mut rows, mut extra) = match &table {
        Some((rows, _)) => (rows.clone(), Vec::new()),
        None if block.kind == BlockKind::Present => present_rows(block, text_width),
        None => {
            let (from, to) = (segment_start(text, seg), segment_start(text, seg + 1));
            let mut rows = wrap_text(text.get(from..to).unwrap_or(""), text_width);
            for r in &mut rows {
                r.start += from;
                r.end += from;
            }
            (rows, Vec::new())
        }
    };
    if extra.iter().all(|&e| e == 0) {
        extra = Vec::new();
    }
    if seg + 1 >= count && !last {
        rows.push(Row {
            start: text.len(),
            end: text.len(),
            separator: true,
        });
    }
    let first = seg == 0;
    BlockLayout {
        label: if first { lead.label } else { String::new() },
        indent,
        text_label: if first { lead.text_label } else { 0 },
        rows,
        extra,
        table: table.map(|(_, t)| t),
    }
}

/// Narrowest a column is squeezed to (or its longest word, up to [`MAX_WORD`]) before the
/// table is drawn as plain rows of ` | `-separated cells instead.
const MIN_COLUMN: usize = 6;

/// A word longer than this may be broken inside its column.
const MAX_WORD: usize = 24;

/// A table in aligned columns at `width`, its cells wrapped inside their columns; `None` when
/// the columns cannot fit even squeezed (the table is then wrapped as lines of ` | ` text).
fn table_layout(block: &Block, width: usize) -> Option<(Vec<Row>, TableLayout)> {
    let text = block.text.as_str();
    let ranges = block.cell_ranges();
    let ncols = ranges.iter().map(Vec::len).max().filter(|&n| n > 0)?;
    let cell = |r: &[(usize, usize)], c: usize| r.get(c).and_then(|&(a, b)| text.get(a..b));
    let mut cols = vec![ColumnStats::default(); ncols];
    for row in &ranges {
        for (c, col) in cols.iter_mut().enumerate() {
            let t = cell(row, c).unwrap_or("");
            col.natural = col.natural.max(t.width());
            let longest = t.split_whitespace().map(|w| w.width()).max().unwrap_or(0);
            col.word = col.word.max(longest.min(MAX_WORD));
            if number_like(t) {
                col.seen_number = true;
            } else if col.seen_number && !t.is_empty() {
                col.words_under_numbers = true;
            }
        }
    }
    // A column of numbers under a head of words (`Taels.`) is drawn aligned to the right.
    let numeric = cols
        .iter()
        .map(|c| c.seen_number && !c.words_under_numbers)
        .collect();
    let gaps = COLUMN_GAP.width() * (ncols - 1);
    let room = width.checked_sub(gaps)?;
    let floor = |c: &ColumnStats| c.natural.min(c.word.max(MIN_COLUMN));
    if cols.iter().map(floor).sum::<usize>() > room {
        return None;
    }
    // The widest cap on column widths that fits: columns narrower than it keep their width.
    let width_at = |c: &ColumnStats, cap: usize| c.natural.min(cap.max(floor(c)));
    let fits = |cap: usize| cols.iter().map(|c| width_at(c, cap)).sum::<usize>() <= room;
    let (mut lo, mut hi) = (0usize, cols.iter().map(|c| c.natural).max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) { lo = mid } else { hi = mid - 1 }
    }
    let widths: Vec<usize> = cols.iter().map(|c| width_at(c, lo)).collect();
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    for row in &ranges {
        // Each cell wrapped in its column, as ranges of the block's text.
        let pieces: Vec<Vec<Row>> = widths
            .iter()
            .enumerate()
            .map(|(c, &w)| match row.get(c) {
                Some(&(a, b)) => wrap_text(text.get(a..b).unwrap_or(""), w.max(1))
                    .into_iter()
                    .map(|r| Row {
                        start: a + r.start,
                        end: a + r.end,
                        separator: false,
                    })
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        let height = pieces.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let line_start = row.first().map_or(0, |r| r.0);
        for k in 0..height {
            let here: Vec<(usize, usize)> = pieces
                .iter()
                .enumerate()
                .map(|(c, piece)| {
                    piece.get(k).map_or_else(
                        || {
                            let at = row.get(c).map_or(line_start, |r| r.1);
                            (at, at)
                        },
                        |r| (r.start, r.end),
                    )
                })
                .collect();
            // Rows start where their first piece does, so `row_of` stays ordered.
            let start = if k == 0 {
                line_start
            } else {
                pieces
                    .iter()
                    .filter_map(|piece| piece.get(k).map(|r| r.start))
                    .min()
                    .unwrap_or(line_start)
            };
            let end = here.iter().map(|r| r.1).max().unwrap_or(start).max(start);
            rows.push(Row {
                start,
                end,
                separator: false,
            });
            cells.push(here);
        }
    }
    let widths = widths
        .into_iter()
        .map(|w| u16::try_from(w).unwrap_or(u16::MAX))
        .collect();
    Some((
        rows,
        TableLayout {
            widths,
            numeric,
            cells,
        },
    ))
}

/// What sizes a table's column and decides its alignment.
#[derive(Debug, Clone, Copy, Default)]
struct ColumnStats {
    /// Its widest cell.
    natural: usize,
    /// Its longest word (up to [`MAX_WORD`]): a column is never narrower, so no number is
    /// broken.
    word: usize,
    /// A cell holds a number.
    seen_number: bool,
    /// A cell of words comes below a number: the column is not numeric.
    words_under_numbers: bool,
}

/// `1,023`, `3.5`, `$0.20`, `30%`, `(12)`, `–4`: a cell a reader compares by its digits.
fn number_like(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.' | '%' | '$' | '£' | '-' | '–' | '(' | ')' | ' ' | '+'
                )
        })
}

/// Rows of `text` at `width` columns; `\n` always starts a new row. Empty text has no rows.
pub fn wrap_text(text: &str, width: usize) -> Vec<Row> {
    wrap_lines(text, width, |_, _| (0, 0)).0
}

/// Rows of `text` at `width` columns, each line indented by `extra(line index, line)`:
/// `(first row, rows it wraps to)` more columns than the block's indent. Returns the rows and
/// each row's extra indent.
fn wrap_lines(
    text: &str,
    width: usize,
    extra: impl Fn(usize, &str) -> (usize, usize),
) -> (Vec<Row>, Vec<u16>) {
    let base = text.as_ptr() as usize;
    let mut rows = Vec::new();
    let mut extras = Vec::new();
    let mut line_start = 0;
    for (n, line) in text.split('\n').enumerate() {
        let here = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() {
            if !text.is_empty() {
                rows.push(Row {
                    start: here,
                    end: here,
                    separator: false,
                });
                extras.push(0);
            }
            continue;
        }
        let (first_extra, rest_extra) = extra(n, line);
        // Never let an extra indent squeeze the text below a third of the width.
        let room = |e: usize| width.saturating_sub(e).max(width.div_ceil(3)).max(1);
        let widths = [room(first_extra) as f64, room(rest_extra) as f64];
        let words = break_words(
            WordSeparator::UnicodeBreakProperties.find_words(line),
            room(first_extra.max(rest_extra)),
        );
        let mut first_of_line = true;
        for chunk in wrap_first_fit(&words, &widths) {
            let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
                continue;
            };
            let start = first.word.as_ptr() as usize - base;
            let end = last.word.as_ptr() as usize - base + last.word.len();
            // A chunk of only whitespace words still needs a row, but an empty one.
            let end = if last.width() == 0.0 { start } else { end };
            // The first row of a source line owns its leading blanks too.
            let start = if first_of_line { here } else { start };
            let e = if first_of_line {
                first_extra
            } else {
                rest_extra
            };
            first_of_line = false;
            rows.push(Row {
                start,
                end: end.max(start),
                separator: false,
            });
            extras.push(u16::try_from(width - room(e).min(width)).unwrap_or(0));
        }
    }
    (rows, extras)
}

/// A participants list: a person's lines hang under the first, and under side headings
/// (`United States`) the people are indented.
fn present_rows(block: &Block, width: usize) -> (Vec<Row>, Vec<u16>) {
    let sides: Vec<usize> = block
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Side)
        .map(|s| s.start)
        .collect();
    let mut starts = Vec::new();
    let mut at = 0;
    for line in block.text.split('\n') {
        starts.push(at);
        at += line.len() + 1;
    }
    let is_side = |n: usize| {
        starts
            .get(n)
            .is_some_and(|&s| sides.iter().any(|&x| x >= s && x <= s + 1))
    };
    let first_side = (0..starts.len()).find(|&n| is_side(n));
    wrap_lines(&block.text, width, |n, _| {
        if n == 0 || is_side(n) {
            (0, HANG)
        } else if first_side.is_some_and(|f| n > f) {
            (HANG, 2 * HANG)
        } else {
            (0, HANG)
        }
    })
}

/// How far a participant's wrapped lines hang, and people under a side are indented.
const HANG: usize = 2;

/// Wrapped blocks for the current width. Interior mutability lets drawing (which only holds
/// `&App`) fill it; it is a pure function of (block, width), so it never changes what is seen.
#[derive(Debug, Default)]
pub struct WrapCache {
    inner: RefCell<CacheInner>,
}

#[derive(Debug, Default)]
struct CacheInner {
    width: u16,
    /// Layouts by (block, segment).
    blocks: HashMap<(usize, usize), Rc<BlockLayout>>,
}

/// Bound on cached blocks: a few screens' worth many times over, small in memory.
const CACHE_LIMIT: usize = 4096;

impl WrapCache {
    /// The layout of segment `seg` of `blocks[index]` at `width`, wrapping it if this width
    /// has not seen it.
    pub fn get(&self, blocks: &[Block], index: usize, seg: usize, width: u16) -> Rc<BlockLayout> {
        let mut inner = self.inner.borrow_mut();
        if inner.width != width {
            inner.width = width;
            inner.blocks.clear();
        }
        if let Some(l) = inner.blocks.get(&(index, seg)) {
            return Rc::clone(l);
        }
        let Some(block) = blocks.get(index) else {
            return Rc::new(BlockLayout {
                label: String::new(),
                indent: 0,
                text_label: 0,
                rows: Vec::new(),
                extra: Vec::new(),
                table: None,
            });
        };
        if inner.blocks.len() >= CACHE_LIMIT {
            inner.blocks.clear();
        }
        let l = Rc::new(layout(block, seg, width, index + 1 == blocks.len()));
        inner.blocks.insert((index, seg), Rc::clone(&l));
        l
    }

    /// How many block segments are wrapped right now (for tests of the "only what is seen"
    /// rule).
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
        let l = layout(&block, 0, 9, false);
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
        n.set_number(Some("1".into()));
        assert_eq!(lead(&n).label, "1. ");
        n.text = "1. Traffic".into();
        assert_eq!((lead(&n).label.as_str(), lead(&n).indent), ("", 3));
        let mut f = Block::new(BlockKind::Footnote, "The figures were corrected");
        f.set_number(Some("1".into()));
        assert_eq!(lead(&f).label, "[1] ");
    }

    fn table(rows: &[&[&str]]) -> Block {
        Block::table(
            rows.iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        )
    }

    /// Each screen row of a table as its cells' text.
    fn table_rows(b: &Block, width: u16) -> Vec<Vec<&str>> {
        let l = layout(b, 0, width, true);
        let t = l.table.expect("drawn in columns");
        assert_eq!(t.cells.len(), l.rows.len());
        t.cells
            .iter()
            .map(|row| row.iter().map(|&(a, z)| &b.text[a..z]).collect())
            .collect()
    }

    #[test]
    fn a_table_that_fits_keeps_one_row_per_row() {
        let b = table(&[
            &["week", "wagons"],
            &["August 12", "140"],
            &["August 26", "1,212"],
        ]);
        let l = layout(&b, 0, 40, true);
        let t = l.table.as_ref().unwrap();
        assert_eq!(t.widths, [9, 6]);
        assert_eq!(t.numeric, [false, true]);
        assert_eq!(
            table_rows(&b, 40),
            [
                ["week", "wagons"],
                ["August 12", "140"],
                ["August 26", "1,212"]
            ]
        );
        // Rows start in order, so a location inside any cell finds its row.
        assert!(l.rows.windows(2).all(|w| w[0].start <= w[1].start));
        let at = b.text.find("1,212").unwrap();
        assert_eq!(l.row_of(at), 2);
    }

    #[test]
    fn a_narrow_table_wraps_inside_its_columns_and_never_breaks_a_number() {
        let b = table(&[
            &[
                "(a) Balance of the customs duties under foreign control",
                "1,083,000",
            ],
            &["Total", "14,683,311"],
        ]);
        let rows = table_rows(&b, 30);
        assert_eq!(
            rows,
            [
                ["(a) Balance of", "1,083,000"],
                ["the customs", ""],
                ["duties under", ""],
                ["foreign control", ""],
                ["Total", "14,683,311"],
            ]
        );
        let l = layout(&b, 0, 30, true);
        assert!(l.rows.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn a_table_too_wide_for_its_columns_is_wrapped_as_lines() {
        let b = table(&[&[
            "Austria-Hungary",
            "314,240,000.00",
            "20,800.00",
            "3,979,520.00",
        ]]);
        let l = layout(&b, 0, 30, true);
        assert!(l.table.is_none());
        let text: Vec<&str> = l.rows.iter().map(|r| &b.text[r.start..r.end]).collect();
        assert_eq!(
            text,
            [
                "Austria-Hungary |",
                "314,240,000.00 | 20,800.00 |",
                "3,979,520.00"
            ]
        );
    }

    #[test]
    fn a_label_on_its_own_line_hangs_the_rest_under_it() {
        let b = Block::new(BlockKind::Subject, "SUBJECT\nCivil Air Talks");
        let l = lead(&b);
        assert_eq!((l.label.as_str(), l.indent, l.text_label), ("", 2, 7));
        let to = Block::new(BlockKind::To, "MEMORANDUM FOR: The President");
        let l = lead(&to);
        assert_eq!((l.label.as_str(), l.text_label), ("", 15));
    }

    #[test]
    fn participants_are_indented_under_their_side() {
        let text = "PARTICIPANTS\nUnited States\nThe Secretary of State\nMr. Walter J. Brennan, Director, Office of Chinese Affairs";
        let mut b = Block::new(BlockKind::Present, text);
        b.spans = Box::new([crate::document::Span {
            kind: SpanKind::Side,
            start: 13,
            end: 26,
            footnote: None,
        }]);
        let l = layout(&b, 0, 40, true);
        let rows: Vec<(&str, u16)> = l
            .rows
            .iter()
            .zip(&l.extra)
            .map(|(r, &e)| (&text[r.start..r.end], e))
            .collect();
        assert_eq!(
            rows,
            [
                ("PARTICIPANTS", 0),
                ("United States", 0),
                ("The Secretary of State", 2),
                ("Mr. Walter J. Brennan, Director,", 2),
                ("Office of Chinese Affairs", 4),
            ]
        );
    }

    #[test]
    fn a_long_block_is_cut_into_segments_at_sentence_ends_whatever_the_width() {
        let text = "The Ambassador spoke of Dairen and Port Arthur. ".repeat(3000);
        let n = segment_count(&text);
        assert_eq!(n, text.len().div_ceil(SEGMENT));
        let starts: Vec<usize> = (0..=n).map(|s| segment_start(&text, s)).collect();
        assert_eq!(starts[n], text.len());
        for s in 1..n {
            assert!(starts[s] > starts[s - 1]);
            assert!(text[..starts[s]].ends_with("Arthur. "), "segment {s}");
            assert_eq!(segment_of(&text, starts[s]), s);
            assert_eq!(segment_of(&text, starts[s] - 1), s - 1);
        }
        // Segments are wrapped on their own and their rows cover the text in order, at any
        // width.
        let block = Block::new(BlockKind::Paragraph, text.clone());
        for width in [20, 80] {
            let mut at = 0;
            for seg in 0..n {
                let l = layout(&block, seg, width, true);
                assert_eq!(l.rows.first().unwrap().start, at);
                at = starts[seg + 1];
                assert!(l.rows.iter().all(|r| r.end <= at));
            }
        }
        let l = layout(&block, n - 1, 80, false);
        assert!(
            l.rows.last().unwrap().separator,
            "the last segment ends the block"
        );
        assert!(!layout(&block, 0, 80, false).rows.last().unwrap().separator);
    }

    #[test]
    fn text_without_spaces_is_cut_at_a_character() {
        let text = "旅顺口大连市".repeat(10_000);
        for s in 1..segment_count(&text) {
            assert!(text.is_char_boundary(segment_start(&text, s)));
        }
        assert_eq!(segment_count("short"), 1);
        assert_eq!(segment_of("short", 3), 0);
    }

    #[test]
    fn present_rows_hang_under_the_label() {
        let b = Block::new(
            BlockKind::Present,
            "Present: W. A. Harriman, American Ambassador\nDr. T. V. Soong",
        );
        let l = layout(&b, 0, 60, true);
        assert_eq!(l.indent, 9);
        assert_eq!(l.rows.len(), 2);
    }
}
