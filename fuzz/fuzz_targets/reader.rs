//! Document + a session of actions at fuzzed sizes, drawn on ratatui's TestBackend after
//! every step, with the loader's swap of the whole document in the middle: never a panic, and
//! the reading position stays inside the document.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use memcon::app::App;
use memcon::document::load;
use memcon_fuzz::Step;
use ratatui::{Terminal, backend::TestBackend};

#[derive(Debug, Arbitrary)]
struct Input {
    text: Vec<u8>,
    /// The whole document the loader swaps in on a `Replace` step.
    whole: Vec<u8>,
    width: u8,
    height: u8,
    steps: Vec<Step>,
}

fn draw(app: &App) {
    let (w, h) = app.view().size();
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| memcon::ui::render(app, f)).expect("drawing");
}

fuzz_target!(|input: Input| {
    let (Ok(doc), Ok(whole)) = (load("fuzz", &input.text), load("fuzz", &input.whole)) else {
        return;
    };
    let (w, h) = (u16::from(input.width), u16::from(input.height));
    let mut app = App::new(doc, (w, h));
    app.update(memcon::app::Action::Resize(w, h));
    let mut whole = Some(whole);
    for step in input.steps.iter().take(64) {
        match step.action() {
            Some(action) => {
                app.update(action);
            }
            None => {
                if let Some(doc) = whole.take() {
                    let list = memcon::entities::extract(&doc);
                    app.replace_document(doc);
                    app.set_entities(list);
                }
            }
        }
        draw(&app);
        assert!(
            app.top().block < app.doc().blocks.len().max(1),
            "top outside the document"
        );
    }
});
