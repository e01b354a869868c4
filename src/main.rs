use clap::Parser;
use memcon::cli::{Cli, Command};
use memcon::document::{self, Document};
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
            let export = memcon::export::Export::new(&doc).with_bookmarks(&marks);
            match memcon::export::write_export(&export, pretty, std::io::stdout().lock()) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                // A closed pipe (`memcon export | head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
                Err(e) => Err(format!("standard output : {e}")),
            }
        }
        Some(Command::Bookmarks { action }) => {
            let out = memcon::bookmarks::command::run(&action, cli.data_dir.as_deref(), &|p| {
                open(Some(p))
            })?;
            use std::io::Write;
            match std::io::stdout().lock().write_all(out.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("standard output : {e}"))
                }
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        None => {
            let doc = open(cli.file.as_deref())?;
            print!("{doc:?}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Load the named file, or the bundled memo. Errors are one line: `<what> : <why>`.
fn open(path: Option<&Path>) -> Result<Document, String> {
    let Some(path) = path else {
        return Ok(
            document::load("bundled", memcon::BUNDLED.as_bytes()).expect("bundled memo is text")
        );
    };
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(format!("{shown} : is a directory, not a document"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown} : {}", io_reason(&e)))?;
    document::load(&shown, &bytes).map_err(|e| format!("{shown} : {e}"))
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
