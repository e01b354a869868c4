//! Tables: lines of `|`-separated cells, in the Markdown form (`| a | b |`) and in the form of
//! FRUS exports (`Iron ore | 1, 500, 000 |`, `| Taels.` with an empty first cell).

/// What separates two cells in a table block's text.
pub const CELL_SEP: &str = " | ";

/// A line longer than this is prose that happens to hold a `|`, never a table row.
const MAX_ROW: usize = 2000;

/// A cell longer than this (in bytes) cannot make a one-row table on its own.
const MAX_LONE_CELL: usize = 60;

/// The cells of a table row, or `None` when `line` is not one. A row has at least two cells
/// once a trailing `|` (and, when the line both starts and ends with one, the leading `|`) is
/// taken as a border; a leading `|` alone opens an empty first cell.
pub fn row_cells(line: &str) -> Option<Vec<&str>> {
    let t = super::text::trim(line);
    if t.len() > MAX_ROW || memchr::memchr(b'|', t.as_bytes()).is_none() {
        return None;
    }
    let bordered = t.len() > 1 && t.starts_with('|') && t.ends_with('|');
    let inner = if bordered {
        t.strip_prefix('|')
            .and_then(|s| s.strip_suffix('|'))
            .unwrap_or(t)
    } else {
        t.strip_suffix('|').unwrap_or(t)
    };
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    (cells.len() >= 2 && cells.iter().any(|c| !c.is_empty())).then_some(cells)
}

/// A Markdown rule row under a table's head: `|---|:--:|`.
pub fn is_rule_row(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        c.contains('-')
            && c.chars()
                .all(|ch| matches!(ch, '-' | ':' | ' ' | '=' | '+'))
    })
}

/// May this row stand as a table on its own (rather than be prose with a `|` in it, or a
/// reference number such as `No. 5232|103`)? Its cells are short and its `|` stand apart.
pub fn lone_row(line: &str, cells: &[&str]) -> bool {
    let t = line.trim();
    let spaced = t.contains(" | ") || t.starts_with('|') || t.ends_with('|');
    spaced && cells.iter().all(|c| c.len() <= MAX_LONE_CELL)
}

/// A cell as the reader should see it: a number the export spaced after its separators
/// (`1, 500, 000`, `314, 240, 000. 00`) closes up again (`1,500,000`, `314,240,000.00`).
pub fn clean_cell(cell: &str) -> String {
    if spaced_number(cell) {
        cell.replace(", ", ",").replace(". ", ".")
    } else {
        cell.to_string()
    }
}

/// `1, 500, 000`, `3, 523, 920`, `462, 538, 116. 22`, `$0. 20`, `+14, 600, 000`: groups of
/// three digits after `, `, and an optional decimal part after `. `.
fn spaced_number(cell: &str) -> bool {
    let cell = cell.strip_prefix(['$', '£', '-', '+']).unwrap_or(cell);
    let (int, frac) = match cell.split_once(". ") {
        Some((i, f)) => (i, Some(f)),
        None => (cell, None),
    };
    let mut groups = int.split(", ");
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let mut n = 0;
    let rest_ok = groups.all(|g| {
        n += 1;
        g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())
    });
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    first_ok && rest_ok && frac_ok && (n > 0 || frac.is_some())
}

/// The text of a table block: rows joined by `\n`, cells by [`CELL_SEP`].
pub fn text_of(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&row.join(CELL_SEP));
    }
    out
}

/// Byte ranges of each cell in [`text_of`]`(rows)`.
pub fn cell_ranges(rows: &[Vec<String>]) -> Vec<Vec<(usize, usize)>> {
    let mut at = 0;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut cells = Vec::with_capacity(row.len());
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                at += CELL_SEP.len();
            }
            cells.push((at, at + cell.len()));
            at += cell.len();
        }
        out.push(cells);
        at += 1; // the `\n` between rows
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_export_rows() {
        assert_eq!(row_cells("| week | wagons |"), Some(vec!["week", "wagons"]));
        assert_eq!(
            row_cells("Iron ore | 1, 500, 000 |"),
            Some(vec!["Iron ore", "1, 500, 000"])
        );
        assert_eq!(
            row_cells("| Taels. | Taels."),
            Some(vec!["", "Taels.", "Taels."])
        );
        assert_eq!(row_cells("Spain | | 620 |"), Some(vec!["Spain", "", "620"]));
        assert_eq!(row_cells("No. 302.|"), None);
        assert_eq!(row_cells("no pipe here"), None);
        assert_eq!(row_cells("|"), None);
    }

    #[test]
    fn rule_rows_and_lone_rows() {
        assert!(is_rule_row(&["---", ":--:"]));
        assert!(!is_rule_row(&["1961-62", "x"]));
        let row = "September 16 | The last Thursday in November";
        assert!(lone_row(row, &row_cells(row).unwrap()));
        let prose = "the exchange situation in this country may relieve the Government from \
                     taking action with regard to peso balances now | blocked in Argentina.";
        assert!(!lone_row(prose, &row_cells(prose).unwrap()));
        let reference = "No. 5232|103.]";
        assert!(!lone_row(reference, &row_cells(reference).unwrap()));
    }

    #[test]
    fn spaced_numbers_close_up() {
        assert_eq!(clean_cell("1, 500, 000"), "1,500,000");
        assert_eq!(clean_cell("314, 240, 000. 00"), "314,240,000.00");
        assert_eq!(clean_cell("20, 800. 00"), "20,800.00");
        assert_eq!(clean_cell("$0. 20"), "$0.20");
        assert_eq!(clean_cell("+14, 600, 000"), "+14,600,000");
        // Not a number of that shape: left as written.
        assert_eq!(clean_cell("2, 000 to 2, 500"), "2, 000 to 2, 500");
        assert_eq!(clean_cell("Sea, Island, 1st kind"), "Sea, Island, 1st kind");
        assert_eq!(clean_cell("1, 2"), "1, 2");
        assert_eq!(clean_cell("1945"), "1945");
    }

    #[test]
    fn cell_ranges_address_the_text() {
        let rows = vec![
            vec!["".to_string(), "Taels.".to_string()],
            vec!["Total".to_string(), "19,023,920".to_string()],
        ];
        let text = text_of(&rows);
        assert_eq!(text, " | Taels.\nTotal | 19,023,920");
        let ranges = cell_ranges(&rows);
        let cells: Vec<Vec<&str>> = ranges
            .iter()
            .map(|r| r.iter().map(|&(a, b)| &text[a..b]).collect())
            .collect();
        assert_eq!(cells, [vec!["", "Taels."], vec!["Total", "19,023,920"]]);
    }
}
