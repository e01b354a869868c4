//! What the terminal shows is what ratatui drew: text with clusters whose widths terminals
//! count differently (Thai, Devanagari conjuncts, flags, emoji sequences) is drawn through the
//! real crossterm backend into a `vt100` terminal, scrolled, and compared cell by cell.

mod common;
use common::*;
use memcon::app::Action as A;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use std::cell::RefCell;
use std::rc::Rc;

/// Text with one of every troublesome kind of cluster, among plain words.
const TROUBLE: &str = "Bangkok กำแพง น้ำ and Delhi क्षत्रिय, flags 🇺🇸🇯🇵, a family 👨\u{200D}👩\u{200D}👧 \
    a heart ❤\u{FE0F}, a keycap 1\u{FE0F}\u{20E3}, a thumb 👍🏽, a rainbow flag 🏳\u{FE0F}\u{200D}🌈, \
    Hangul 가 and 한, katakana ｶﾞｲﾑｼｮｳ, Hindi किताब, an accent e\u{301} that combines, and \
    Thai without spaces ภาษาไทยเขียนติดกันโดยไม่เว้นวรรคระหว่างคำน้ำกำแพงเมือง.";

fn document() -> memcon::document::Document {
    let para =
        format!("{TROUBLE} More words follow so that the paragraph wraps over several rows.\n\n");
    let text = format!("Title\n\n{}", para.repeat(12));
    memcon::document::load("t", text.as_bytes()).unwrap()
}

/// Bytes the backend writes, kept where the test can take them.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal that writes escape sequences into a buffer, and the vt100 screen they make.
struct Screen {
    term: Terminal<CrosstermBackend<Shared>>,
    out: Shared,
    vt: vt100::Parser,
}

impl Screen {
    fn new(w: u16, h: u16) -> Self {
        let out = Shared::default();
        let backend = CrosstermBackend::new(out.clone());
        let term = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
            },
        )
        .unwrap();
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        Self {
            term,
            out,
            vt: vt100::Parser::new(size(h), size(w), 0),
        }
    }

    /// Draw `app` and feed what went to the terminal into vt100; return ratatui's buffer.
    fn draw(&mut self, app: &memcon::app::App) -> Buffer {
        let frame = self.term.draw(|f| memcon::ui::render(app, f)).unwrap();
        let buf = frame.buffer.clone();
        let bytes = std::mem::take(&mut *self.out.0.borrow_mut());
        self.vt.process(&bytes);
        buf
    }
}

/// The first cell where vt100's screen and ratatui's buffer disagree.
fn mismatch(buf: &Buffer, vt: &vt100::Screen) -> Option<String> {
    let area = buf.area;
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(x, y)];
            let want = cell.symbol();
            let want_w = unicode_width::UnicodeWidthStr::width(want).max(1) as u16;
            // The terminal may keep a cluster's characters in as many cells as it is wide
            // (`ก` + `ำ`): what those cells hold together must be the cluster.
            let got: String = (x..x + want_w)
                .filter_map(|cx| vt.cell(y, cx).map(|c| c.contents()))
                .collect();
            // vt100 never prints U+FFFD (it stands for bytes it could not decode); terminals
            // show it as one cell, as ratatui does.
            let blank = got.is_empty() && (want == " " || want == "\u{FFFD}");
            if want != got && !blank {
                let row: String = (0..area.width)
                    .filter_map(|cx| vt.cell(y, cx).map(|c| c.contents()))
                    .collect();
                let near: Vec<(String, String)> = (x.saturating_sub(3)..(x + 4).min(area.width))
                    .map(|cx| {
                        (
                            buf[(cx, y)].symbol().to_string(),
                            vt.cell(y, cx)
                                .map(|c| c.contents().to_string())
                                .unwrap_or_default(),
                        )
                    })
                    .collect();
                return Some(format!(
                    "row {y} col {x}: drew {want:?}, terminal shows {got:?}\n{row}\n{near:?}"
                ));
            }
            x += want_w;
        }
    }
    None
}

#[test]
fn the_terminal_shows_what_was_drawn_while_scrolling() {
    for (w, h) in [(80, 24), (61, 17)] {
        let mut app = app(document(), w, h);
        let mut screen = Screen::new(w, h);
        let buf = screen.draw(&app);
        assert_eq!(
            mismatch(&buf, screen.vt.screen()),
            None,
            "{w}x{h} first screen"
        );
        for step in 0..12 {
            app.update(if step % 3 == 2 {
                A::PageDown
            } else {
                A::LineDown
            });
            let buf = screen.draw(&app);
            assert_eq!(
                mismatch(&buf, screen.vt.screen()),
                None,
                "{w}x{h} after step {step}"
            );
        }
    }
}
