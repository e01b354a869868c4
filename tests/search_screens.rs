//! Screens while searching: the input line, highlighted matches (body and metadata), the
//! counter. Highlights are shown in the snapshots as a line under each screen row: `~` under
//! a highlighted match, `^` under the current one.

mod common;
use common::*;
use memcon::app::{Action as A, App};
use memcon::theme::Theme;
use ratatui::style::Color;

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(A::InputChar(c));
    }
}

/// The screen with a marker line under every row that has a highlighted cell.
fn marked(app: &App) -> String {
    let buf = draw(app);
    let theme = Theme::new(true);
    let (target, current) = (theme.target.bg, theme.target_current.bg);
    let text = text_of(&buf);
    let mut out = String::new();
    for (y, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        let mut marks = String::new();
        let mut any = false;
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y as u16)];
            let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            let bg = Some(cell.bg).filter(|c| *c != Color::Reset);
            let m = if bg.is_some() && bg == current {
                '^'
            } else if bg.is_some() && bg == target {
                '~'
            } else {
                ' '
            };
            any |= m != ' ';
            marks.push(m);
            x += w as u16;
        }
        if any {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn typing_a_query_highlights_matches_and_shows_the_input_line() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    typed(&mut app, "stalin");
    let s = marked(&app);
    assert!(s.contains("/stalin"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn after_enter_and_n_the_counter_says_which_match() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    typed(&mut app, "Stalin");
    run(&mut app, &[A::InputConfirm, A::NextTarget, A::NextTarget]);
    let s = marked(&app);
    assert!(s.contains("match 3 of"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn an_invalid_regex_is_explained_in_the_input_line() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    app.update(A::SearchToggleRegex);
    typed(&mut app, "Dair(en");
    let s = screen(&app);
    let last = s.lines().last().unwrap_or("");
    assert!(last.contains("invalid pattern: unclosed group"), "{last}");
    insta::assert_snapshot!(last);
}

#[test]
fn accent_insensitive_match_is_highlighted_on_the_original_letters() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    typed(&mut app, "lushunkou");
    let s = marked(&app);
    let line = s
        .lines()
        .position(|l| l.contains("Lüshunkou"))
        .expect("the match is on screen");
    let row = s.lines().nth(line).unwrap();
    let marks = s.lines().nth(line + 1).unwrap();
    let col = row.chars().position(|c| c == 'L').unwrap();
    let under: String = marks.chars().skip(col).take(9).collect();
    assert_eq!(under, "^^^^^^^^^", "{row}\n{marks}");
}

#[test]
fn a_small_terminal_shows_the_search_line_and_the_counter() {
    let mut app = app(bundled(), 40, 12);
    app.update(A::SearchForward);
    typed(&mut app, "dairen");
    insta::assert_snapshot!("small_typing", marked(&app));
    app.update(A::InputConfirm);
    insta::assert_snapshot!("small_confirmed", marked(&app));
}

#[test]
fn highlighting_can_be_switched_off_and_on() {
    let mut app = app(bundled(), 100, 30);
    app.update(A::SearchForward);
    typed(&mut app, "soong");
    app.update(A::InputConfirm);
    assert!(marked(&app).contains('~'));
    app.update(A::ToggleHighlight);
    let off = marked(&app);
    assert!(!off.contains('~') && !off.contains('^'), "{off}");
    assert!(off.contains("highlighting off"), "{off}");
    assert!(off.contains("match 1 of"), "the targets stay: {off}");
    app.update(A::ToggleHighlight);
    assert!(marked(&app).contains('~'));
}
