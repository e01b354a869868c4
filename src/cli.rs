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
  MEMCON_MAX_FILE_SIZE   biggest document read (512M, 2G or bytes; default 1G)
  MEMCON_MAX_ALIAS_SIZE  biggest alias file read (default 4M)
  NO_COLOR           draw without colour (bold, dim, underline and reverse only)

Keys: `memcon keys` prints every key of the reader (with your configuration);
h or F1 shows them while reading. `memcon config --default` prints the configuration
file with every setting; `memcon man` prints the manual page.";

/// A terminal reader for declassified memos and other archival documents.
///
/// With one FILE, memcon reads it; with a folder (or several files) it opens the library of
/// the whole collection. With nothing, it opens the memo bundled with it (Harriman–Soong,
/// July 3, 1945).
#[derive(Debug, Parser)]
#[command(name = "memcon", version, about, long_about, after_long_help = AFTER_HELP)]
pub struct Cli {
    /// The document to read (a text export from a digital archive, or any text file), or a
    /// folder of documents (or several files) to open as a library.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Keep bookmarks and reading positions in DIR (default: MEMCON_DATA_DIR, else the
    /// platform's data and state directories).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read config.toml and aliases.toml from DIR (default: MEMCON_CONFIG_DIR, else the
    /// platform's configuration directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Refuse documents bigger than SIZE (512M, 2G, or bytes; default 1G; also
    /// MEMCON_MAX_FILE_SIZE or `document` in the [limits] table of config.toml).
    #[arg(long, global = true, value_name = "SIZE")]
    pub max_file_size: Option<String>,

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
    /// List the people, places and organizations the document (or collection) names.
    ///
    /// Given a folder, the collection's entities with the number of documents and of
    /// mentions of each.
    ///
    /// Names of your own go in the alias file, aliases.toml in the configuration directory
    /// (--config-dir, MEMCON_CONFIG_DIR, else ~/.config/memcon on Linux and
    /// ~/Library/Application Support/memcon on macOS). `[[add]]` a name with its kind,
    /// `[[merge]]` names into one entity, `hide` a false positive.
    Entities {
        /// The document, or a collection's folder (default: the bundled memo).
        file: Option<PathBuf>,
        /// Print JSON (the `entities` array of `memcon export`) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Index a collection (a folder of documents) and print what it holds.
    ///
    /// The index is kept in the cache directory (MEMCON_CACHE_DIR, else ~/.cache/memcon
    /// on Linux), one per collection; only new and changed files are read again.
    Index {
        /// The folder (or files) of the collection.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// List every file that is not a document, with the reason.
        #[arg(long)]
        skipped: bool,
        /// Ignore the cache and index every file again.
        #[arg(long)]
        rebuild: bool,
    },
    /// List the documents of a collection that mention NAME (or one of its aliases).
    Mentions {
        /// The collection's folder.
        dir: PathBuf,
        /// A name as documents write it (`Port Arthur`, `Dairen`), any case and accents.
        name: String,
        /// Only entities of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Search the full text of every document of a collection.
    ///
    /// As in the reader: smart case (a capital letter makes the search exact), accents
    /// ignored (`Lushun` finds `Lüshun`), plain text unless --regex.
    Search {
        /// The collection's folder.
        dir: PathBuf,
        pattern: String,
        /// Read PATTERN as a regular expression.
        #[arg(long)]
        regex: bool,
        /// Print JSON instead of lines.
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

/// The kinds of entity, for `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Place,
    Person,
    Organization,
}

impl KindArg {
    pub fn kind(self) -> crate::entities::EntityKind {
        use crate::entities::EntityKind;
        match self {
            Self::Place => EntityKind::Place,
            Self::Person => EntityKind::Person,
            Self::Organization => EntityKind::Organization,
        }
    }
}

/// Shells `memcon completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl Cli {
    /// The one file named before any subcommand, if just one is.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self.paths.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}
