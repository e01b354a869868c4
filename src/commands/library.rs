//! `memcon DIR` (or several files): the library of a collection. The index is built (or
//! read from the cache) on its own thread while the library is already on screen.

use super::collection;
use super::read::{clipboard, configure, drive};
use crate::app::App;
use crate::bookmarks::BookmarkStore;
use crate::corpus::Rules;
use crate::paths::Dirs;
use crate::reader::library::marks;
use crate::reader::{Driver, LibraryLink, StoreLink};
use crate::source::Limits;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(
    roots: &[PathBuf],
    yank_to: Option<&Path>,
    dirs: &Dirs,
    limits: &Limits,
) -> Result<ExitCode, String> {
    collection::check_roots(roots)?;
    crate::terminal::check_tty()?;
    super::contain_failures(dirs);
    let mut warnings = Vec::new();
    let (aliases, problem) = super::user_aliases(dirs, limits);
    warnings.extend(problem);
    let rules = Arc::new(Rules::new(aliases));
    let cache = collection::cache_for(dirs, roots);
    // The rows the cache remembers make the first screen; the index thread checks them.
    let cached = cache
        .as_ref()
        .and_then(|c| c.read_library().ok())
        .filter(|l| l.stamp == rules.stamp());
    let mut app = App::library(name_of(roots), (80, 24));
    let (config, problem) = configure(&mut app, dirs);
    warnings.extend(problem);
    if !warnings.is_empty() {
        app.say(warnings.join("; "));
    }
    let store = dirs.store().map(BookmarkStore::open);
    if let Some(lib) = cached {
        let marks = store.as_ref().ok().map(|s| marks(s, &lib.docs));
        app.library_cached(lib.docs);
        if let Some(marks) = marks {
            app.library_marks(marks);
        }
    }
    let link = StoreLink::new(store, None);
    let library = LibraryLink::new(roots.to_vec(), cache, rules, *limits);
    let mut driver = Driver::library(app, link, library);
    driver.set_clipboard(clipboard(&config, yank_to, dirs));
    drive(driver)
}

/// What to call the collection: its folder's name, or how many files it is.
pub fn name_of(roots: &[PathBuf]) -> String {
    match roots {
        [one] => {
            let full = std::fs::canonicalize(one).unwrap_or_else(|_| one.clone());
            let name = full.file_name().map_or_else(
                || full.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            collection::shown(&name)
        }
        many => format!("{} files", many.len()),
    }
}
