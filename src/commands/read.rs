//! `memcon [FILE]`: load everything that can fail, then hand over to the interactive
//! reader inside the terminal guard.

use crate::app::App;
use crate::bookmarks::BookmarkStore;
use crate::config::Config;
use crate::loading::Opened;
use crate::paths::{Dirs, expand_home};
use crate::reader::{self, Clipboard, Driver, Exit, StoreLink};
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: Option<&Path>,
    yank_to: Option<&Path>,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    // One document: its loader and the reader share one allocator arena.
    crate::loading::one_arena();
    super::contain_failures(dirs);
    let Opened { doc, pending } = open_for_reading(path, limits)?;
    crate::terminal::check_tty()?;
    let mut warnings = doc.warnings.clone();
    let (aliases, problem) = super::user_aliases(dirs, limits);
    warnings.extend(problem);
    let (mut app, pending) = match pending {
        // A small document's entities are found now, so the first screen lists them.
        None => {
            let found = crate::contain::run("entities", || {
                crate::contain::debug_fail("entities");
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
    let (config, problem) = configure(&mut app, dirs);
    warnings.extend(problem);
    if !warnings.is_empty() {
        app.say(warnings.join("; "));
    }
    let store = dirs.store().map(BookmarkStore::open);
    let link = StoreLink::new(store, path.map(Path::to_path_buf));
    let clipboard = clipboard(&config, yank_to, dirs);
    let mut driver = Driver::new(app, link, pending);
    driver.set_clipboard(clipboard);
    drive(driver)
}

/// Run the reader (a document or a library) until it ends; then say, on the restored
/// screen, where unsaved bookmarks went, and turn how it ended into an exit code.
pub fn drive(mut driver: Driver) -> Result<ExitCode, String> {
    let exit = reader::run(&mut driver);
    for note in driver.farewell() {
        super::warn(note);
    }
    match exit {
        Ok(Exit::Quit) if driver.left_unsaved() => Ok(ExitCode::FAILURE),
        Ok(Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(sig)) => Ok(ExitCode::from(128u8.wrapping_add(sig as u8))),
        Err(e) => Err(format!("terminal: {e}")),
    }
}

/// Apply the user's configuration (keys, layout, marks, theme; `NO_COLOR` wins over any
/// theme) to `app`. Returns the configuration, for what the event loop needs of it, and its
/// problem, if any.
pub fn configure(app: &mut App, dirs: &Dirs) -> (Config, Option<String>) {
    // crossterm turns its colour codes into a full reset under NO_COLOR, which would also
    // drop reverse video: keep its colour output on and draw with a colourless theme instead.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    crossterm::style::force_color_output(true);
    let (config, problem) = super::user_config(dirs);
    app.set_keymap(config.keymap.clone());
    app.set_layout(config.layout);
    app.set_entity_marks(config.entity_marks);
    app.set_theme(if no_color {
        crate::theme::Theme::no_color()
    } else {
        config.theme
    });
    (config, problem)
}

/// Where yanks go: the terminal (OSC 52, unless turned off) and the yank file of
/// `--yank-to` or the configuration (relative to the configuration directory).
pub fn clipboard(config: &Config, yank_to: Option<&Path>, dirs: &Dirs) -> Clipboard {
    let yank_file = match (yank_to, &config.yank_file) {
        (Some(p), _) => Some(std::path::absolute(expand_home(p)).unwrap_or(p.to_path_buf())),
        (None, Some(p)) => {
            let p = expand_home(p);
            Some(match &dirs.config {
                Some(dir) if p.is_relative() => dir.join(p),
                _ => p,
            })
        }
        (None, None) => None,
    };
    Clipboard::new(config.osc52, yank_file)
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
