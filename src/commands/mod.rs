//! Every subcommand, and the reader's start: the only code that prints to standard output
//! or standard error. Domain modules return values and strings; these functions load what a
//! command needs (document, store, alias file), call them, and print.

pub mod bookmarks;
pub mod entities;
pub mod export;
pub mod read;

use crate::cli::{Cli, Command};
use crate::document::{self, Document};
use crate::paths::{Dirs, Flags};
use crate::source::Limits;
use std::path::Path;
use std::process::ExitCode;

/// Run what the command line asks for. `Err` is the one line to print after `memcon: `.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    let dirs = Dirs::resolve(Flags {
        config_dir: None,
        data_dir: cli.data_dir.as_deref(),
    });
    let limits = Limits::resolve(cli.max_file_size.as_deref(), dirs.config_file().as_deref())?;
    match cli.command {
        Some(Command::Export { file, pretty }) => export::run(
            file.as_deref().or(cli.file.as_deref()),
            pretty,
            &dirs,
            &limits,
        ),
        Some(Command::Entities { file, json }) => entities::run(
            file.as_deref().or(cli.file.as_deref()),
            json,
            &dirs,
            &limits,
        ),
        Some(Command::Bookmarks { action }) => bookmarks::main(&action, &dirs, &limits),
        None => read::run(cli.file.as_deref(), &dirs, &limits),
    }
}

/// Print `text` on standard output (a closed pipe is not an error).
pub fn print(text: &str) -> Result<ExitCode, String> {
    use std::io::Write;
    stdout_result(std::io::stdout().lock().write_all(text.as_bytes()))
}

/// Map a write to standard output to an exit code.
pub fn stdout_result(r: std::io::Result<()>) -> Result<ExitCode, String> {
    match r {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`memcon export | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("standard output : {e}")),
    }
}

/// A message for standard error, as `memcon: <text>`.
pub fn warn(text: &str) {
    eprintln!("memcon: {text}");
}

/// Load the named file (see [`read_bytes`]), or the bundled memo. Errors are one line:
/// `<what> : <why>`.
pub fn open(path: Option<&Path>, limits: &Limits) -> Result<Document, String> {
    let Some(path) = path else {
        return Ok(bundled());
    };
    let (shown, bytes) = read_bytes(path, limits)?;
    document::load_owned(&shown, bytes).map_err(|e| format!("{shown} : {e}"))
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
        .map_err(|e| format!("{} : {}", file.shown, crate::source::io_reason(&e)))?;
    Ok((file.shown, bytes))
}
