//! Bookmark quotes in the reader: whole sentences for search hits, mentions and paragraphs;
//! `:N` then `m` at the end of a short document; quotes taken again from an edited text.

use memcon::app::{Action, App, TargetLabel};
use memcon::bookmarks::{BookmarkStore, DocRef, ParagraphIndex, StorePaths, place_all, report};
use memcon::document::{self, Location, TextRange};
use memcon::reader::{Driver, StoreLink};
use std::path::{Path, PathBuf};

struct Fixture {
    _dir: tempfile::TempDir,
    doc: PathBuf,
    data: PathBuf,
}

impl Fixture {
    fn new(text: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("memo.txt");
        std::fs::write(&doc, text).unwrap();
        let data = dir.path().join("data");
        Self {
            _dir: dir,
            doc,
            data,
        }
    }

    fn reader(&self, w: u16, h: u16) -> Driver {
        let text = std::fs::read(&self.doc).unwrap();
        let d = document::load("memo", &text).unwrap();
        let store = BookmarkStore::open(StorePaths::in_dir(&self.data));
        let link = StoreLink::new(Ok(store), Some(self.doc.clone()));
        let mut r = Driver::new(App::new(d, (w, h)), link, None);
        r.handle(Action::Resize(w, h));
        r
    }

    fn saved(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.data.join("bookmarks.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

fn add(r: &mut Driver, note: &str) {
    r.handle(Action::AddBookmark);
    for c in note.chars() {
        r.handle(Action::InputChar(c));
    }
    r.handle(Action::InputConfirm);
}

fn range_of(app: &App, para: usize, words: &str) -> TextRange {
    let block = app.view().paragraphs().block_of(para).unwrap();
    let start = app.doc().blocks[block].text.find(words).unwrap();
    TextRange::new(block, start, start + words.len())
}

#[test]
fn a_search_hit_is_quoted_as_its_sentence() {
    let fx = Fixture::new(memcon::BUNDLED);
    let mut r = fx.reader(80, 16);
    let range = range_of(r.app(), 2, "Dairen");
    let app = r.app_mut();
    app.set_targets(TargetLabel::Search("Dairen".into()), vec![range], Some(0));
    app.jump_to(range.location());
    add(&mut r, "");
    let a = &fx.saved()["bookmarks"][0]["anchor"];
    assert_eq!(
        a["passage"],
        "Stalin wants naval facilities at Dairen [Dalian]."
    );
    assert_eq!(a["quote"], "Dairen", "the anchor keeps the marked words");
    assert_eq!(
        r.app().bookmarks().placed()[0].quote,
        "Stalin wants naval facilities at Dairen [Dalian]."
    );
}

#[test]
fn a_mention_is_quoted_as_its_sentence() {
    let fx = Fixture::new(memcon::BUNDLED);
    let mut r = fx.reader(80, 16);
    let entities = r.app().entities();
    let entity = entities
        .list()
        .iter()
        .position(|e| e.name == "Outer Mongolia")
        .expect("Outer Mongolia is found");
    let name = entities.list()[entity].name.clone();
    let ranges = entities.index().stops_of(entity, r.app().doc());
    let second = ranges[1];
    let app = r.app_mut();
    app.set_targets(TargetLabel::Entity(name), ranges, Some(1));
    app.jump_to(second.location());
    add(&mut r, "");
    let quote = &r.app().bookmarks().placed()[0].quote;
    assert!(
        quote.starts_with("Stalin showed Soong a map")
            && quote.ends_with("from Outer Mongolia, specifically Japanese."),
        "{quote}"
    );
}

#[test]
fn a_paragraph_is_quoted_in_whole_sentences_with_the_cut_marked() {
    let fx = Fixture::new(memcon::BUNDLED);
    let mut r = fx.reader(80, 16);
    let block = r.app().view().paragraphs().block_of(3).unwrap();
    r.app_mut().jump_to(Location::new(block, 0));
    add(&mut r, "");
    let p = &r.app().bookmarks().placed()[0];
    assert_eq!(p.paragraph, 3);
    // ¶3 is three sentences: the first (94 characters) is short, so the second comes too.
    assert_eq!(
        p.quote,
        "Soong got the impression that Outer Mongolia was the most important question in \
         Stalin's mind. Stalin showed Soong a map and indicated on it the long reaches of the \
         Siberian frontier which were contiguous and emphasized the danger to the Siberian \
         railroad of unfriendly forces operating from Outer Mongolia, specifically Japanese. …"
    );
}

/// A short memo of my own: at 80×16 its end is on screen from the second paragraph on.
const SHORT: &str = "Memorandum of Conversation

Present: Mr. A. B. Smith, Counselor of Embassy

The Counselor called at noon. He said that the talks on the railway had stalled.

Mr. Smith added that the U.S.S.R. wanted the line kept open. He did not say why.

The third point concerned grain. No. 4 of the list was wheat.

The meeting ended at one o'clock.
";

#[test]
fn goto_paragraph_then_m_at_the_end_of_a_short_document_marks_that_paragraph() {
    let fx = Fixture::new(SHORT);
    let mut r = fx.reader(80, 16);
    assert!(r.app().view().at_end(), "the whole memo fits on screen");
    r.handle(Action::GotoDigit('3'));
    r.handle(Action::InputConfirm);
    assert_eq!(r.app().paragraph(), (3, 4), "the status shows ¶3");
    let status = common_screen(r.app());
    assert!(status.contains("¶ 3/4"), "{status}");
    add(&mut r, "");
    assert!(r.app().message().unwrap().contains("¶ 3"));
    let p = &r.app().bookmarks().placed()[0];
    assert_eq!(p.paragraph, 3);
    assert_eq!(
        p.quote,
        "The third point concerned grain. No. 4 of the list was wheat."
    );
    // Scrolling makes the top row the reading position again.
    r.handle(Action::LineUp);
    assert_eq!(
        r.app().paragraph().0,
        r.app().view().paragraphs().number_at(r.app().top().block)
    );
}

fn common_screen(app: &App) -> String {
    let (w, h) = app.view().size();
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| memcon::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn after_an_edit_the_current_words_are_quoted_and_the_change_is_noted() {
    let fx = Fixture::new(memcon::BUNDLED);
    let mut r = fx.reader(80, 16);
    let range = range_of(r.app(), 2, "Dairen");
    r.app_mut()
        .set_targets(TargetLabel::Search("Dairen".into()), vec![range], Some(0));
    r.app_mut().jump_to(range.location());
    add(&mut r, "naval base");
    drop(r);

    let edited = memcon::BUNDLED.replace(
        "Stalin wants naval facilities at Dairen [Dalian].",
        "Stalin wants naval and air facilities at Dairen [Dalian].",
    );
    std::fs::write(&fx.doc, &edited).unwrap();
    let r = fx.reader(80, 16);
    let p = &r.app().bookmarks().placed()[0];
    assert!(p.changed);
    assert_eq!(
        p.quote,
        "Stalin wants naval and air facilities at Dairen [Dalian]."
    );
    let list = {
        let mut app = r;
        app.handle(Action::OpenBookmarks);
        common_screen(app.app())
    };
    assert!(list.contains("changed since marked"), "{list}");

    // The exports: JSON keeps both quotes, Markdown shows the current one and says so.
    let doc = document::load("memo", edited.as_bytes()).unwrap();
    let store = BookmarkStore::open(StorePaths::in_dir(&fx.data));
    let docref = DocRef::of(&doc, Some(Path::new(&fx.doc)));
    let placed = place_all(
        &doc,
        &ParagraphIndex::new(&doc),
        store.for_document(&docref),
    );
    let groups = report::for_placed(&doc, &docref, &placed);
    let json: serde_json::Value = serde_json::from_str(&report::json(&groups)).unwrap();
    let b = &json["documents"][0]["bookmarks"][0];
    assert_eq!(b["changed"], true);
    assert_eq!(
        b["quote"],
        "Stalin wants naval and air facilities at Dairen [Dalian]."
    );
    assert_eq!(
        b["quote_as_marked"],
        "Stalin wants naval facilities at Dairen [Dalian]."
    );
    let md = report::markdown(&groups);
    assert!(
        md.contains("> Stalin wants naval and air facilities at Dairen [Dalian].\n"),
        "{md}"
    );
    assert!(md.contains("Changed since marked"), "{md}");

    // An unchanged text says nothing of the kind.
    std::fs::write(&fx.doc, memcon::BUNDLED).unwrap();
    let r = fx.reader(80, 16);
    assert!(!r.app().bookmarks().placed()[0].changed);
}
