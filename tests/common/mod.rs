//! Helpers shared by the screen and behaviour tests.
#![allow(dead_code)]

pub mod domain;

use memcon::app::{Action, App};
use memcon::document::{self, Block, BlockKind, Document, Footnote, Metadata, Span, SpanKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The bundled memo through the real loading path.
pub fn bundled() -> Document {
    document::load("bundled", memcon::BUNDLED.as_bytes()).expect("bundled memo loads")
}

/// An App on `doc` at `w`×`h`, as the event loop starts it.
pub fn app(doc: Document, w: u16, h: u16) -> App {
    let mut app = App::new(doc, (w, h));
    app.update(Action::Resize(w, h));
    app
}

/// Draw `app` into a test terminal of its size and return the buffer.
pub fn draw(app: &App) -> Buffer {
    let (w, h) = app.view().size();
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| memcon::ui::render(app, f)).unwrap();
    t.backend().buffer().clone()
}

/// The screen as text, one line per row, wide characters once.
pub fn screen(app: &App) -> String {
    text_of(&draw(app))
}

pub fn text_of(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// A memo built directly from model types: header kinds, a gloss, a footnote reference and
/// the footnote, and enough paragraphs to scroll.
pub fn model_memo() -> Document {
    let mut blocks = vec![
        Block::new(BlockKind::Heading, "Memcon A. Harriman - Soong"),
        Block::new(BlockKind::Classification, "TOP SECRET"),
        Block::new(BlockKind::Dateline, "Moscow, July 3, 1945"),
        Block::new(
            BlockKind::Present,
            "W. A. Harriman, American Ambassador\nDr. T. V. Soong",
        ),
        Block::new(
            BlockKind::Subject,
            "Far Eastern Conversations with Generalissimo Stalin",
        ),
    ];
    let mut gloss = Block::new(
        BlockKind::Paragraph,
        "Stalin wants naval facilities at Dairen [Dalian].[1]",
    );
    let t = &gloss.text;
    let open = t.find("[Dalian]").unwrap();
    let note = t.find("[1]").unwrap();
    gloss.spans = Box::new([
        Span {
            kind: SpanKind::Editorial,
            start: open,
            end: open + "[Dalian]".len(),
            footnote: None,
        },
        Span {
            kind: SpanKind::FootnoteRef,
            start: note,
            end: note + 3,
            footnote: Some(0),
        },
    ]);
    blocks.push(gloss);
    for i in 1..=30 {
        let mut b = Block::new(
            BlockKind::Numbered,
            format!(
                "Paragraph {i} of the talk: Soong told Stalin that the ports would be run on a \
                 cost basis, and Stalin answered that Port Arthur mattered less than Dairen."
            ),
        );
        b.set_number(Some(i.to_string()));
        blocks.push(b);
    }
    blocks.push(Block::new(BlockKind::Signature, "WAH"));
    let fn_block = blocks.len();
    let mut f = Block::new(
        BlockKind::Footnote,
        "Dairen is the Japanese name of Dalian.",
    );
    f.set_number(Some("1".into()));
    blocks.push(f);
    Document {
        source: "model".into(),
        metadata: Metadata {
            title: Some(
                "Memorandum of Conversation between Averell Harriman and T. V. Soong".into(),
            ),
            date: Some("July 3, 1945".into()),
            summary: Some("Harriman reports on Soong and Stalin's July 2 conversation.".into()),
            ..Metadata::default()
        },
        blocks,
        footnotes: vec![Footnote {
            label: "1".into(),
            block: fn_block,
            text: "Dairen is the Japanese name of Dalian.".into(),
        }],
        ..Document::default()
    }
}

/// Apply actions in order.
pub fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// The first screen row of the body's text, trimmed (inside border and gutter).
pub fn top_text(app: &App) -> String {
    let buf = draw(app);
    let p = app.panes().expect("big enough");
    let mut s = String::new();
    for x in p.text.x..p.text.x + p.text.width {
        s.push_str(buf[(x, p.text.y)].symbol());
    }
    s.trim().to_string()
}
