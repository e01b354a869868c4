//! Every subcommand, and the reader's start: the only code that prints to standard output
//! or standard error. Domain modules return values and strings; these functions load what a
//! command needs (document, store, alias file), call them, and print.

pub mod bookmarks;
pub mod cite;
pub mod collection;
pub mod config;
pub mod entities;
pub mod export;
pub mod index;
pub mod keys;
pub mod library;
pub mod mentions;
pub mod read;
pub mod search;
pub mod shell;

use crate::cli::{Cli, Command};
use crate::document::sanitize::for_terminal;
use crate::document::{self, Document};
use crate::paths::{Dirs, Flags};
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

/// Run what the command line asks for. `Err` is the one line to print after `memcon: `.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    let dirs = Dirs::resolve(Flags {
        config_dir: cli.config_dir.as_deref(),
        data_dir: cli.data_dir.as_deref(),
    });
    let (config, _) = user_config(&dirs);
    let limits = Limits::resolve(cli.max_file_size.as_deref(), config.limits)?;
    let first = cli.file().map(Path::to_path_buf);
    match cli.command {
        Some(Command::Export { file, pretty }) => {
            export::run(file.as_deref().or(first.as_deref()), pretty, &dirs, &limits)
        }
        Some(Command::Entities { file, json }) => {
            entities::run(file.as_deref().or(first.as_deref()), json, &dirs, &limits)
        }
        Some(Command::Index {
            paths,
            skipped,
            rebuild,
        }) => index::run(&paths, skipped, rebuild, &dirs, &limits),
        Some(Command::Mentions {
            dir,
            name,
            kind,
            json,
        }) => mentions::run(&dir, &name, kind.map(|k| k.kind()), json, &dirs, &limits),
        Some(Command::Search {
            dir,
            pattern,
            regex,
            json,
        }) => search::run(&dir, &pattern, regex, json, &dirs, &limits),
        Some(Command::Bookmarks { action }) => bookmarks::main(&action, &dirs, &limits),
        Some(Command::Cite {
            file,
            paragraph,
            format,
        }) => cite::run(
            file.as_deref().or(first.as_deref()),
            paragraph,
            format,
            &limits,
        ),
        Some(Command::Keys) => {
            let (config, problem) = user_config(&dirs);
            if let Some(p) = problem {
                warn(&p);
            }
            print(&keys::text(&config.keymap))
        }
        Some(Command::Config { default, check }) => config::run(default, check, &dirs),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            shell::completions(shell, &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            shell::man(&mut out).map_err(|e| format!("manual page: {e}"))?;
            print(&String::from_utf8_lossy(&out))
        }
        None => {
            let yank_to = cli.yank_to.as_deref();
            match cli.paths.as_slice() {
                [] => read::run(None, yank_to, &dirs, &limits),
                [one] if !one.is_dir() => read::run(Some(one), yank_to, &dirs, &limits),
                many => library::run(many, yank_to, &dirs, &limits),
            }
        }
    }
}

/// Jobs memcon can live without (loading, entities, search, indexing) log their panics to
/// `errors.log` in the state directory instead of ending it (see `crate::contain`).
pub fn contain_failures(dirs: &Dirs) {
    let state = dirs.state.clone().unwrap_or_else(std::env::temp_dir);
    crate::contain::set_log_file(state.join(crate::contain::LOG_FILE));
    crate::contain::install_hook();
}

/// The user's configuration, or the defaults and why the file was not used.
pub fn user_config(dirs: &Dirs) -> (crate::config::Config, Option<String>) {
    match dirs.config_file() {
        Some(path) => crate::config::load(&path),
        None => Default::default(),
    }
}

/// Print `text` on standard output (a closed pipe is not an error). Like everything memcon
/// prints, it goes through the one sanitiser ([`for_terminal`]): no byte of a note, a file
/// name or a document can drive the terminal.
pub fn print(text: &str) -> Result<ExitCode, String> {
    use std::io::Write;
    let text = for_terminal(text);
    stdout_result(std::io::stdout().lock().write_all(text.as_bytes()))
}

/// Pretty JSON of `value` to `out` and a final line end, with every character a terminal
/// would act on written as a JSON escape (names can come from the user's alias file).
pub fn write_json(out: impl std::io::Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    write_json_with(out, |j| j.value(value))
}

/// [`write_json`] for a listing that writes itself into the JSON writer (the entities and
/// their mentions, written by hand).
pub fn write_json_with<W: std::io::Write>(
    out: W,
    write: impl FnOnce(&mut crate::json::JsonOut<W>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut j = crate::json::JsonOut::new(out, true);
    write(&mut j)?;
    j.raw(b"\n")?;
    j.finish()?.flush()
}

/// Standard output for one large write: the descriptor itself where it can be had, not the
/// line-buffered handle, which searches every byte written for a line end.
pub fn bulk_stdout() -> Box<dyn std::io::Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout().lock())
}

/// Map a write to standard output to an exit code.
pub fn stdout_result(r: std::io::Result<()>) -> Result<ExitCode, String> {
    match r {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`memcon export | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("standard output: {e}")),
    }
}

/// A message for standard error, as `memcon: <text>`, sanitised ([`for_terminal`]).
pub fn warn(text: &str) {
    eprintln!("memcon: {}", for_terminal(text));
}

/// Load the named file (see [`read_bytes`]), or the bundled memo. Errors are one line:
/// `<file>: <why>`.
pub fn open(path: Option<&Path>, limits: &Limits) -> Result<Document, String> {
    let Some(path) = path else {
        return Ok(bundled());
    };
    let (shown, bytes) = read_bytes(path, limits)?;
    document::load_owned(&shown, bytes).map_err(|e| format!("{shown}: {e}"))
}

/// The memo compiled into the binary.
pub fn bundled() -> Document {
    document::load("bundled", crate::BUNDLED.as_bytes()).expect("bundled memo is text")
}

/// The file's bytes (a regular file, at most its size at open, under the cap) and the name
/// to show in messages.
pub fn read_bytes(path: &Path, limits: &Limits) -> Result<(String, Vec<u8>), String> {
    let mut file = crate::source::open(path, limits.document)?;
    let bytes = file
        .read_up_to(file.len)
        .map_err(|e| format!("{}: {}", file.shown, crate::source::io_reason(&e)))?;
    Ok((file.shown, bytes))
}

/// The user's alias file (under its size cap), or no aliases and why the file was not used.
pub fn user_aliases(
    dirs: &Dirs,
    limits: &Limits,
) -> (crate::entities::UserAliases, Option<String>) {
    match dirs.alias_file() {
        Some(p) => crate::entities::aliases::load(&p, limits.alias_file),
        None => Default::default(),
    }
}
