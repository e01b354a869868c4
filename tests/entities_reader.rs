//! The entities pane, mention jumps and the concordance, driven through `update`.

mod common;
use common::*;
use memcon::app::{Action as A, App, Focus, Mode, TargetLabel};
use memcon::entities::EntityKind;

fn focus_side(app: &mut App) {
    while app.view().focus() != Focus::Side {
        app.update(A::FocusNext);
    }
}

/// Move the selection to the entity called `name`.
fn select(app: &mut App, name: &str) {
    focus_side(app);
    app.update(A::Top);
    let i = app
        .entities()
        .side()
        .items
        .iter()
        .position(|i| i.label == name)
        .unwrap_or_else(|| panic!("{name} listed"));
    let len = app.entities().side().items.len();
    for _ in 0..len {
        app.update(A::LineUp);
    }
    for _ in 0..i {
        app.update(A::LineDown);
    }
    assert_eq!(app.entities().side().selected_item().unwrap().label, name);
}

#[test]
fn the_pane_groups_entities_by_kind_with_counts() {
    let app = app(bundled(), 120, 40);
    let kinds: Vec<_> = app
        .entities()
        .side()
        .items
        .iter()
        .map(|i| i.kind.as_str())
        .collect();
    let first_person = kinds.iter().position(|k| *k == "person").unwrap();
    // The bundled memo names no organization: the archive and the funder are in the citation
    // and credits.
    let first_org = kinds
        .iter()
        .position(|k| *k == "organization")
        .unwrap_or(kinds.len());
    assert!(kinds[..first_person].iter().all(|k| *k == "place"));
    assert!(
        kinds[first_person..first_org]
            .iter()
            .all(|k| *k == "person")
    );
    let s = screen(&app);
    assert!(
        s.contains("Places") && s.contains("Dairen 2 · Dalian"),
        "{s}"
    );
}

#[test]
fn selecting_an_entity_makes_its_mentions_the_targets() {
    let mut app = app(bundled(), 120, 40);
    select(&mut app, "Dairen");
    let t = app.targets().expect("targets");
    assert_eq!(t.label, TargetLabel::Entity("Dairen".into()));
    // `Dalian` in Port Arthur's gloss, then `Dairen [Dalian]`: a name and its gloss are one
    // stop for n/N.
    let texts: Vec<_> = t.ranges.iter().map(|r| app.doc().text(*r)).collect();
    assert_eq!(texts, ["Dalian", "Dairen [Dalian]"]);
    assert!(screen(&app).contains("mention 1 of 2 · Dairen"));
    assert_eq!(
        app.view().focus(),
        Focus::Side,
        "moving the selection keeps the focus"
    );
}

#[test]
fn enter_goes_to_the_first_mention_and_n_walks_the_rest() {
    let mut app = app(bundled(), 80, 12);
    select(&mut app, "Sakhalin");
    app.update(A::Top);
    focus_side(&mut app);
    let before = app.top();
    app.update(A::Activate);
    assert_eq!(app.view().focus(), Focus::Body);
    let first = app.targets().unwrap().ranges[0];
    assert!(screen(&app).contains("Sakhalin"));
    assert!(app.top().block <= first.block && app.top() != before);
    app.update(A::JumpBack);
    assert_eq!(app.top(), before, "Ctrl-o returns");
    select(&mut app, "Outer Mongolia");
    app.update(A::Activate);
    app.update(A::NextTarget);
    assert!(screen(&app).contains("mention 2 of 2 · Outer Mongolia"));
}

#[test]
fn s_sorts_by_count_then_back_to_first_appearance() {
    let mut app = app(bundled(), 120, 40);
    let places = |app: &App| -> Vec<String> {
        app.entities()
            .side()
            .items
            .iter()
            .filter(|i| i.kind == EntityKind::Place)
            .map(|i| i.label.clone())
            .collect()
    };
    let by_appearance = places(&app);
    assert_eq!(by_appearance[0], "Moscow");
    app.update(A::ToggleEntitySort);
    let by_count = places(&app);
    assert_eq!(by_count[0], "Dairen", "the first place named twice");
    let counts: Vec<_> = app
        .entities()
        .side()
        .items
        .iter()
        .filter(|i| i.kind == EntityKind::Place)
        .map(|i| i.count)
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    app.update(A::ToggleEntitySort);
    assert_eq!(places(&app), by_appearance);
}

#[test]
fn concordance_enter_goes_to_that_mention() {
    let mut app = app(bundled(), 80, 12);
    select(&mut app, "Dairen");
    app.update(A::OpenConcordance);
    assert_eq!(app.mode(), Mode::Concordance);
    run(&mut app, &[A::ConcordanceDown, A::ConcordanceDown]);
    app.update(A::Top);
    let before = app.top();
    app.update(A::ConcordanceJump);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.view().focus(), Focus::Body);
    let t = app.targets().unwrap();
    assert_eq!(t.current, Some(1), "the selection stops at the last line");
    assert!(screen(&app).contains("mention 2 of 2 · Dairen"));
    app.update(A::JumpBack);
    assert_eq!(app.top(), before);
}

#[test]
fn concordance_without_an_entity_says_why() {
    let mut app = app(bundled(), 120, 40);
    app.set_entities(Vec::new());
    app.update(A::OpenConcordance);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.message().unwrap().contains("no entity selected"));
}

#[test]
fn entities_pane_80x24() {
    let mut app = app(bundled(), 80, 24);
    select(&mut app, "Port Arthur");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn concordance_80x24() {
    let mut app = app(bundled(), 80, 24);
    select(&mut app, "Dairen");
    app.update(A::OpenConcordance);
    app.update(A::ConcordanceDown);
    let s = screen(&app);
    assert!(s.contains("Dairen · place · also Dalian"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn entity_names_are_marked_in_the_title() {
    use ratatui::style::Color;
    let app = app(bundled(), 120, 40);
    let buf = draw(&app);
    let text = text_of(&buf);
    let at = |word: &str| -> (u16, u16) {
        text.lines()
            .enumerate()
            .find_map(|(y, l)| {
                let byte = l.find(word)?;
                Some((l[..byte].chars().count() as u16, y as u16))
            })
            .unwrap_or_else(|| panic!("{word} on screen"))
    };
    let (x, y) = at("Averell Harriman");
    assert_eq!(buf[(x, y)].fg, Color::Cyan, "a person in the title");
    let (x, y) = at("Title: Memorandum");
    assert_ne!(buf[(x + 7, y)].fg, Color::Cyan, "an ordinary word");
}

#[test]
fn a_long_concordance_scrolls_with_its_selection_and_shows_only_its_screen() {
    let memo = memcon::BUNDLED;
    let start = memo.find("One side light").unwrap();
    let end = memo.rfind("WAH").unwrap();
    let mut text = memo[..start].to_string();
    for i in 0..40 {
        text.push_str(&format!(
            "Paragraph {i}: the line to Dairen was discussed.\n\n"
        ));
    }
    text.push_str(&memo[start..end]);
    let doc = memcon::document::load("t", text.as_bytes()).unwrap();
    let mut app = app(doc, 100, 20);
    select(&mut app, "Dairen");
    app.update(A::OpenConcordance);
    let total = app.concordance_ranges().len();
    assert!(total > 40);
    let height = app.concordance_height();
    assert!(height < 20);
    for _ in 0..30 {
        app.update(A::ConcordanceDown);
    }
    let s = screen(&app);
    assert!(
        s.contains("Paragraph 30: the line to"),
        "the selection is shown:\n{s}"
    );
    assert!(!s.contains("Paragraph 5:"), "scrolled past the top:\n{s}");
    assert!(s.contains(&format!("{total} mentions")), "{s}");
    // Back up a little: the list does not move until the selection reaches its top.
    run(&mut app, &[A::ConcordanceUp; 3]);
    let s = screen(&app);
    assert!(
        s.contains("Paragraph 30: the line to") && s.contains("Paragraph 27:"),
        "{s}"
    );
    app.update(A::ConcordanceJump);
    assert_eq!(
        app.targets().unwrap().counter(),
        format!("mention 28 of {total}")
    );
}

#[test]
fn names_in_the_text_are_marked_by_kind_and_e_turns_the_marks_off() {
    use ratatui::style::Color;
    let mut app = app(model_memo(), 100, 30);
    app.update(A::NextParagraph);
    let fg_of = |app: &App, word: &str| -> Color {
        let buf = draw(app);
        let p = app.panes().unwrap().text;
        for y in p.y..p.y + p.height {
            let row: String = (p.x..p.x + p.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            if let Some(at) = row.find(word) {
                return buf[(p.x + row[..at].chars().count() as u16, y)].fg;
            }
        }
        panic!("{word} not in the body:\n{}", text_of(&buf));
    };
    assert_eq!(fg_of(&app, "Dairen"), Color::Green, "a place");
    assert_eq!(fg_of(&app, "Stalin"), Color::Cyan, "a person");
    assert_eq!(fg_of(&app, "naval"), Color::Reset, "an ordinary word");
    app.update(A::ToggleEntityMarks);
    assert_eq!(app.message(), Some("entity marks off"));
    assert_eq!(fg_of(&app, "Dairen"), Color::Reset);
}
