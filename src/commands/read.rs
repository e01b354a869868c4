//! `memcon [FILE]`: load everything that can fail, then hand over to the interactive
//! reader inside the terminal guard.

use crate::app::App;
use crate::bookmarks::BookmarkStore;
use crate::loading::Opened;
use crate::paths::Dirs;
use crate::reader::{self, Driver, Exit, StoreLink};
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: Option<&Path>, dirs: &Dirs) -> Result<ExitCode, String> {
    let Opened { doc, pending } = open_for_reading(path)?;
    crate::terminal::check_tty()?;
    // crossterm turns its colour codes into a full reset under NO_COLOR, which would also
    // drop reverse video: keep its colour output on and draw with a colourless theme instead.
    let mut warnings = doc.warnings.clone();
    let (aliases, problem) = match dirs.alias_file() {
        Some(p) => crate::entities::aliases::load(&p),
        None => Default::default(),
    };
    warnings.extend(problem);
    let entities = crate::entities::extract_with_user(&doc, &aliases);
    let pending = pending.map(|p| p.with_aliases(aliases));
    let mut app = App::with_entities(doc, (80, 24), entities);
    warnings.extend(configure(&mut app, dirs));
    if !warnings.is_empty() {
        app.say(warnings.join("; "));
    }
    let store = dirs.store().map(BookmarkStore::open);
    let link = StoreLink::new(store, path.map(Path::to_path_buf));
    exit_code(reader::run(Driver::new(app, link, pending)))
}

/// Apply the user's configuration (keys, layout, marks, theme; `NO_COLOR` wins over any
/// theme) to `app`. Returns the configuration's problem, if any.
pub fn configure(app: &mut App, dirs: &Dirs) -> Option<String> {
    // crossterm turns its colour codes into a full reset under NO_COLOR, which would also
    // drop reverse video: keep its colour output on and draw with a colourless theme instead.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    crossterm::style::force_color_output(true);
    let (config, problem) = super::user_config(dirs);
    app.set_keymap(config.keymap);
    app.set_layout(config.layout);
    app.set_entity_marks(config.entity_marks);
    app.set_theme(if no_color {
        crate::theme::Theme::no_color()
    } else {
        config.theme
    });
    problem
}

/// How the reader ended, as an exit code.
pub fn exit_code(r: std::io::Result<Exit>) -> Result<ExitCode, String> {
    match r {
        Ok(Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(sig)) => Ok(ExitCode::from(128u8.wrapping_add(sig as u8))),
        Err(e) => Err(format!("terminal: {e}")),
    }
}

/// Like [`super::open`], but a big file shows its first part while the rest is parsed.
fn open_for_reading(path: Option<&Path>) -> Result<Opened, String> {
    let Some(path) = path else {
        return Ok(Opened {
            doc: super::bundled(),
            pending: None,
        });
    };
    let (shown, bytes) = super::read_bytes(path)?;
    crate::loading::open(&shown, bytes).map_err(|e| format!("{shown}: {e}"))
}
