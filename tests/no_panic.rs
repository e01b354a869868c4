//! Random sizes and random action sequences on generated archive documents never panic, the
//! anchor stays valid, and the document's entities and search matches are valid ranges.
//! Documents come from the domain generators (`common/domain.rs`), built from the gazetteer's
//! names, titles, header labels, glosses and initials, with names at block, field and file ends.

mod common;
use common::domain;
use memcon::app::{Action, App, TargetLabel};
use memcon::document::Document;
use memcon::search::{Matcher, Query, find_all};
use proptest::prelude::*;

fn action() -> impl Strategy<Value = Action> {
    use Action as A;
    let simple = prop::sample::select(vec![
        A::LineDown,
        A::LineUp,
        A::PageDown,
        A::PageUp,
        A::HalfPageDown,
        A::HalfPageUp,
        A::Top,
        A::Bottom,
        A::NextParagraph,
        A::PrevParagraph,
        A::GotoPrompt,
        A::JumpBack,
        A::JumpForward,
        A::NextTarget,
        A::PrevTarget,
        A::ClearTargets,
        A::SearchForward,
        A::SearchBackward,
        A::ToggleHighlight,
        A::SearchToggleRegex,
        A::SearchToggleAccents,
        A::FocusNext,
        A::FocusPrev,
        A::Activate,
        A::ToggleMetadata,
        A::ToggleHelp,
        A::CloseHelp,
        A::ToggleEntitySort,
        A::ToggleEntityMarks,
        A::OpenConcordance,
        A::ConcordanceDown,
        A::ConcordanceUp,
        A::ConcordanceJump,
        A::CloseConcordance,
        A::InputBackspace,
        A::InputDelete,
        A::InputLeft,
        A::InputRight,
        A::InputHome,
        A::InputEnd,
        A::InputClear,
        A::InputHistoryPrev,
        A::InputHistoryNext,
        A::InputConfirm,
        A::InputCancel,
        A::AddBookmark,
        A::OpenBookmarks,
        A::NextBookmark,
        A::PrevBookmark,
        A::BookmarkListDown,
        A::BookmarkListUp,
        A::BookmarkListJump,
        A::BookmarkListEditNote,
        A::BookmarkListDelete,
        A::BookmarkListConfirm,
        A::BookmarkListUndo,
        A::CloseBookmarks,
        A::WriteBookmarks,
        A::SearchKeepRegex,
        A::StartSelection,
        A::Yank,
        A::YankCited,
        A::SelectNext,
        A::SelectPrev,
        A::SelectNextParagraph,
        A::SelectPrevParagraph,
        A::CancelSelection,
        A::ShowEntities,
        A::CloseEntities,
        A::LibraryOpen,
        A::LibrarySort,
        A::LibrarySearch,
        A::LibraryFilter,
        A::LibraryBack,
    ]);
    prop_oneof![
        4 => simple,
        1 => (0u16..320, 0u16..120).prop_map(|(w, h)| A::Resize(w, h)),
        1 => (0u16..320, 0u16..120, -5i16..5).prop_map(|(x, y, d)| A::ScrollAt(x, y, d)),
        1 => (0u16..320, 0u16..120).prop_map(|(x, y)| A::ClickAt(x, y)),
        1 => prop::sample::select(vec!['0', '5', '9', '%', 'x', 'ü', '旅', 'o', 'S', '(', '*', '.']).prop_map(A::InputChar),
        1 => prop::sample::select(vec!['1', '4', '9']).prop_map(A::GotoDigit),
    ]
}

fn check(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
        let _ = common::screen(app);
        let blocks = app.doc().blocks.len().max(1);
        assert!(app.top().block < blocks);
        // Where the reader chose to go when the end held the view short: also inside.
        assert!(app.view().reading().block < blocks);
    }
}

/// An App on `doc` after checking its entities and searches, with the matches of a word of
/// the document as targets (what `/word` and `n` walk).
fn reader(doc: Document, w: u16, h: u16, seed: usize) -> App {
    domain::check_all(&doc, seed);
    let mut app = common::app(doc, w, h);
    domain::check_entity_index(app.doc(), app.entities().index());
    if let Some(q) = domain::queries(app.doc(), seed).into_iter().next()
        && let Ok(m) = Matcher::new(&q)
    {
        let found = find_all(app.doc(), &m);
        app.set_targets(TargetLabel::Search(q.pattern.clone()), found, Some(0));
    }
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_generated_document_survives_anything(
        doc in domain::document(),
        seed in any::<usize>(),
        w in 0u16..300, h in 0u16..110,
        actions in prop::collection::vec(action(), 1..30),
    ) {
        let mut app = reader(doc, w, h, seed);
        check(&mut app, &actions);
    }

    /// The loader swaps the whole document in under a reader that has already moved.
    #[test]
    fn a_replaced_document_survives_anything(
        first in domain::document(),
        whole in domain::document(),
        w in 0u16..200, h in 0u16..60,
        before in prop::collection::vec(action(), 0..15),
        after in prop::collection::vec(action(), 1..15),
    ) {
        let mut app = reader(first, w, h, 0);
        check(&mut app, &before);
        let list = memcon::entities::extract(&whole);
        app.replace_document(whole);
        app.set_entities(list);
        let _ = common::screen(&app);
        check(&mut app, &after);
    }
}

/// A plain search typed into the reader finds a word of the document.
#[test]
fn a_typed_search_runs_on_a_generated_document() {
    let doc = memcon::document::load(
        "t",
        b"Title: Talks with Averell\n\nWe met Francis at Port Arthur [Dalian]",
    )
    .unwrap();
    let mut app = reader(doc, 80, 24, 3);
    app.update(Action::SearchForward);
    for c in "dalian".chars() {
        app.update(Action::InputChar(c));
    }
    app.update(Action::InputConfirm);
    let m = Matcher::new(&Query::plain("dalian")).unwrap();
    assert_eq!(find_all(app.doc(), &m).len(), 1);
    let _ = common::screen(&app);
}

#[test]
fn an_empty_document_is_drawn_without_panicking() {
    let mut app = common::app(memcon::document::Document::default(), 80, 24);
    check(
        &mut app,
        &[
            Action::PageDown,
            Action::Bottom,
            Action::Activate,
            Action::NextTarget,
        ],
    );
}

/// A jump remembered before the loader swapped in a shorter document lands inside the new one.
#[test]
fn a_jump_back_after_a_replaced_document_stays_inside_it() {
    let long = "A paragraph.\n\n".repeat(60);
    let long = memcon::document::load("t", long.as_bytes()).unwrap();
    for short in ["", "Only one."] {
        let mut app = common::app(long.clone(), 80, 24);
        app.update(Action::Bottom);
        app.update(Action::Top);
        app.update(Action::Bottom);
        let short = memcon::document::load("t", short.as_bytes()).unwrap();
        app.replace_document(short);
        check(
            &mut app,
            &[Action::JumpBack, Action::JumpForward, Action::JumpBack],
        );
    }
}

/// A search typed (and cancelled) after the loader swapped in a shorter document starts from,
/// and returns to, a place inside the new one.
#[test]
fn a_search_begun_before_a_replaced_document_stays_inside_it() {
    let long = "A paragraph about ports.\n\n".repeat(60);
    let long = memcon::document::load("t", long.as_bytes()).unwrap();
    for keys in [&[Action::InputChar('o')][..], &[Action::InputCancel]] {
        let mut app = common::app(long.clone(), 80, 24);
        app.update(Action::Bottom);
        app.update(Action::SearchForward);
        app.replace_document(memcon::document::Document::default());
        check(&mut app, keys);
    }
}
