//! Whole-screen snapshots of the bundled memo (and the model memo) at several sizes.

mod common;
use common::*;
use memcon::app::{Action as A, TargetLabel};
use memcon::document::TextRange;

fn bundled_at(w: u16, h: u16) -> memcon::app::App {
    app(bundled(), w, h)
}

#[test]
fn bundled_80x24() {
    insta::assert_snapshot!(screen(&bundled_at(80, 24)));
}

#[test]
fn bundled_120x40() {
    insta::assert_snapshot!(screen(&bundled_at(120, 40)));
}

#[test]
fn bundled_40x12() {
    insta::assert_snapshot!(screen(&bundled_at(40, 12)));
}

#[test]
fn help_overlay_80x24() {
    let mut app = bundled_at(80, 24);
    app.update(A::ToggleHelp);
    // Nothing of the panes stands beside the overlay: every cell outside its box is blank
    // (the status line aside).
    let buf = draw(&app);
    let popup = memcon::app::help::popup(buf.area);
    for y in 0..23 {
        for x in 0..80 {
            if !popup.contains(ratatui::layout::Position::new(x, y)) {
                assert_eq!(
                    buf[(x, y)].symbol(),
                    " ",
                    "({x}, {y}) outside the help overlay"
                );
            }
        }
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn overlays_at_100_columns_clear_the_panes_too() {
    let mut app = bundled_at(100, 30);
    app.update(A::ToggleHelp);
    let buf = draw(&app);
    let popup = memcon::app::help::popup(buf.area);
    for y in 0..29 {
        for x in 0..100 {
            if !popup.contains(ratatui::layout::Position::new(x, y)) {
                assert_eq!(buf[(x, y)].symbol(), " ", "({x}, {y}) outside the overlay");
            }
        }
    }
}

#[test]
fn help_overlay_scrolled_to_its_end() {
    let mut app = bundled_at(80, 24);
    run(
        &mut app,
        &[
            A::ToggleHelp,
            A::PageDown,
            A::PageDown,
            A::PageDown,
            A::PageDown,
            A::PageDown,
        ],
    );
    let s = screen(&app);
    assert!(s.contains("Mouse"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn after_resize_80_40_120() {
    let mut app = bundled_at(80, 24);
    run(
        &mut app,
        &[
            A::PageDown,
            A::LineDown,
            A::Resize(40, 24),
            A::Resize(120, 24),
        ],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn tiny_sizes() {
    for (w, h) in [(0, 0), (1, 1), (20, 5)] {
        let s = screen(&bundled_at(w, h));
        insta::assert_snapshot!(format!("tiny_{w}x{h}"), s);
    }
}

#[test]
fn huge_300x100() {
    insta::assert_snapshot!(screen(&bundled_at(300, 100)));
}

#[test]
fn model_memo_with_targets_and_input_line() {
    let mut app = app(model_memo(), 80, 24);
    let t = &app.doc().blocks[5].text;
    let d = t.find("Dairen").unwrap();
    app.set_targets(
        TargetLabel::Search("Dairen".into()),
        vec![TextRange::new(5, d, d + 6)],
        Some(0),
    );
    app.set_gutter_marks([3]);
    run(
        &mut app,
        &[A::GotoPrompt, A::InputChar('1'), A::InputChar('2')],
    );
    insta::assert_snapshot!(screen(&app));
}
