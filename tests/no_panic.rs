//! Random sizes and random action sequences never panic, and the anchor stays valid.

mod common;
use memcon::app::{Action, App};
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
        let top = app.top();
        assert!(top.block < app.doc().blocks.len().max(1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_bundled_memo_survives_anything(
        w in 0u16..300, h in 0u16..110,
        actions in prop::collection::vec(action(), 1..30),
    ) {
        let mut app = common::app(common::bundled(), w, h);
        check(&mut app, &actions);
    }

    #[test]
    fn the_model_memo_with_targets_survives_anything(
        w in 0u16..200, h in 0u16..60,
        actions in prop::collection::vec(action(), 1..30),
    ) {
        let mut app = common::app(common::model_memo(), w, h);
        let ranges = (0..app.doc().blocks.len()).step_by(3)
            .map(|b| memcon::document::TextRange::new(b, 0, 3.min(app.doc().blocks[b].text.len())))
            .collect();
        app.set_targets(memcon::app::TargetLabel::Search("x".into()), ranges, None);
        check(&mut app, &actions);
    }
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
