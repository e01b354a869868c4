//! Search as a reader meets it: Esc goes back, Enter records the jump, history, `?`, the side
//! list filter, and counting a large document between frames.

mod common;
use common::*;
use memcon::app::{Action as A, App, Focus, TargetLabel};
use memcon::document::{Block, BlockKind, Document, TextRange};
use memcon::search::{Matcher, Query, find_all};

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(A::InputChar(c));
    }
}

fn search(app: &mut App, action: A, text: &str) {
    app.update(action);
    typed(app, text);
}

fn current_text(app: &App) -> String {
    let t = app.targets().expect("targets");
    app.doc()
        .text(t.current_range().expect("a current target"))
        .to_string()
}

#[test]
fn esc_returns_to_where_the_reader_was() {
    let mut app = app(model_memo(), 80, 24);
    run(&mut app, &[A::LineDown, A::LineDown]);
    let before = app.top();
    search(&mut app, A::SearchForward, "japanese");
    assert_ne!(
        app.top(),
        before,
        "the view moved to the match while typing"
    );
    assert_eq!(current_text(&app), "Japanese");
    app.update(A::InputCancel);
    assert_eq!(app.top(), before);
    assert!(app.targets().is_none());
    assert!(app.input().is_none());
}

#[test]
fn enter_keeps_the_match_and_ctrl_o_comes_back() {
    let mut app = app(model_memo(), 80, 24);
    let before = app.top();
    search(&mut app, A::SearchForward, "japanese");
    app.update(A::InputConfirm);
    let at_match = app.top();
    assert_ne!(at_match, before);
    assert!(screen(&app).contains("match 1 of 1 · japanese"));
    app.update(A::JumpBack);
    assert_eq!(app.top(), before);
}

#[test]
fn typing_moves_to_the_nearest_match_from_the_start_position() {
    let mut app = app(model_memo(), 80, 24);
    search(&mut app, A::SearchForward, "paragraph 2");
    assert_eq!(current_text(&app), "Paragraph 2");
    typed(&mut app, "0");
    assert_eq!(current_text(&app), "Paragraph 20");
    // Deleting goes back to the earlier match, measured from where the search began.
    app.update(A::InputBackspace);
    assert_eq!(current_text(&app), "Paragraph 2");
}

#[test]
fn history_is_shared_by_both_directions() {
    let mut app = app(model_memo(), 80, 24);
    search(&mut app, A::SearchForward, "dairen");
    app.update(A::InputConfirm);
    search(&mut app, A::SearchForward, "soong");
    app.update(A::InputConfirm);
    app.update(A::SearchBackward);
    app.update(A::InputHistoryPrev);
    assert_eq!(app.input().unwrap().text, "soong");
    app.update(A::InputHistoryPrev);
    assert_eq!(app.input().unwrap().text, "dairen");
    app.update(A::InputHistoryNext);
    assert_eq!(app.input().unwrap().text, "soong");
    // Recalling searches again.
    assert_eq!(current_text(&app), "Soong");
}

#[test]
fn backward_search_finds_the_previous_match_and_n_keeps_going_backward() {
    let mut app = app(model_memo(), 80, 24);
    app.update(A::Bottom);
    search(&mut app, A::SearchBackward, "paragraph");
    app.update(A::InputConfirm);
    let t = app.targets().unwrap();
    let last = t.ranges.len() - 1;
    assert_eq!(t.current, Some(last), "the last paragraph above the view");
    app.update(A::NextTarget);
    assert_eq!(app.targets().unwrap().current, Some(last - 1));
    app.update(A::PrevTarget);
    app.update(A::PrevTarget);
    assert_eq!(app.targets().unwrap().current, Some(0), "N forward wraps");
}

#[test]
fn a_pattern_that_is_not_found_says_so_and_stays_put() {
    let mut app = app(model_memo(), 80, 24);
    let before = app.top();
    search(&mut app, A::SearchForward, "zanzibar");
    assert_eq!(app.input().unwrap().error.as_deref(), Some("not found"));
    app.update(A::InputConfirm);
    assert_eq!(app.top(), before);
    assert!(screen(&app).contains("Pattern not found: zanzibar"));
}

#[test]
fn regex_and_accent_toggles_apply_while_typing() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    app.update(A::SearchToggleRegex);
    typed(&mut app, r"S\w+g\b");
    assert_eq!(current_text(&app), "Soong");
    app.update(A::InputClear);
    app.update(A::SearchToggleRegex);
    typed(&mut app, "lushunkou");
    assert_eq!(current_text(&app), "Lüshunkou");
    app.update(A::SearchToggleAccents);
    assert_eq!(app.input().unwrap().error.as_deref(), Some("not found"));
}

#[test]
fn a_cancelled_search_gives_back_the_entity_targets() {
    let mut app = app(model_memo(), 80, 24);
    let r = TextRange::new(5, 0, 6);
    app.set_targets(TargetLabel::Entity("Stalin".into()), vec![r], Some(0));
    search(&mut app, A::SearchForward, "dairen");
    assert!(matches!(
        app.targets().unwrap().label,
        TargetLabel::Search(_)
    ));
    app.update(A::InputCancel);
    let t = app.targets().unwrap();
    assert_eq!(t.label, TargetLabel::Entity("Stalin".into()));
}

#[test]
fn slash_in_the_side_list_filters_it() {
    let mut app = app(bundled(), 120, 40);
    while app.view().focus() != Focus::Side {
        app.update(A::FocusNext);
    }
    let all = app.entities().side().items.len();
    assert!(all >= 2);
    search(&mut app, A::SearchForward, "soong");
    let labels: Vec<_> = app
        .entities()
        .side()
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels, ["T. V. Soong"]);
    assert!(app.targets().is_none(), "the body is not searched");
    assert!(screen(&app).contains("/soong"));
    app.update(A::InputCancel);
    assert_eq!(
        app.entities().side().items.len(),
        all,
        "Esc: the whole list again"
    );
    search(&mut app, A::SearchForward, "harriman");
    app.update(A::InputConfirm);
    assert_eq!(
        app.entities().side().items.len(),
        1,
        "Enter keeps the filter"
    );
    app.update(A::SearchForward);
    app.update(A::InputClear);
    app.update(A::InputConfirm);
    assert_eq!(
        app.entities().side().items.len(),
        all,
        "an empty filter shows everything"
    );
}

fn big_document() -> Document {
    let memo = bundled();
    let mut blocks = Vec::new();
    let mut size = 0;
    while size < 6 << 20 {
        for b in &memo.blocks {
            size += b.text.len();
            blocks.push(b.clone());
        }
    }
    blocks.push(Block::new(BlockKind::Paragraph, "The end."));
    Document {
        blocks,
        ..Document::default()
    }
}

#[test]
fn a_large_document_is_counted_between_frames() {
    let doc = big_document();
    let want = find_all(&doc, &Matcher::new(&Query::plain("dairen")).unwrap());
    let mut app = app(doc, 100, 30);
    search(&mut app, A::SearchForward, "dairen");
    assert!(app.busy(), "6 MB is more than one step");
    let t = app.targets().unwrap();
    assert!(t.ranges.len() < want.len(), "not all counted yet");
    assert_eq!(
        t.current_range(),
        Some(want[0]),
        "the nearest match shows at once"
    );
    let s = screen(&app);
    assert!(
        s.contains("counting matches… ") && s.contains(" so far"),
        "{s}"
    );
    app.update(A::InputConfirm);
    assert!(screen(&app).contains("counting matches"));
    let mut steps = 0;
    while app.background_step() {
        steps += 1;
    }
    assert!(steps >= 2, "{steps}");
    let t = app.targets().unwrap();
    assert_eq!(t.ranges, want);
    assert_eq!(t.current, Some(0));
}

#[test]
fn n_while_counting_walks_the_counted_matches_and_counts_the_rest_only_when_needed() {
    let mut app = app(big_document(), 100, 30);
    search(&mut app, A::SearchForward, "dairen");
    app.update(A::InputConfirm);
    assert!(app.busy());
    app.update(A::NextTarget);
    assert!(app.busy(), "the next match was already counted");
    assert_eq!(app.targets().unwrap().current, Some(1));
    app.update(A::PrevTarget);
    assert_eq!(app.targets().unwrap().current, Some(0));
    // Wrapping to the last match needs them all.
    app.update(A::PrevTarget);
    assert!(!app.busy());
    let t = app.targets().unwrap();
    assert!(t.ranges.len() > 1000);
    assert_eq!(t.current, Some(t.ranges.len() - 1));
}

#[test]
fn a_match_only_in_the_metadata_is_reported_and_highlighted_there() {
    let mut app = app(bundled(), 100, 30);
    search(&mut app, A::SearchForward, "chiu");
    assert_eq!(
        app.input().unwrap().error.as_deref(),
        Some("only in the metadata (1)")
    );
    app.update(A::InputConfirm);
    let t = app.targets().unwrap();
    assert!(t.ranges.is_empty());
    assert!(screen(&app).contains("only in the metadata (1)"));
}

#[test]
fn esc_in_normal_mode_stops_a_search_still_counting() {
    let mut app = app(big_document(), 100, 30);
    search(&mut app, A::SearchForward, "dairen");
    app.update(A::InputConfirm);
    assert!(app.busy());
    app.update(A::ClearTargets);
    assert!(!app.busy());
    assert!(!app.background_step());
    assert!(app.targets().is_none());
}

#[test]
fn recalling_a_valid_query_clears_the_error_of_an_invalid_one() {
    let mut app = app(bundled(), 100, 30);
    search(&mut app, A::SearchForward, "soong");
    app.update(A::InputConfirm);
    app.update(A::SearchForward);
    app.update(A::SearchToggleRegex);
    typed(&mut app, "(");
    assert!(app.input().unwrap().error.is_some());
    app.update(A::InputHistoryPrev);
    let line = app.input().unwrap();
    assert_eq!((line.text.as_str(), line.error.as_deref()), ("soong", None));
}

#[test]
fn an_empty_search_repeats_the_last_one() {
    let mut app = app(model_memo(), 80, 24);
    search(&mut app, A::SearchForward, "stalin");
    app.update(A::InputConfirm);
    assert_eq!(app.targets().unwrap().current, Some(0));
    run(&mut app, &[A::SearchForward, A::InputConfirm]);
    assert_eq!(app.targets().unwrap().current, Some(1));
    // `?` Enter goes backward.
    run(&mut app, &[A::SearchBackward, A::InputConfirm]);
    assert_eq!(app.targets().unwrap().current, Some(0));
}

#[test]
fn search_toggles_do_nothing_in_other_input_lines() {
    let mut app = app(model_memo(), 80, 24);
    run(
        &mut app,
        &[A::GotoPrompt, A::SearchToggleRegex, A::SearchToggleAccents],
    );
    assert!(!app.search().regex());
    assert!(app.search().fold_accents());
}

#[test]
fn a_match_wrapped_across_two_rows_of_the_metadata_pane_is_highlighted_on_both() {
    let doc = model_memo();
    // A screen width at which the metadata pane breaks the title inside "Averell Harriman".
    let width = (72..200)
        .find(|&w| {
            let p = app(model_memo(), w, 24).panes().unwrap();
            let rows = memcon::app::view::meta::rows(&doc.metadata, p.metadata.width - 2);
            rows.iter().any(|r| r.text.ends_with("Averell"))
        })
        .expect("some width splits the name");
    let mut app = app(doc, width, 24);
    search(&mut app, A::SearchForward, "Averell Harriman");
    app.update(A::InputConfirm);
    let buf = draw(&app);
    let meta = app.panes().unwrap().metadata;
    let highlighted = |word: &str| {
        (meta.y..meta.y + meta.height).any(|y| {
            let row: String = (meta.x..meta.x + meta.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.find(word).is_some_and(|at| {
                let x = meta.x + row[..at].chars().count() as u16;
                (x..x + word.len() as u16).all(|x| buf[(x, y)].bg == ratatui::style::Color::Yellow)
            })
        })
    };
    assert!(highlighted("Averell"), "first row of the match");
    assert!(highlighted("Harriman"), "second row of the match");
}
