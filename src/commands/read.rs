//! `memcon [FILE]`: load everything that can fail, then hand over to the interactive
//! reader inside the terminal guard.

use crate::app::App;
use crate::bookmarks::BookmarkStore;
use crate::contain;
use crate::loading::Opened;
use crate::paths::Dirs;
use crate::reader::{self, Driver, Exit, StoreLink};
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: Option<&Path>, dirs: &Dirs, limits: &Limits) -> Result<ExitCode, String> {
    // Jobs the reader can live without log their panics instead of ending it.
    let state = dirs.state.clone().unwrap_or_else(std::env::temp_dir);
    contain::set_log_file(state.join(contain::LOG_FILE));
    contain::install_hook();
    let Opened { doc, pending } = open_for_reading(path, limits)?;
    crate::terminal::check_tty()?;
    // crossterm turns its colour codes into a full reset under NO_COLOR, which would also
    // drop reverse video: keep its colour output on and draw with a colourless theme instead.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    crossterm::style::force_color_output(true);
    let mut warnings = doc.warnings.clone();
    let (aliases, problem) = match dirs.alias_file() {
        Some(p) => crate::entities::aliases::load(&p, limits.alias_file),
        None => Default::default(),
    };
    warnings.extend(problem);
    let (mut app, pending) = match pending {
        // A small document's entities are found now, so the first screen lists them.
        None => {
            let found = contain::run("entities", || {
                contain::debug_fail("entities");
                crate::entities::extract_with_user(&doc, &aliases)
            });
            let mut app = App::with_entities(doc, (80, 24), Vec::new());
            match found {
                Ok(list) => app.set_entities(list),
                Err(f) => app.entities_failed(f.message()),
            }
            (app, None)
        }
        // A big one's come with the whole document.
        Some(p) => {
            let mut app = App::with_entities(doc, (80, 24), Vec::new());
            app.entities_pending();
            (app, Some(p.with_aliases(aliases)))
        }
    };
    app.set_color(!no_color);
    if !warnings.is_empty() {
        app.say(warnings.join("; "));
    }
    let store = dirs.store().map(BookmarkStore::open);
    let link = StoreLink::new(store, path.map(Path::to_path_buf));
    match reader::run(Driver::new(app, link, pending)) {
        Ok(Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(sig)) => Ok(ExitCode::from(128u8.wrapping_add(sig as u8))),
        Err(e) => Err(format!("terminal : {e}")),
    }
}

/// The bundled memo, or the named file: whole when small, else its head now and the rest in
/// the background (see `crate::loading`).
fn open_for_reading(path: Option<&Path>, limits: &Limits) -> Result<Opened, String> {
    let Some(path) = path else {
        return Ok(Opened {
            doc: super::bundled(),
            pending: None,
        });
    };
    crate::loading::open(crate::source::open(path, limits.document)?)
}
