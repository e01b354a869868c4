//! Command-line definitions.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A terminal reader for declassified memos and other archival documents.
///
/// With no FILE, memcon opens the memo bundled with it (Harriman–Soong, July 3, 1945).
#[derive(Debug, Parser)]
#[command(name = "memcon", version, about, long_about)]
pub struct Cli {
    /// The document to read (a text export from a digital archive, or any text file).
    pub file: Option<PathBuf>,

    /// Keep bookmarks and reading positions in DIR (default: MEMCON_DATA_DIR, else the
    /// platform's data and state directories; see README.md).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Refuse documents bigger than SIZE (512M, 2G, or bytes; default 1G; also
    /// MEMCON_MAX_FILE_SIZE or `document` in the [limits] table of config.toml).
    #[arg(long, global = true, value_name = "SIZE")]
    pub max_file_size: Option<String>,

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
    /// Names of your own go in the alias file: $MEMCON_CONFIG_DIR/aliases.toml when that is
    /// set, else aliases.toml in memcon's configuration directory (~/.config/memcon on Linux,
    /// ~/Library/Application Support/memcon on macOS). `[[add]]` a name with its kind,
    /// `[[merge]]` names into one entity, `hide` a false positive (see README.md, "The alias file").
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
    /// Print bookmarks (of FILE, or of every document) for research notes or scripts.
    Export {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}
