//! `memcon completions SHELL` and `memcon man`: generated from the command-line definition,
//! so they always match it.

use crate::cli::{Cli, Shell};
use clap::CommandFactory;
use std::io::Write;

/// The completion script for `shell`.
pub fn completions(shell: Shell, out: &mut impl Write) {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut Cli::command(), "memcon", out);
}

/// The manual page, in roff.
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)
}
