//! Command-line definitions.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Printed after `memcon --help`: the environment and where to find the keys.
const AFTER_HELP: &str = "\
Environment:
  MEMCON_CONFIG_DIR  configuration directory (config.toml, aliases.toml);
                     default ~/.config/memcon (Linux)
  MEMCON_DATA_DIR    bookmarks and reading positions; default ~/.local/share/memcon
                     and ~/.local/state/memcon (Linux)
  MEMCON_CACHE_DIR   cache directory; default ~/.cache/memcon (Linux)
  NO_COLOR           draw without colour (bold, dim, underline and reverse only)

Keys: `memcon keys` prints every key of the reader (with your configuration);
h or F1 shows them while reading. `memcon config --default` prints the configuration
file with every setting; `memcon man` prints the manual page.";

/// A terminal reader for declassified memos and other archival documents.
///
/// With no FILE, memcon opens the memo bundled with it (Harriman–Soong, July 3, 1945).
#[derive(Debug, Parser)]
#[command(name = "memcon", version, about, long_about, after_long_help = AFTER_HELP)]
pub struct Cli {
    /// The document to read (a text export from a digital archive, or any text file).
    pub file: Option<PathBuf>,

    /// Keep bookmarks and reading positions in DIR (default: MEMCON_DATA_DIR, else the
    /// platform's data and state directories).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read config.toml and aliases.toml from DIR (default: MEMCON_CONFIG_DIR, else the
    /// platform's configuration directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Also append every yank (y, Y) to FILE, for terminals without OSC 52 (overrides
    /// yank_file in config.toml).
    #[arg(long, value_name = "FILE")]
    pub yank_to: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the parsed document as JSON (schema 1) on standard output.
    Export {
        /// The document (default: the bundled memo).
        file: Option<PathBuf>,
        /// Indent the JSON for people.
        #[arg(long)]
        pretty: bool,
    },
    /// List the people, places and organizations the document names.
    ///
    /// Names of your own go in the alias file, aliases.toml in the configuration directory
    /// (--config-dir, MEMCON_CONFIG_DIR, else ~/.config/memcon on Linux and
    /// ~/Library/Application Support/memcon on macOS). `[[add]]` a name with its kind,
    /// `[[merge]]` names into one entity, `hide` a false positive.
    Entities {
        /// The document (default: the bundled memo).
        file: Option<PathBuf>,
        /// Print JSON (the `entities` array of `memcon export`) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List, add or export bookmarks.
    Bookmarks {
        #[command(subcommand)]
        action: BookmarksCommand,
    },
    /// Print the document's citation: Chicago, BibTeX, CSL-JSON or RIS.
    ///
    /// Built from the document's metadata: title, date, the archive and the place in it
    /// (from the archive's citation), record id, URL, original language, translators named
    /// by the credits or the citation, and the author when the document is signed with a
    /// name. What the document does not say is left out.
    Cite {
        /// The document (default: the bundled memo).
        file: Option<PathBuf>,
        /// Pinpoint paragraph N (paragraphs as the reader's status line counts them).
        #[arg(long, value_name = "N")]
        paragraph: Option<usize>,
        #[arg(long, value_enum, default_value_t = CiteFormat::Chicago)]
        format: CiteFormat,
    },
    /// Print every key of the reader and what it does (your configuration included).
    Keys,
    /// Print the default configuration file, or check yours.
    Config {
        /// Print the whole default configuration, commented (save it as config.toml and
        /// keep what you change).
        #[arg(long, conflicts_with = "check")]
        default: bool,
        /// Check config.toml and list every problem with its line.
        #[arg(long)]
        check: bool,
    },
    /// Print a shell completion script (for example
    /// `memcon completions bash > ~/.local/share/bash-completion/completions/memcon`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page in roff (for example
    /// `memcon man > ~/.local/share/man/man1/memcon.1`).
    Man,
}

#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// List the bookmarks of FILE, or of every document.
    List {
        /// Show only this document's bookmarks, placed in its current text.
        file: Option<PathBuf>,
    },
    /// Bookmark paragraph N of FILE (paragraphs as the reader's status line counts them).
    Add {
        file: PathBuf,
        /// Paragraph number, from 1.
        #[arg(long, value_name = "N")]
        paragraph: usize,
        /// A note to keep with the bookmark.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Print bookmarks (of FILE, or of every document) for research notes, scripts or a
    /// reference manager. Documents still at their last path are read again, so quotes are
    /// the text as it is now.
    Export {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

/// Formats of `memcon bookmarks export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Research notes: each quote with its pinpoint citation and note.
    Markdown,
    /// Everything, for scripts.
    Json,
    /// One entry per document, the bookmarks in `annote`.
    Bibtex,
    /// One item per document, the bookmarks in `annote`.
    CslJson,
    /// One record per document, each bookmark an `N1` note.
    Ris,
}

/// Formats of `memcon cite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CiteFormat {
    /// Chicago: the bibliography entry, or a full note with --paragraph.
    Chicago,
    /// A BibTeX entry (read by BibTeX and biblatex).
    Bibtex,
    /// CSL-JSON, for Zotero, pandoc and citeproc.
    CslJson,
    /// RIS, for EndNote, Zotero and Mendeley.
    Ris,
}

/// Shells `memcon completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}
