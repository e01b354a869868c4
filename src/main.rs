use clap::Parser;
use memcon::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    match memcon::commands::run(Cli::parse()) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("memcon: {msg}");
            ExitCode::FAILURE
        }
    }
}
