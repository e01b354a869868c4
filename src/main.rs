use clap::Parser;
use memcon::cli::Cli;
use memcon::commands::{self, warn};
use memcon::document::sanitize::for_terminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_error(&e),
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(msg) => {
            warn(&msg);
            ExitCode::FAILURE
        }
    }
}

/// clap's message for a command line it cannot take (or `--help`, `--version`). Its errors
/// quote the arguments, which may be hostile file names: they are printed sanitised, without
/// clap's colours.
fn command_line_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Our own text: printed as clap prints it, on standard output.
        let _ = e.print();
        return code;
    }
    eprint!("{}", for_terminal(&e.render().to_string()));
    code
}
