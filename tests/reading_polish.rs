//! Reading polish on screen: cut text ends in `…` and never inside a glyph, the metadata pane
//! has one name, overlays at small sizes.

mod common;
use common::*;
use memcon::app::{Action as A, App, Focus};
use memcon::document::Document;
use memcon::entities::{Entity, EntityKind, Mention, Site};
use unicode_width::UnicodeWidthStr;

/// A mention of `text` in block `block` of `doc`.
fn mention(doc: &Document, block: usize, text: &str) -> Mention {
    let start = doc.blocks[block].text.find(text).expect("in the block");
    Mention {
        site: Site::Block(block as u32),
        start: start as u32,
        end: (start + text.len()) as u32,
        adjectival: false,
    }
}

/// The model memo with entities whose names are too long for the side pane, some in wide
/// or combining characters.
fn long_names() -> App {
    let mut doc = model_memo();
    doc.blocks[5].text = "Stalin met Generalissimo Chiang Kai-shek Jiang Jieshi at Lüshunkou \
                          District 旅顺口区 and Pe\u{301}rez Jime\u{301}nez y Ballesteros."
        .into();
    doc.blocks[5].spans = Box::default();
    let entities = vec![
        Entity {
            kind: EntityKind::Place,
            name: "Lüshunkou District".into(),
            aliases: vec!["旅顺口区".into()],
            mentions: vec![
                mention(&doc, 5, "Lüshunkou District"),
                mention(&doc, 5, "旅顺口区"),
            ],
        },
        Entity {
            kind: EntityKind::Person,
            name: "Generalissimo Chiang Kai-shek".into(),
            aliases: vec!["Jiang Jieshi".into()],
            mentions: vec![mention(&doc, 5, "Chiang Kai-shek")],
        },
        Entity {
            kind: EntityKind::Person,
            name: "Pe\u{301}rez Jime\u{301}nez y Ballesteros".into(),
            aliases: vec![],
            mentions: vec![mention(
                &doc,
                5,
                "Pe\u{301}rez Jime\u{301}nez y Ballesteros",
            )],
        },
    ];
    let mut app = App::with_entities(doc, (80, 24), entities);
    app.update(A::Resize(80, 24));
    app
}

#[test]
fn cut_side_entries_end_in_an_ellipsis_and_keep_whole_glyphs() {
    let app = long_names();
    let buf = draw(&app);
    let side = app.panes().unwrap().side.unwrap();
    let inner = side.width as usize - 2;
    let rows: Vec<String> = (side.y + 1..side.y + side.height - 1)
        .map(|y| {
            (side.x + 1..side.x + side.width - 1)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    let cut: Vec<&String> = rows.iter().filter(|r| r.contains('…')).collect();
    assert_eq!(cut.len(), 2, "{rows:#?}");
    for r in &cut {
        // The name is cut, its mention count still shows after it.
        let r = r.trim_end();
        assert!(r.ends_with("… 1"), "{r:?}");
        assert!(r.width() <= inner, "{r:?}");
    }
    // Aliases that do not fit are left out rather than shown as a stub.
    assert!(
        rows.iter().any(|r| r.trim() == "Lüshunkou District 2"),
        "{rows:#?}"
    );
    // The accented name keeps its combining accent with its letter.
    let s = screen(&app);
    assert!(s.contains("Pe\u{301}rez Jime\u{301}nez"), "{s}");
    insta::assert_snapshot!("cut_side_entries_80x24", s);
}

#[test]
fn the_metadata_pane_has_one_name_in_its_title_and_the_status_line() {
    let mut app = app(model_memo(), 80, 24);
    while app.view().focus() != Focus::Metadata {
        app.update(A::FocusNext);
    }
    let s = screen(&app);
    let name = Focus::Metadata.name();
    assert_eq!(name, "Document");
    assert!(
        s.lines().next().unwrap().contains(&format!(" {name} ")),
        "{s}"
    );
    assert!(
        s.lines().last().unwrap().contains(&format!(" {name} ")),
        "{s}"
    );
    // Collapsed, it is one row with the same name.
    app.update(A::ToggleMetadata);
    let s = screen(&app);
    assert!(s.contains(&format!("▸ {name} ")), "{s}");
}

#[test]
fn pane_titles_that_do_not_fit_are_cut_with_an_ellipsis() {
    let mut app = long_names();
    while app.view().focus() != Focus::Side {
        app.update(A::FocusNext);
    }
    app.update(A::SearchForward);
    for c in "Generalissimo Chiang".chars() {
        app.update(A::InputChar(c));
    }
    app.update(A::InputConfirm);
    let buf = draw(&app);
    let side = app.panes().unwrap().side.unwrap();
    let top: String = (side.x..side.x + side.width)
        .map(|x| buf[(x, side.y)].symbol().to_string())
        .collect();
    assert!(top.contains('…'), "{top}");
    assert!(top.ends_with('┐'), "{top}");
}

#[test]
fn the_pane_and_memcon_entities_count_alike_and_metadata_only_names_never_show_0() {
    // The bundled memo with a summary that names a place the transcript does not.
    let text = memcon::BUNDLED.replace(
        "the issue of Outer Mongolia.",
        "the issue of Outer Mongolia, as seen from Vladivostok.",
    );
    let doc = memcon::document::load("bundled", text.as_bytes()).expect("loads");
    let entities = memcon::entities::extract(&doc);
    let table = memcon::commands::entities::table(&doc, &entities);
    let mut app = App::with_entities(doc, (120, 60), entities);
    app.update(A::Resize(120, 60));
    for item in &app.entities().side().items {
        let row = table
            .lines()
            .find(|l| l.split("  ").any(|c| c.trim() == item.label))
            .unwrap_or_else(|| panic!("{} in {table}", item.label));
        let numbers: Vec<usize> = row
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert_eq!(
            numbers[..2],
            [item.count, item.in_metadata],
            "{}: {row}",
            item.label
        );
    }
    let s = screen(&app);
    assert!(s.contains(" Vladivostok meta"), "{s}");
    assert!(!s.contains(" 0 ") && !s.contains(" 0│"), "{s}");
    // Selecting it says where it is named.
    while app.view().focus() != Focus::Side {
        app.update(A::FocusNext);
    }
    let at = app
        .entities()
        .side()
        .items
        .iter()
        .position(|i| i.label == "Vladivostok")
        .unwrap();
    for _ in 0..at {
        app.update(A::LineDown);
    }
    assert_eq!(app.message(), Some("1 mention in the metadata"));
    let status = screen(&app).lines().last().unwrap().to_string();
    assert!(
        status.contains("only in the metadata · Vladivostok"),
        "{status}"
    );
}

/// The concordance of `name` on the bundled memo at `w`×`h`.
fn concordance(name: &str, w: u16, h: u16) -> App {
    let mut app = app(bundled(), w, h);
    let at = app
        .entities()
        .side()
        .items
        .iter()
        .position(|i| i.label == name)
        .unwrap();
    // The entities overlay reaches the list at any size.
    app.update(A::ShowEntities);
    for _ in 0..at {
        app.update(A::LineDown);
    }
    app.update(A::OpenConcordance);
    app
}

#[test]
fn the_concordance_lines_up_each_name_with_even_context_and_paragraph_numbers() {
    let app = concordance("Stalin", 80, 24);
    let s = screen(&app);
    let buf = draw(&app);
    let theme = app.theme();
    let is_name = |x: u16, y: u16| {
        let st = buf[(x, y)].style();
        st.bg == theme.target.bg || st.bg == theme.target_current.bg
    };
    let rows: Vec<u16> = (0..24)
        .filter(|&y| (0..80).any(|x| buf[(x, y)].symbol() == "¶") && y < 23)
        .collect();
    assert_eq!(rows.len(), 9, "{s}");
    // Each name starts in the same column, with as many columns of context before it.
    let starts: Vec<u16> = rows
        .iter()
        .map(|&y| (0..80).find(|&x| is_name(x, y)).expect("a name"))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}\n{s}");
    // Each line starts with its paragraph's number, as the status line counts them.
    let numbers: Vec<String> = s
        .lines()
        .filter_map(|l| l.split("│¶").nth(1))
        .map(|rest| rest.split(' ').next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = app
        .concordance_ranges()
        .iter()
        .map(|r| app.view().paragraphs().number_at(r.block).to_string())
        .collect();
    assert_eq!(numbers, expected);
    assert_eq!(
        numbers.first().map(String::as_str),
        Some("0"),
        "the subject line"
    );
    assert_eq!(numbers.last().map(String::as_str), Some("4"));
    insta::assert_snapshot!("concordance_stalin_80x24", s);
    insta::assert_snapshot!(
        "concordance_stalin_40x12",
        screen(&concordance("Stalin", 40, 12))
    );
}

#[test]
fn below_72_columns_e_shows_the_entities_list_over_the_screen() {
    let mut app = app(bundled(), 40, 12);
    assert!(app.panes().unwrap().side.is_none(), "no pane at this size");
    app.update(A::ShowEntities);
    assert_eq!(app.mode(), memcon::app::Mode::Entities);
    let s = screen(&app);
    assert!(s.contains("Entities (14)") && s.contains("Places"), "{s}");
    assert!(s.lines().last().unwrap().contains("Entities"), "{s}");
    insta::assert_snapshot!("entities_overlay_40x12", s);

    // j selects (its mentions become the targets), Enter closes it on the first mention.
    let dairen = app
        .entities()
        .side()
        .items
        .iter()
        .position(|i| i.label == "Dairen")
        .unwrap();
    for _ in 0..dairen {
        app.update(A::LineDown);
    }
    app.update(A::Activate);
    assert_eq!(app.mode(), memcon::app::Mode::Normal);
    let s = screen(&app);
    assert!(
        s.contains("District, Dalian]"),
        "the body shows the mention: {s}"
    );
    assert!(s.contains("mention 1 of 2"), "{s}");
    app.update(A::NextTarget);
    assert!(screen(&app).contains("mention 2 of 2"), "n walks on");
    let current = app.targets().unwrap().current_range().unwrap();
    assert_eq!(app.doc().text(current), "Dairen [Dalian]");

    // The concordance opened from the list goes back to it.
    app.update(A::ShowEntities);
    app.update(A::OpenConcordance);
    assert_eq!(app.mode(), memcon::app::Mode::Concordance);
    app.update(A::CloseConcordance);
    assert_eq!(app.mode(), memcon::app::Mode::Entities);
    app.update(A::CloseEntities);

    // `/` filters the list; Esc closes it.
    app.update(A::ShowEntities);
    app.update(A::SearchForward);
    for c in "soong".chars() {
        app.update(A::InputChar(c));
    }
    app.update(A::InputConfirm);
    assert_eq!(app.entities().side().items.len(), 1);
    assert!(screen(&app).contains("T. V. Soong"));
    app.update(A::CloseEntities);
    assert_eq!(app.mode(), memcon::app::Mode::Normal);
}

#[test]
fn the_entities_list_over_the_screen_works_at_any_size() {
    for (w, h) in [(30, 8), (100, 30), (200, 60)] {
        let mut app = app(bundled(), w, h);
        app.update(A::ShowEntities);
        let s = screen(&app);
        assert!(s.contains("Entities (14)"), "{w}x{h}: {s}");
        app.update(A::Bottom);
        assert_eq!(
            app.entities().side().selected,
            app.entities().side().items.len() - 1
        );
    }
}

fn typed(app: &mut App, text: &str) -> Option<memcon::app::Effect> {
    let mut last = None;
    for c in text.chars() {
        last = app.update(A::InputChar(c));
    }
    last
}

#[test]
fn colon_q_quits_as_in_vim() {
    for command in ["q", "quit", "q!", "qa"] {
        let mut app = app(bundled(), 80, 24);
        app.update(A::GotoPrompt);
        typed(&mut app, command);
        assert_eq!(
            app.update(A::InputConfirm),
            Some(memcon::app::Effect::Quit),
            ":{command}"
        );
    }
    // Numbers still go to paragraphs.
    let mut app = app(bundled(), 80, 24);
    app.update(A::GotoPrompt);
    typed(&mut app, "2");
    assert_eq!(app.update(A::InputConfirm), None);
    assert_eq!(app.paragraph().0, 2);
}

#[test]
fn colon_noh_hides_highlights_until_the_next_search_or_n() {
    let mut app = app(bundled(), 80, 24);
    app.update(A::SearchForward);
    typed(&mut app, "stalin");
    app.update(A::InputConfirm);
    assert!(app.search().highlight());
    app.update(A::GotoPrompt);
    typed(&mut app, "noh");
    app.update(A::InputConfirm);
    assert!(!app.search().highlight(), "hidden");
    assert!(app.targets().is_some(), "the matches stay for n");
    let theme = *app.theme();
    let lit = |app: &App| {
        let buf = draw(app);
        let bgs = [theme.target.bg, theme.target_current.bg];
        buf.content().iter().any(|c| bgs.contains(&Some(c.bg)))
    };
    assert!(!lit(&app), "no cell drawn as a match");
    app.update(A::NextTarget);
    assert!(app.search().highlight() && lit(&app), "n shows them again");
    app.update(A::GotoPrompt);
    typed(&mut app, "nohlsearch");
    app.update(A::InputConfirm);
    assert!(!app.search().highlight());
    app.update(A::SearchForward);
    typed(&mut app, "soong");
    app.update(A::InputConfirm);
    assert!(app.search().highlight(), "a new search shows them");
}

#[test]
fn the_regex_toggle_is_for_one_search_unless_kept() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    app.update(A::SearchToggleRegex);
    assert!(app.search().regex());
    typed(&mut app, r"S\w+g\b");
    app.update(A::InputConfirm);
    let current = app.targets().unwrap().current_range().unwrap();
    assert_eq!(
        app.doc().text(current),
        "Soong",
        "matched as a regular expression"
    );
    // The next search is plain text again: the same pattern finds nothing.
    app.update(A::SearchForward);
    assert!(!app.search().regex());
    assert!(screen(&app).contains("text (Ctrl-r this search, Alt-r keep)"));
    typed(&mut app, r"S\w+g\b");
    assert_eq!(app.input().unwrap().error.as_deref(), Some("not found"));
    app.update(A::InputCancel);
    // Alt-r switches and keeps it: every search after it is a regex until switched back.
    app.update(A::SearchForward);
    app.update(A::SearchKeepRegex);
    assert!(app.search().regex() && app.search().regex_kept());
    assert!(screen(&app).contains("regex, kept"));
    app.update(A::InputCancel);
    app.update(A::SearchBackward);
    assert!(app.search().regex(), "kept for the next search");
    app.update(A::SearchToggleRegex);
    assert!(!app.search().regex(), "Ctrl-r still switches one search");
    app.update(A::InputCancel);
    app.update(A::SearchForward);
    assert!(app.search().regex());
    app.update(A::SearchKeepRegex);
    app.update(A::InputCancel);
    app.update(A::SearchForward);
    assert!(!app.search().regex(), "switched back and kept");
}

#[test]
fn help_cuts_a_long_list_of_keys_and_keeps_the_text_column() {
    use memcon::app::Mode;
    use memcon::app::keymap::{Keymap, parse_key};
    let mut keymap = Keymap::default();
    let keys: Vec<_> = ["x", "ctrl-x", "alt-x", "ctrl-q", "alt-q", "pagedown", "f9"]
        .iter()
        .map(|k| parse_key(k).unwrap())
        .collect();
    assert!(keymap.rebind(Mode::Normal, A::Quit, &keys));
    let mut app = app(bundled(), 80, 60);
    app.set_keymap(keymap);
    app.update(A::ToggleHelp);
    let s = screen(&app);
    let row = s
        .lines()
        .find(|l| l.contains("Quit memcon"))
        .unwrap_or_else(|| panic!("{s}"));
    let reference = s
        .lines()
        .find(|l| l.contains("Show or hide this help"))
        .unwrap();
    assert!(row.contains("x Ctrl-x Alt-x"), "{row}");
    assert!(row.contains('…'), "{row}");
    let column = |line: &str, text: &str| line[..line.find(text).unwrap()].width();
    assert_eq!(
        column(row, "Quit memcon"),
        column(reference, "Show or hide this help")
    );
}

#[test]
fn help_at_40x12_gives_the_text_room() {
    let mut app = app(bundled(), 40, 12);
    app.update(A::ToggleHelp);
    let s = screen(&app);
    assert!(s.contains("Scroll down one line"), "{s}");
    insta::assert_snapshot!("help_40x12", s);
}
