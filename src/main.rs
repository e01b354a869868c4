use clap::Parser;
use memcon::app::App;
use memcon::cli::{Cli, Command};
use memcon::document::{self, Document};
use memcon::loading::Opened;
use memcon::reader::{self, Exit};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("memcon: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Export { file, pretty }) => {
            let path = file.as_deref().or(cli.file.as_deref());
            let doc = open(path)?;
            let marks = memcon::bookmarks::command::for_export(&doc, path, cli.data_dir.as_deref());
            let entities = memcon::entities::extract_for_user(&doc, |m| eprintln!("memcon: {m}"));
            let export = memcon::export::Export::new(&doc)
                .with_bookmarks(&marks)
                .with_entities(&doc, &entities);
            let out = std::io::stdout().lock();
            stdout_result(memcon::export::write_export(&export, pretty, out))
        }
        Some(Command::Entities { file, json }) => {
            let doc = open(file.as_deref().or(cli.file.as_deref()))?;
            let entities = memcon::entities::extract_for_user(&doc, |m| eprintln!("memcon: {m}"));
            let out = std::io::stdout().lock();
            stdout_result(memcon::entities::output::write(&doc, &entities, json, out))
        }
        Some(Command::Bookmarks { action }) => {
            memcon::bookmarks::command::main(&action, cli.data_dir.as_deref(), &|p| open(Some(p)))
        }
        None => read(
            open_for_reading(cli.file.as_deref())?,
            memcon::app::bookmarks::open_store(cli.data_dir.as_deref(), cli.file.as_deref()),
        ),
    }
}

/// The interactive reader. Everything that can fail on input has failed before this point.
fn read(opened: Opened, store: memcon::app::bookmarks::Attach) -> Result<ExitCode, String> {
    let Opened { doc, mut pending } = opened;
    memcon::terminal::check_tty()?;
    // crossterm turns its colour codes into a full reset under NO_COLOR, which would also
    // drop reverse video: keep its colour output on and draw with a colourless theme instead.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    crossterm::style::force_color_output(true);
    let mut warnings = doc.warnings.clone();
    let entities = memcon::entities::extract_for_user(&doc, |m| warnings.push(m.to_string()));
    let warnings = warnings.join("; ");
    let mut app = App::with_entities(doc, (80, 24), entities);
    app.color = !no_color;
    // Bookmarks belong to the whole document (its fingerprint): a big file attaches them
    // once the whole of it has replaced the preview.
    match &mut pending {
        Some(p) => p.after_whole(move |app| store.attach(app)),
        None => store.attach(&mut app),
    }
    if !warnings.is_empty() {
        app.say(warnings);
    }
    match reader::run(app, pending) {
        Ok(Exit::Quit) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(sig)) => Ok(ExitCode::from(128u8.wrapping_add(sig as u8))),
        Err(e) => Err(format!("terminal : {e}")),
    }
}

/// Map a write to standard output to an exit code.
fn stdout_result(r: std::io::Result<()>) -> Result<ExitCode, String> {
    match r {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`memcon export | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("standard output : {e}")),
    }
}

/// Load the named file, or the bundled memo. Errors are one line: `<what> : <why>`.
fn open(path: Option<&Path>) -> Result<Document, String> {
    let Some(path) = path else {
        return Ok(bundled());
    };
    let (shown, bytes) = read_bytes(path)?;
    document::load_owned(&shown, bytes).map_err(|e| format!("{shown} : {e}"))
}

/// Like [`open`], but a big file shows its first part while the rest is parsed.
fn open_for_reading(path: Option<&Path>) -> Result<Opened, String> {
    let Some(path) = path else {
        return Ok(Opened {
            doc: bundled(),
            pending: None,
        });
    };
    let (shown, bytes) = read_bytes(path)?;
    memcon::loading::open(&shown, bytes).map_err(|e| format!("{shown} : {e}"))
}

fn bundled() -> Document {
    document::load("bundled", memcon::BUNDLED.as_bytes()).expect("bundled memo is text")
}

/// The file's bytes and the name to show in messages.
fn read_bytes(path: &Path) -> Result<(String, Vec<u8>), String> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(format!("{shown} : is a directory, not a document"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown} : {}", io_reason(&e)))?;
    Ok((shown, bytes))
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
