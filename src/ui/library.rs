//! The library screen: the document list (one row per document, or two with a line of
//! context for an entity's documents and a search's hits), the selected document's
//! metadata, the collection's entities, and a status line with the index's progress.

use super::fit::{spans, take_back, take_front, truncate};
use super::{Theme, pane_block};
use crate::app::library::{LibFocus, Library, Progress, ReadMark, Row, Source};
use crate::app::view::meta::rows as meta_rows;
use crate::app::{App, Panes};
use crate::corpus::search::kwic;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Draw the library (the caller has checked that the screen is big enough).
pub fn render(app: &App, lib: &Library, frame: &mut Frame, panes: &Panes, theme: &Theme) {
    let narrow_entities = panes.side.is_none() && lib.focus() == LibFocus::Entities;
    if narrow_entities {
        entities(lib, true, frame, panes.body, theme);
    } else {
        list(app, lib, frame, panes.body, theme);
    }
    metadata(lib, frame, panes.metadata, theme);
    if let Some(side) = panes.side {
        entities(lib, lib.focus() == LibFocus::Entities, frame, side, theme);
    }
}

/// The document list.
fn list(app: &App, lib: &Library, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = lib.focus() == LibFocus::Documents;
    let block = pane_block(&app.library_list_title(), area.width, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let cols = Columns::new(usize::from(inner.width), lib);
    let mut lines = vec![Line::styled(cols.header(), theme.meta_label)];
    let per = lib.lines_per_row();
    let shown = (usize::from(inner.height).saturating_sub(1) / per).max(1);
    if lib.rows().is_empty() {
        lines.push(Line::styled(empty_text(lib), theme.dim));
    }
    for (i, row) in lib.rows().iter().enumerate().skip(lib.top()).take(shown) {
        let style = match (i == lib.selected(), focused) {
            (true, true) => theme.item_selected,
            (true, false) => theme.item_selected_unfocused,
            _ => theme.item,
        };
        lines.push(cols.row(lib, row, style, theme));
        if per == 2 {
            lines.push(context(lib, row, usize::from(inner.width), theme));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What an empty list says.
fn empty_text(lib: &Library) -> String {
    if !lib.filter().is_empty() {
        return format!("no document matches the filter {}", lib.filter());
    }
    match (lib.source(), lib.progress()) {
        (Source::All, Progress::Ready) => "no documents in this collection".into(),
        (Source::All, Progress::Failed(_)) => "the collection could not be indexed".into(),
        (Source::All, _) => "reading the collection…".into(),
        (Source::Entity(_), _) => "no document mentions it".into(),
        (Source::Search(s), _) if !s.done => "searching…".into(),
        (Source::Search(_), _) => "no document matches".into(),
    }
}

/// Which columns fit in a width.
struct Columns {
    width: usize,
    kind: bool,
    folder: usize,
    record: usize,
    entities: bool,
    /// Rows end in a count of mentions or matches.
    count: bool,
}

const DATE_W: usize = 10;
const KIND_W: usize = 11;
const ENTS_W: usize = 5;
const COUNT_W: usize = 6;

impl Columns {
    fn new(width: usize, lib: &Library) -> Self {
        let count = !matches!(lib.source(), Source::All);
        let folder = if lib.has_folders() && width >= 90 {
            lib.docs()
                .iter()
                .map(|d| d.file.folder().width())
                .max()
                .unwrap_or(0)
                .clamp(6, 18)
        } else {
            0
        };
        Self {
            width,
            kind: width >= 64,
            folder,
            record: if width >= 130 { 24 } else { 0 },
            entities: width >= 50 && !count,
            count,
        }
    }

    /// Columns after the title, each with its width and its text for `row`.
    fn tail(&self, lib: &Library, row: &Row) -> Vec<(usize, String)> {
        let d = &lib.docs()[row.doc];
        let mut out = Vec::new();
        if self.kind {
            out.push((KIND_W, d.kind_label().to_string()));
        }
        if self.folder > 0 {
            out.push((self.folder, d.file.folder().to_string()));
        }
        if self.record > 0 {
            let id = d.record_id.as_deref().unwrap_or("");
            out.push((self.record, take_back(id, self.record).to_string()));
        }
        if self.entities {
            out.push((ENTS_W, format!("{:>w$}", d.entities, w = ENTS_W)));
        }
        if self.count {
            out.push((COUNT_W, format!("{:>w$}", row.count, w = COUNT_W)));
        }
        out
    }

    fn title_width(&self, tail: usize) -> usize {
        // Mark, space, date, space; a space before each tail column.
        self.width.saturating_sub(2 + DATE_W + 1 + tail)
    }

    fn header(&self) -> String {
        let mut tail: Vec<(usize, &str)> = Vec::new();
        if self.kind {
            tail.push((KIND_W, "Kind"));
        }
        if self.folder > 0 {
            tail.push((self.folder, "Folder"));
        }
        if self.record > 0 {
            tail.push((self.record, "Record"));
        }
        if self.entities {
            tail.push((ENTS_W, "Names"));
        }
        if self.count {
            tail.push((COUNT_W, "Count"));
        }
        let used: usize = tail.iter().map(|(w, _)| w + 1).sum();
        let title_w = self.title_width(used);
        let mut s = format!("  {:<DATE_W$} {}", "Date", pad("Title", title_w));
        for (w, name) in tail {
            s.push(' ');
            s.push_str(&if name == "Names" || name == "Count" {
                format!("{name:>w$}")
            } else {
                pad(name, w)
            });
        }
        truncate(&s, self.width)
    }

    fn row<'a>(&self, lib: &Library, row: &Row, style: Style, theme: &Theme) -> Line<'a> {
        let d = &lib.docs()[row.doc];
        let mark = match lib.mark(row.doc) {
            ReadMark::Unread => " ",
            ReadMark::Read => "✓",
            ReadMark::Bookmarked(_) => "▌",
        };
        let date = d.date_iso.as_deref().unwrap_or("undated");
        let tail = self.tail(lib, row);
        let used: usize = tail.iter().map(|(w, _)| w + 1).sum();
        let title_w = self.title_width(used);
        // An undated document is known by its file name.
        let title = if d.date_iso.is_none() {
            format!("{} · {}", d.file.file_name(), d.title)
        } else {
            d.title.clone()
        };
        let mut pieces = vec![
            (format!("{mark} "), theme.gutter_mark),
            (format!("{date:<DATE_W$} "), style),
            (pad(&title, title_w), style),
        ];
        for (w, text) in tail {
            pieces.push((format!(" {}", pad(&text, w)), style.patch(theme.dim)));
        }
        Line::from(spans(pieces, self.width))
    }
}

/// `text` cut or padded to exactly `w` columns.
fn pad(text: &str, w: usize) -> String {
    let t = truncate(&text.replace('\n', " "), w);
    let fill = w.saturating_sub(t.width());
    format!("{t}{}", " ".repeat(fill))
}

/// The line of context under a row: the first mention or match with words around it.
fn context<'a>(lib: &Library, row: &Row, width: usize, theme: &Theme) -> Line<'a> {
    const INDENT: usize = 2 + DATE_W + 1;
    let (Some(r), Some(text)) = (row.first, lib.text(row.doc)) else {
        let what = if row.count == 0 {
            "named only in the metadata"
        } else {
            ""
        };
        return Line::styled(format!("{}{what}", " ".repeat(INDENT)), theme.dim);
    };
    let avail = width.saturating_sub(INDENT + 2);
    let block = text.block(r.block);
    let hit_w = block.get(r.start..r.end).map_or(0, UnicodeWidthStr::width);
    let side = avail.saturating_sub(hit_w) / 3;
    // A third of the room before the hit, the rest after, each cut at a word.
    let k = kwic(
        block,
        r.start,
        r.end,
        side,
        avail.saturating_sub(side + hit_w),
    );
    let hit = truncate(&k.hit, avail.saturating_sub(8).max(4));
    let before = take_back(&k.before, side);
    let after = take_front(&k.after, avail.saturating_sub(hit.width() + before.width()));
    Line::from(vec![
        Span::raw(" ".repeat(INDENT)),
        Span::styled(format!("…{before}"), theme.dim),
        Span::styled(hit, theme.target),
        Span::styled(format!("{after}…"), theme.dim),
    ])
}

/// The selected document's metadata.
fn metadata(lib: &Library, frame: &mut Frame, area: Rect, theme: &Theme) {
    let selected = lib
        .selected_doc()
        .and_then(|d| lib.docs().get(d).map(|s| (d, s)));
    if area.height < 3 {
        let title = selected.map_or(String::new(), |(_, d)| d.title.clone());
        let line = Line::from(vec![
            Span::styled(" ▸ Document ", theme.title),
            Span::styled(title, theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let block = pane_block("Document", area.width, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((d, summary)) = selected else {
        return;
    };
    let width = usize::from(inner.width);
    let mut about = vec![summary.file.shown.clone(), summary.kind_label().to_string()];
    if summary.translated && summary.kind_label() != "translation" {
        about.push("translation".into());
    }
    about.push(format!("{} names", summary.entities));
    match lib.mark(d) {
        ReadMark::Unread => {}
        ReadMark::Read => about.push("read".into()),
        ReadMark::Bookmarked(n) => about.push(format!("{n} bookmarks")),
    }
    let mut lines = vec![Line::styled(truncate(&about.join(" · "), width), theme.dim)];
    match lib.record(d) {
        Some(record) => {
            for row in meta_rows(&record.metadata, inner.width) {
                let mut spans = Vec::new();
                if let Some(label) = row.label {
                    spans.push(Span::styled(label, theme.meta_label));
                }
                spans.push(Span::styled(row.text, theme.meta_value));
                lines.push(Line::from(spans));
            }
        }
        None => {
            lines.push(Line::styled(
                truncate(&summary.title, width),
                theme.meta_value,
            ));
            if let Some(date) = &summary.date {
                lines.push(Line::styled(date.clone(), theme.meta_value));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The collection's entities, or what is keeping them.
fn entities(lib: &Library, focused: bool, frame: &mut Frame, area: Rect, theme: &Theme) {
    if lib.table().is_some() {
        super::side::render_list(lib.side(), focused, frame, area, theme);
        return;
    }
    let block = pane_block("Entities", area.width, focused, theme);
    let text = match lib.progress() {
        Progress::Failed(_) => "not available: the index failed",
        _ => "listed once the collection is indexed",
    };
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.dim)).block(block),
        area,
    );
}

/// The status line: the collection, the index's progress or a message, the counts.
pub fn status(app: &App, lib: &Library, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    let progress = match lib.progress() {
        Progress::Starting => Some("reading the collection…".to_string()),
        Progress::Parsing { done, total } => Some(format!("indexing {done} of {total} files…")),
        Progress::Finishing => Some("merging entities…".to_string()),
        Progress::Ready => None,
        Progress::Failed(why) => Some(format!("index failed: {why}")),
    };
    let middle = app
        .message()
        .map(str::to_string)
        .or(progress)
        .map(|m| format!(" {m} "));
    let skipped = lib.skipped().len();
    let n = lib.docs().len();
    let right = if width < 60 {
        format!(" {n} docs ")
    } else if skipped > 0 {
        format!(" {n} documents · {skipped} skipped ")
    } else {
        format!(" {n} documents ")
    };
    let focus = match lib.focus() {
        LibFocus::Documents => " Documents ",
        LibFocus::Entities => " Entities ",
    };
    let name = format!(" Library: {}", lib.name());
    let mut avail = width.saturating_sub(right.width() + focus.width());
    let middle = middle.map(|m| {
        let m = truncate(&m, avail.saturating_sub(1));
        avail = avail.saturating_sub(m.width() + 1);
        m
    });
    let name = truncate(&name, avail);
    let pad = avail.saturating_sub(name.width() + 1);
    let mut spans = vec![Span::styled(name, theme.status), Span::raw(" ")];
    if let Some(m) = middle {
        spans.push(Span::styled(m, theme.status_message));
    }
    spans.push(Span::styled(" ".repeat(pad), theme.status));
    spans.push(Span::styled(focus.to_string(), theme.status_focus));
    spans.push(Span::styled(right, theme.status));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
