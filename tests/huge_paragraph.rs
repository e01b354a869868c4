//! A document that is one paragraph of megabytes (a whole volume flattened to one line):
//! the reader wraps only the part on screen, at any width, and moves through it like any
//! other document.

mod common;
use common::*;
use memcon::app::{Action as A, App};
use memcon::document::{Block, BlockKind, Document, Location, Metadata};

/// A title and one paragraph of about `bytes` bytes, numbered sentences so the place in it
/// can be read off the screen.
fn one_paragraph(bytes: usize) -> Document {
    let mut text = String::with_capacity(bytes + 100);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!("Sentence {i} speaks of Dairen and Port Arthur. "));
        i += 1;
    }
    text.push_str("The very end.");
    Document {
        metadata: Metadata {
            title: Some("A volume on one line".into()),
            ..Metadata::default()
        },
        blocks: vec![Block::new(BlockKind::Paragraph, text)],
        ..Document::default()
    }
}

fn body_text(app: &App) -> String {
    app.visible_rows()
        .iter()
        .map(|r| &app.doc().blocks[r.block].text[r.row.start..r.row.end])
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_paragraph_of_megabytes_is_wrapped_only_where_it_is_seen() {
    let mut app = app(one_paragraph(4 << 20), 80, 24);
    assert!(body_text(&app).starts_with("Sentence 0 speaks"));
    // The top, and the end (how far the top may go).
    assert!(app.wrapped_blocks() <= 4, "{}", app.wrapped_blocks());
    app.update(A::Bottom);
    assert_eq!(app.percent(), 100);
    assert!(body_text(&app).ends_with("The very end."));
    assert!(app.wrapped_blocks() <= 6, "{}", app.wrapped_blocks());
    app.update(A::Top);
    for c in "50%".chars() {
        app.update(if c.is_ascii_digit() && c == '5' {
            A::GotoDigit(c)
        } else {
            A::InputChar(c)
        });
    }
    app.update(A::InputConfirm);
    assert!((49..=51).contains(&app.percent()), "{}", app.percent());
    assert!(app.wrapped_blocks() <= 10, "{}", app.wrapped_blocks());
}

#[test]
fn rows_run_on_across_segments_without_gaps_in_both_directions() {
    let mut app = app(one_paragraph(200 << 10), 60, 20);
    let text = app.doc().blocks[0].text.clone();
    let mut seen = vec![app.top()];
    for _ in 0..400 {
        app.update(A::LineDown);
        seen.push(app.top());
    }
    // Every step moves one row on: rows start where the one before left off.
    for w in seen.windows(2) {
        assert!(w[1].offset > w[0].offset, "{w:?}");
        let between = &text[w[0].offset..w[1].offset];
        assert!(between.len() <= 60 * 4, "{between}");
    }
    let far = app.top();
    for _ in 0..400 {
        app.update(A::LineUp);
    }
    assert_eq!(app.top(), Location::new(0, 0));
    for _ in 0..400 {
        app.update(A::LineDown);
    }
    assert_eq!(app.top(), far, "the same rows down again");
}

#[test]
fn a_resize_keeps_the_same_words_at_the_top_of_a_huge_paragraph() {
    let mut app = app(one_paragraph(2 << 20), 100, 30);
    for c in "70%".chars() {
        app.update(if c == '7' {
            A::GotoDigit(c)
        } else {
            A::InputChar(c)
        });
    }
    app.update(A::InputConfirm);
    app.update(A::LineDown);
    let before = app.top();
    let words: String = body_text(&app).chars().take(20).collect();
    app.update(A::Resize(60, 20));
    app.update(A::Resize(100, 30));
    assert_eq!(app.top(), before);
    assert!(body_text(&app).starts_with(&words));
    assert!(app.wrapped_blocks() <= 6, "{}", app.wrapped_blocks());
    // The screen draws.
    assert!(screen(&app).contains("Sentence"));
}
