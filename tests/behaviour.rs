//! What a reader notices when driving the App with actions: positions, jumps, targets.

mod common;
use common::*;
use memcon::app::{Action as A, App, Focus, Overlay, TargetLabel};
use memcon::document::{Location, TextRange};

#[test]
fn the_same_words_stay_at_the_top_across_resizes() {
    let mut app = app(model_memo(), 80, 24);
    run(&mut app, &[A::NextParagraph; 12]);
    run(&mut app, &[A::LineDown, A::LineDown]);
    let anchor = app.top();
    let words = top_text(&app);
    assert!(!words.is_empty());
    run(&mut app, &[A::Resize(40, 24), A::Resize(120, 24)]);
    assert_eq!(
        app.top(),
        anchor,
        "the anchor is a document location, not a row"
    );
    run(&mut app, &[A::Resize(80, 24)]);
    assert_eq!(top_text(&app), words);
}

#[test]
fn at_the_end_a_taller_screen_and_back_return_to_the_same_words() {
    let mut app = app(model_memo(), 80, 24);
    app.update(A::Bottom);
    let (para, words) = (app.paragraph().0, top_text(&app));
    // Taller and wider: the whole end fits, the top row moves up; back: the same words.
    run(&mut app, &[A::Resize(120, 60)]);
    assert_eq!(app.paragraph().0, para, "the reading position stays");
    run(&mut app, &[A::Resize(80, 24)]);
    assert_eq!(top_text(&app), words);
    assert_eq!(app.paragraph().0, para);
    assert_eq!(app.percent(), 100);
}

#[test]
fn near_the_end_a_wider_screen_and_back_return_to_the_same_words() {
    let mut app = app(model_memo(), 60, 24);
    app.update(A::Bottom);
    run(&mut app, &[A::LineUp, A::LineUp, A::LineUp]);
    let (top, para) = (app.top(), app.paragraph().0);
    run(&mut app, &[A::Resize(160, 24), A::Resize(60, 24)]);
    assert_eq!(app.top(), top);
    assert_eq!(app.paragraph().0, para);
}

#[test]
fn bottom_shows_the_last_block_and_says_100_percent() {
    let mut app = app(model_memo(), 80, 24);
    app.update(A::Bottom);
    assert_eq!(app.percent(), 100);
    assert!(common::screen(&app).contains("Dairen is the Japanese name"));
    // Scrolling further does nothing.
    let top = app.top();
    run(&mut app, &[A::PageDown, A::LineDown]);
    assert_eq!(app.top(), top);
}

#[test]
fn goto_paragraph_and_percent_push_the_jump_list() {
    let mut app = app(model_memo(), 80, 24);
    run(
        &mut app,
        &[
            A::GotoPrompt,
            A::InputChar('1'),
            A::InputChar('0'),
            A::InputConfirm,
        ],
    );
    // Paragraphs count body paragraphs only (crate::bookmarks::paragraphs), as bookmarks do.
    let tenth = Location::new(app.view().paragraphs().block_of(10).unwrap(), 0);
    assert_eq!(app.top(), tenth);
    assert_eq!(app.paragraph().0, 10);
    // `50%` acts on `%` without Enter.
    run(
        &mut app,
        &[A::GotoDigit('5'), A::InputChar('0'), A::InputChar('%')],
    );
    assert!(app.input().is_none());
    assert!((45..=55).contains(&app.percent()), "{}", app.percent());
    app.update(A::JumpBack);
    assert_eq!(app.top(), tenth);
    app.update(A::JumpBack);
    assert_eq!(app.top(), Location::default());
    app.update(A::JumpForward);
    assert_eq!(app.top(), tenth);
}

#[test]
fn a_bad_paragraph_number_is_a_message_not_a_move() {
    let mut app = app(model_memo(), 80, 24);
    run(
        &mut app,
        &[A::GotoPrompt, A::InputChar('x'), A::InputConfirm],
    );
    assert_eq!(app.top(), Location::default());
    assert!(common::screen(&app).contains("not a paragraph number: x"));
}

#[test]
fn input_history_recalls_earlier_entries() {
    let mut app = app(model_memo(), 80, 24);
    run(&mut app, &[A::GotoDigit('7'), A::InputConfirm]);
    run(&mut app, &[A::GotoPrompt, A::InputHistoryPrev]);
    assert_eq!(app.input().unwrap().text, "7");
    app.update(A::InputCancel);
    assert!(app.input().is_none());
    let seventh = app.view().paragraphs().block_of(7).unwrap();
    assert_eq!(app.top(), Location::new(seventh, 0), "cancel does not move");
}

#[test]
fn a_footnote_reference_is_followed_and_ctrl_o_comes_back() {
    let mut app = app(model_memo(), 80, 24);
    app.update(A::Activate);
    let f = app.doc().footnotes[0].block;
    assert_eq!(app.top().block.max(f), f);
    assert!(common::screen(&app).contains("Dairen is the Japanese name"));
    app.update(A::JumpBack);
    assert_eq!(app.top(), Location::default());
}

#[test]
fn targets_are_walked_with_wrap_around_and_counted() {
    let mut app = app(model_memo(), 80, 24);
    let ranges: Vec<TextRange> = [8, 20, 30]
        .iter()
        .map(|&b| {
            let start = app.doc().blocks[b].text.find("Dairen").unwrap();
            TextRange::new(b, start, start + 6)
        })
        .collect();
    app.set_targets(TargetLabel::Search("Dairen".into()), ranges, None);
    app.update(A::NextTarget);
    assert!(common::screen(&app).contains("match 1 of 3"));
    run(&mut app, &[A::NextTarget, A::NextTarget]);
    assert!(common::screen(&app).contains("match 3 of 3"));
    app.update(A::NextTarget);
    let s = common::screen(&app);
    assert!(s.contains("wrapped to the top"), "{s}");
    app.update(A::PrevTarget);
    assert!(common::screen(&app).contains("match 3 of 3"));
    // Every n pushed the jump list.
    app.update(A::JumpBack);
    assert_eq!(app.targets().unwrap().current, Some(2));
    app.update(A::ClearTargets);
    assert!(app.targets().is_none());
}

#[test]
fn the_current_target_is_highlighted_apart_from_the_others() {
    use ratatui::style::Modifier;
    let mut app = app(model_memo(), 80, 24);
    app.set_color(false);
    let b = 5;
    let text = &app.doc().blocks[b].text;
    let s = text.find("Stalin").unwrap();
    let d = text.find("Dairen").unwrap();
    app.set_targets(
        TargetLabel::Entity("x".into()),
        vec![TextRange::new(b, s, s + 6), TextRange::new(b, d, d + 6)],
        Some(1),
    );
    let buf = draw(&app);
    let find = |word: &str| {
        let area = buf.area;
        (0..area.height)
            .flat_map(|y| (0..area.width).map(move |x| (x, y)))
            .find(|&(x, y)| {
                (0..word.len() as u16).all(|i| {
                    x + i < area.width
                        && buf[(x + i, y)].symbol() == &word[i as usize..i as usize + 1]
                })
            })
            .unwrap()
    };
    let stalin = buf[find("Stalin wants")].modifier;
    let dairen = buf[find("Dairen [")].modifier;
    assert!(stalin.contains(Modifier::REVERSED));
    assert!(dairen.contains(Modifier::REVERSED | Modifier::BOLD));
    assert_ne!(stalin, dairen);
    assert!(common::screen(&app).contains("mention 2 of 2"));
}

#[test]
fn the_marker_column_shows_where_targets_lie() {
    let mut app = app(model_memo(), 80, 24);
    let last = app.doc().blocks.len() - 2;
    app.set_targets(
        TargetLabel::Search("WAH".into()),
        vec![TextRange::new(last, 0, 3)],
        None,
    );
    let buf = draw(&app);
    let p = app.panes().unwrap();
    let column: String = (p.markers.y..p.markers.y + p.markers.height)
        .map(|y| buf[(p.markers.x, y)].symbol().to_string())
        .collect();
    let at = column
        .chars()
        .position(|c| c == '■')
        .expect("a target marker");
    assert!(
        at + 3 >= usize::from(p.markers.height),
        "near the bottom: {column}"
    );
}

#[test]
fn gutter_marks_flag_their_blocks() {
    let mut app = app(model_memo(), 80, 24);
    app.set_gutter_marks([5]);
    let s = common::screen(&app);
    let line = s.lines().find(|l| l.contains("▌")).expect("a gutter mark");
    assert!(line.contains("Stalin wants naval"), "{line}");
}

#[test]
fn focus_cycles_through_visible_panes_and_enter_selects_an_entity() {
    let mut app = app(model_memo(), 100, 30);
    app.update(A::FocusNext);
    assert_eq!(app.view().focus(), Focus::Metadata);
    app.update(A::FocusNext);
    assert_eq!(app.view().focus(), Focus::Side);
    run(&mut app, &[A::LineDown, A::Activate]);
    let item = app.entities().side().items[1].clone();
    let s = common::screen(&app);
    let want = format!("mention 1 of {} · {}", item.count, item.label);
    assert!(s.contains(&want), "{want}\n{s}");
    assert_eq!(app.view().focus(), Focus::Body, "Enter moves to the text");
    // On a narrow screen the side list is gone and Tab skips it.
    app.update(A::Resize(50, 20));
    run(&mut app, &[A::FocusNext, A::FocusNext]);
    assert_eq!(app.view().focus(), Focus::Body);
}

#[test]
fn the_metadata_pane_collapses_and_the_body_gets_the_room() {
    let mut app = app(model_memo(), 50, 20);
    let before = app.body_height();
    app.update(A::ToggleMetadata);
    assert!(app.body_height() > before);
    assert!(common::screen(&app).contains("▸ Document"));
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer_and_click_focuses() {
    let mut app = app(model_memo(), 100, 30);
    let p = app.panes().unwrap();
    app.update(A::ScrollAt(p.text.x + 1, p.text.y + 1, 3));
    assert_ne!(app.top(), Location::default());
    let side = p.side.unwrap();
    // Row 1 inside the pane is the first group's heading, row 2 its first item, row 3 the next.
    app.update(A::ClickAt(side.x + 2, side.y + 3));
    assert_eq!(app.view().focus(), Focus::Side);
    assert_eq!(app.entities().side().selected, 1);
}

#[test]
fn only_what_is_seen_gets_wrapped() {
    let mut doc = model_memo();
    let para = doc.blocks[6].clone();
    doc.blocks.splice(6..6, std::iter::repeat_n(para, 20_000));
    let mut app = app(doc, 80, 24);
    run(
        &mut app,
        &[
            A::PageDown,
            A::Bottom,
            A::Top,
            A::GotoDigit('5'),
            A::InputChar('0'),
            A::InputChar('%'),
        ],
    );
    draw(&app);
    assert!(
        app.wrapped_blocks() < 200,
        "{} blocks wrapped",
        app.wrapped_blocks()
    );
}

#[test]
fn the_whole_document_replaces_the_preview_on_the_same_words() {
    let whole = model_memo();
    let mut preview = whole.clone();
    preview.blocks.truncate(12);
    preview.footnotes.clear();
    let mut app = app(preview, 80, 24);
    app.set_loading(true);
    run(&mut app, &[A::NextParagraph; 8]);
    app.update(A::LineDown);
    let (top, words) = (app.top(), top_text(&app));
    assert!(common::screen(&app).contains("loading…"));
    app.replace_document(whole);
    assert_eq!(app.top(), top);
    assert_eq!(top_text(&app), words);
    assert!(!common::screen(&app).contains("loading…"));
    app.update(A::Bottom);
    assert!(common::screen(&app).contains("Dairen is the Japanese name"));
}

#[test]
fn help_scrolling_stops_at_its_end_so_k_answers_at_once() {
    let mut app = app(model_memo(), 80, 24);
    app.update(A::ToggleHelp);
    run(&mut app, &[A::PageDown; 20]);
    let scroll = |app: &App| match app.overlay() {
        Overlay::Help { scroll } => *scroll,
        other => panic!("help is not open: {other:?}"),
    };
    let end = scroll(&app);
    assert!(end > 0);
    app.update(A::LineUp);
    assert_eq!(scroll(&app), end - 1);
    // Every normal-mode binding appears in help.
    app.update(A::Resize(80, 200));
    run(&mut app, &[A::PageUp; 20]);
    let s = common::screen(&app);
    for doc in [
        "Quit memcon",
        "Go back in the jump list",
        "Collapse or expand the metadata pane",
    ] {
        assert!(s.contains(doc), "{doc} missing from help");
    }
}
