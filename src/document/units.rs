//! Lines of the transcript → units: paragraphs joined from hard-wrapped lines, or single lines.
//!
//! Two layouts meet here. In a blank-line layout (archive exports, pdftotext) blank lines
//! separate groups; when the lines are hard-wrapped at a fixed width, the full-width lines of
//! a group are joined into one paragraph. In a one-paragraph-per-line layout every line is
//! its own unit. Running page headers/footers are dropped and paragraphs broken by a page
//! break are mended.

use std::borrow::Cow;

use super::table::{clean_cell, is_rule_row, lone_row, row_cells, text_of};
use super::text::{append_wrapped, join_wrapped, trim, trim_end};

/// A page break line as the sanitizer leaves it.
const PAGE_BREAK_LINE: &str = "\u{c}";

/// A table's cells, row by row.
pub type Rows = Vec<Vec<String>>;

/// A run of text the classifier sees as one piece, with the lines it came from.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// Its first line; most units have no other, so `more` rarely allocates.
    first: &'a str,
    /// The lines after the first, boxed: a large text has a unit per paragraph, all alive at
    /// once while the blocks are made, and most have no second line (16 bytes a unit fewer).
    // The box is the point: 8 bytes in every unit instead of a `Vec`'s 24.
    #[allow(clippy::box_collection)]
    more: Option<Box<Vec<&'a str>>>,
    /// Index of the blank-line separated group this unit belongs to (the count stops at
    /// `u32::MAX`, which takes a text of more than 8 GiB).
    pub group: u32,
    /// Could it be an enclosure marker (see [`super::enclosure::marker`])? Its first
    /// character is one a marker starts with; known when it is made, so that the classifier
    /// need not read every unit's text to find the few markers.
    pub maybe_marker: bool,
    /// Its text: a line of the document where it is one line (most units), its lines joined
    /// otherwise. Nothing is copied until the unit becomes a block, by which time the list
    /// of lines is gone.
    pub text: Cow<'a, str>,
    /// The cells of a table, row by row, when the unit is one (its `text` is then the
    /// table's text, see [`super::table::text_of`]); boxed, for the many units that are not.
    pub table: Option<Box<Rows>>,
}

impl<'a> Unit<'a> {
    /// A unit of `line`, whose trimmed text `t` starts it.
    fn new(
        (line, t): (&'a str, &str),
        group: u32,
        text: Cow<'a, str>,
        table: Option<Box<Rows>>,
    ) -> Self {
        Self {
            first: line,
            more: None,
            group,
            maybe_marker: super::enclosure::may_start_marker(t),
            text,
            table,
        }
    }

    /// The lines it came from, in order.
    pub fn lines(&self) -> impl Iterator<Item = &'a str> + '_ {
        std::iter::once(self.first).chain(self.more.iter().flat_map(|m| m.iter().copied()))
    }

    /// Add a line after the last.
    fn add_line(&mut self, line: &'a str) {
        self.more.get_or_insert_with(Default::default).push(line);
    }

    /// Its first line.
    pub fn first_line(&self) -> &'a str {
        self.first
    }
}

/// A line longer than this is a paragraph on one line, not a hard-wrapped one.
const MAX_WRAP_WIDTH: usize = 100;

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Is this a running page header or footer (`Wilson Center Digital Archive   Original Scan
/// Page 2 of 2`)? Letters are compared without case, without lowercasing a copy of the line.
pub fn running_header(line: &str) -> bool {
    let t = trim(line);
    if t.len() > 160 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let b = t.as_bytes();
    let page_of = find_ascii_ci(b, b"page ").is_some_and(|i| {
        let rest = b.get(i + 5..).unwrap_or_default();
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        digits > 0
            && (rest
                .get(digits..digits + 4)
                .is_some_and(|r| r.eq_ignore_ascii_case(b" of "))
                || rest.len() == digits)
    });
    page_of && (t.contains("   ") || find_ascii_ci(b, b"archive").is_some() || t.len() < 20)
}

/// Where `needle` (lowercase ASCII, starting with a letter) first occurs in `hay`, compared
/// without ASCII case: only where its first letter is, in either case, is the rest compared.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    // `| 0x20` lowercases an ASCII letter and makes no other byte one.
    let same = |(&h, &n): (&u8, &u8)| {
        if n.is_ascii_lowercase() {
            h | 0x20 == n
        } else {
            h == n
        }
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).find(|&i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.iter().zip(needle).all(same))
    })
}

/// Drop page breaks' running headers and footers from `lines[from..]`, keeping the page
/// break lines themselves, and move what is kept to the front: `lines` becomes the
/// transcript's lines, filtered in place.
fn without_running_headers(lines: &mut Vec<&str>, from: usize) {
    let mut kept = 0usize;
    let mut after_break = false;
    for i in from..lines.len() {
        let Some(&line) = lines.get(i) else { break };
        let t = trim(line);
        let keep = if line == PAGE_BREAK_LINE {
            // A footer is the last non-blank line before the break.
            let before = lines.get(..kept).unwrap_or_default();
            if let Some(last) = before.iter().rposition(|l| !trim(l).is_empty())
                && before.get(last).is_some_and(|l| running_header(l))
            {
                kept = last;
            }
            after_break = true;
            true
        } else if t.is_empty() {
            true
        } else {
            let drop = running_header(t) || (after_break && t.contains("Digital Archive"));
            after_break = false;
            !drop
        };
        if keep {
            // `kept <= i`: the line moves down (or stays), never over one not yet read.
            if let Some(slot) = lines.get_mut(kept) {
                *slot = line;
            }
            kept += 1;
        }
    }
    lines.truncate(kept);
}

/// Split the transcript's lines, `lines[from..]`, into units.
pub fn units(mut lines: Vec<&str>, from: usize) -> Vec<Unit<'_>> {
    without_running_headers(&mut lines, from);
    let Survey {
        nonblank,
        long,
        width,
        blank_layout,
        runs,
    } = survey(&lines);
    let hard_wrapped = blank_layout && width >= 50 && long * 20 <= nonblank;
    let full = width * 6 / 10;

    let mut out: Vec<Unit> = Vec::with_capacity(nonblank);
    let mut group = 0u32;
    let mut fresh_group = true;
    let mut page_break = false;
    let mut open = false; // may the next line join the last unit?
    let mut table_run = None; // the run of table rows the last unit holds
    for (i, &line) in lines.iter().enumerate() {
        let t = trim(line);
        if let Some(run) = runs.get(i).copied().flatten() {
            let cells = row_cells(t).unwrap_or_default();
            let row: Vec<String> = cells.iter().map(|c| clean_cell(c)).collect();
            let keep = !is_rule_row(&cells);
            match out.last_mut() {
                Some(last) if table_run == Some(run) => {
                    last.add_line(line);
                    if keep && let Some(rows) = last.table.as_mut() {
                        rows.push(row);
                    }
                }
                _ => out.push(Unit::new(
                    (line, t),
                    group,
                    Cow::Borrowed(""),
                    Some(Box::new(if keep { vec![row] } else { Vec::new() })),
                )),
            }
            table_run = Some(run);
            fresh_group = false;
            page_break = false;
            open = false;
            continue;
        }
        if !t.is_empty() {
            table_run = None;
        }
        if line == PAGE_BREAK_LINE {
            page_break = true;
            open = false;
            continue;
        }
        if t.is_empty() {
            if !fresh_group {
                group = group.saturating_add(1);
            }
            fresh_group = true;
            open = false;
            continue;
        }
        if fresh_group && page_break && mends(out.last(), t) {
            // A paragraph that runs on over a page break.
            let last = out.last_mut().expect("mends needs a unit");
            last.add_line(line);
            append_wrapped(last.text.to_mut(), t);
            open = hard_wrapped && char_len(trim_end(line)) >= full;
            fresh_group = false;
            page_break = false;
            continue;
        }
        page_break = false;
        fresh_group = false;
        if open && !starts_item(t) {
            let last = out.last_mut().expect("open needs a unit");
            last.add_line(line);
            append_wrapped(last.text.to_mut(), t);
        } else {
            out.push(Unit::new((line, t), group, Cow::Borrowed(t), None));
        }
        open = hard_wrapped && char_len(trim_end(line)) >= full;
    }
    // Only a document with tables has units to finish.
    if !runs.is_empty() {
        for u in &mut out {
            match u.table.as_deref().map(Vec::as_slice) {
                Some([]) => {
                    // Only rule rows: plain text after all.
                    u.table = None;
                    u.text = join_wrapped(u.lines()).into();
                }
                Some(rows) => u.text = text_of(rows).into(),
                None => {}
            }
        }
    }
    out
}

/// What the lines say about the layout, and where the tables are: one pass over them.
struct Survey {
    /// Lines with text.
    nonblank: usize,
    /// Lines of more than [`MAX_WRAP_WIDTH`] characters.
    long: usize,
    /// The longest of the other lines, in characters.
    width: usize,
    /// Is there a blank line (other than a page break)?
    blank_layout: bool,
    /// See [`TableRuns`].
    runs: Vec<Option<usize>>,
}

fn survey(lines: &[&str]) -> Survey {
    let mut s = Survey {
        nonblank: 0,
        long: 0,
        width: 0,
        blank_layout: false,
        runs: Vec::new(),
    };
    let mut tables = TableRuns::new(lines.len());
    for (i, &line) in lines.iter().enumerate() {
        let t = trim(line);
        if t.is_empty() {
            if line == PAGE_BREAK_LINE {
                tables.close();
            } else {
                s.blank_layout = true;
            }
            continue;
        }
        s.nonblank += 1;
        // Leading blanks count: an indented line is as wide as it looks.
        let wide = trim_end(line);
        // A character is at most four bytes: a line of more than four times the limit is
        // long without counting.
        if wide.len() > 4 * MAX_WRAP_WIDTH {
            s.long += 1;
        } else {
            let n = char_len(wide);
            if n > MAX_WRAP_WIDTH {
                s.long += 1;
            } else {
                s.width = s.width.max(n);
            }
        }
        tables.line(i, t);
    }
    s.runs = tables.finish(lines);
    s
}

/// For each line, the run of table rows it belongs to, found line by line. Consecutive rows
/// make a run, across blank lines when the rows on both sides have as many cells; a run of
/// one row is a table only when its cells are short (prose with a stray `|` is not). Empty
/// when there are no tables (most documents): no slot for each line is allocated then.
struct TableRuns {
    lines: usize,
    runs: Vec<Option<usize>>,
    run: usize,
    /// (first row's line, last row's line, last row's cell count, rows, lone row acceptable)
    current: Option<(usize, usize, usize, usize, bool)>,
}

impl TableRuns {
    fn new(lines: usize) -> Self {
        Self {
            lines,
            runs: Vec::new(),
            run: 0,
            current: None,
        }
    }

    /// Line `i`, with text `t` (trimmed, not empty).
    fn line(&mut self, i: usize, t: &str) {
        let Some(cells) = row_cells(t) else {
            self.close();
            return;
        };
        let joins = self
            .current
            .is_some_and(|(_, last, width, _, _)| last + 1 == i || width == cells.len());
        if joins && let Some(c) = self.current.as_mut() {
            c.1 = i;
            c.2 = cells.len();
            c.3 += 1;
        } else {
            self.close();
            self.current = Some((i, i, cells.len(), 1, lone_row(t, &cells)));
        }
    }

    /// End the open run, if any, keeping it when it is a table.
    fn close(&mut self) {
        if let Some((first, last, _, n, lone_ok)) = self.current.take()
            && (n >= 2 || lone_ok)
        {
            if self.runs.is_empty() {
                self.runs.resize(self.lines, None);
            }
            for r in self.runs.get_mut(first..=last).unwrap_or_default() {
                *r = Some(self.run);
            }
            self.run += 1;
        }
    }

    fn finish(mut self, lines: &[&str]) -> Vec<Option<usize>> {
        self.close();
        // Blank lines inside a run belong to no unit (no loop at all when there is no run).
        for (r, line) in self.runs.iter_mut().zip(lines) {
            if trim(line).is_empty() {
                *r = None;
            }
        }
        self.runs
    }
}

fn mends(last: Option<&Unit>, next: &str) -> bool {
    let Some(last) = last.filter(|u| u.table.is_none()) else {
        return false;
    };
    let ends_sentence = last
        .text
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '\u{201D}', ')', ']']);
    !ends_sentence && next.starts_with(|c: char| c.is_lowercase())
}

/// Does this line start a unit of its own: a numbered item (`1. `, `(2) `, `a) `) or an
/// enclosure marker (`[Enclosure 1]`)?
pub fn starts_item(t: &str) -> bool {
    super::lines::numbered(t).is_some() || super::enclosure::marker(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        let lines: Vec<&str> = src.lines().collect();
        units(lines, 0)
            .into_iter()
            .map(|u| u.text.into_owned())
            .collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let src = "Further to our telephone conversation of Friday, I have now had a reply\n\
                   from the Canadian Wheat Board about the three ships that were to load.\n\
                   \n\
                   Yours sincerely,\n\
                   \n\
                   M. T. Desrosiers\n\
                   Commercial Counsellor\n";
        assert_eq!(
            texts(src),
            [
                "Further to our telephone conversation of Friday, I have now had a reply from the Canadian Wheat Board about the three ships that were to load.",
                "Yours sincerely,",
                "M. T. Desrosiers",
                "Commercial Counsellor"
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_is_never_joined() {
        let long = "word ".repeat(40);
        let src = format!("{long}\n{long}\nKellogg\n");
        assert_eq!(texts(&src).len(), 3);
    }

    #[test]
    fn running_headers_in_any_case() {
        assert!(running_header(
            "Wilson Center Digital Archive   Original Scan   Page 2 of 2"
        ));
        assert!(running_header("PAGE 3 OF 10 — national ARCHIVES"));
        assert!(running_header("page 4"));
        assert!(!running_header(
            "The page 5 of the report was missing from the archive copy"
                .repeat(3)
                .as_str()
        ));
        assert!(!running_header("Pages 2 and 3 of 7, from the Archive"));
        assert!(!running_header("Page of 2   x"));
    }

    #[test]
    fn running_headers_are_dropped_and_paragraphs_mended() {
        let src = "The ships were held at Thunder Bay by a dispute with the elevator workers\n\
                   and the talks with the\n\u{c}\n\
                   Wilson Center Digital Archive            Original Scan            Page 2 of 2\n\
                   \n\
                   elevator union go on.\n";
        assert_eq!(
            texts(src),
            [
                "The ships were held at Thunder Bay by a dispute with the elevator workers and the talks with the elevator union go on."
            ]
        );
    }
}
