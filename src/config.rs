//! The user's configuration file, `config.toml` in the configuration directory
//! (`crate::paths`): keys by action name, the theme, the text width cap, the side column's
//! width, whether entity names are marked, yanks, and the size limits of files memcon reads
//! (`[limits]`, applied by `crate::source`).
//!
//! Defaults are in code; a file overrides only what it names. Every problem (a TOML error,
//! an unknown setting, action, key, colour or style, a key bound to two actions) names the
//! file and the line. [`load`] reads the disk (through `crate::source`: a regular file of at
//! most [`CONFIG_CAP`](crate::source::CONFIG_CAP) bytes, so a FIFO never blocks); a bad file leaves
//! memcon on its defaults with one message. [`default_text`] writes the full default file,
//! commented, and reads back as the defaults.

use crate::app::keymap::{self, Keymap, Section, key_config_name, parse_key};
use crate::app::{Layout, Mode};
use crate::source::{self, Cap, LimitSettings};
use crate::theme::{self, Theme};
use std::fmt::Write as _;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Everything the file can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub layout: Layout,
    /// Mark names of places, people and organizations when a document opens.
    pub entity_marks: bool,
    /// Append every yank to this file (`~/` is the home directory; a relative path is
    /// relative to the configuration directory).
    pub yank_file: Option<std::path::PathBuf>,
    /// Copy yanks to the terminal's clipboard with OSC 52.
    pub osc52: bool,
    /// The `[limits]` table: caps on the size of documents and of the alias file.
    pub limits: LimitSettings,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            theme: Theme::dark(),
            layout: Layout::default(),
            entity_marks: true,
            yank_file: None,
            osc52: true,
            limits: LimitSettings::default(),
        }
    }
}

/// One problem in the file: the line it is on (1-based) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// The `[keys.…]` tables and the modes they set.
const MODES: &[(&str, Mode, &str)] = &[
    ("", Mode::Normal, "in the text"),
    ("input", Mode::Input, "in the input line"),
    ("help", Mode::Help, "in help"),
    ("bookmarks", Mode::Bookmarks, "in the bookmarks list"),
    ("concordance", Mode::Concordance, "in the concordance"),
    ("select", Mode::Select, "in a selection"),
    ("entities", Mode::Entities, "in the entities list"),
    ("library", Mode::Library, "in the library"),
];

/// The widest text column the file may ask for.
const MAX_TEXT_WIDTH: i64 = 1000;

/// Read the configuration at `path`. A missing file is the defaults; a file with problems is
/// the defaults plus one message naming the file, the line and what is wrong (and how many
/// more problems `memcon config --check` would list).
pub fn load(path: &Path) -> (Config, Option<String>) {
    let shown = path.display();
    match source::read_text(path, source::CONFIG_CAP, Cap::Config) {
        Ok(None) => (Config::default(), None),
        Ok(Some(text)) => match parse(&text) {
            Ok(config) => (config, None),
            Err(problems) => {
                let first = &problems[0];
                let more = match problems.len() - 1 {
                    0 => String::new(),
                    n => format!(" (and {n} more; `memcon config --check` lists them)"),
                };
                let msg = format!(
                    "config file ignored: {shown}:{}: {}{more}",
                    first.line, first.message
                );
                (Config::default(), Some(msg))
            }
        },
        Err(e) => (Config::default(), Some(format!("config file ignored: {e}"))),
    }
}

/// Parse a configuration file's text: the configuration, or every problem in line order.
pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
    let table = DeTable::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![Problem {
            line,
            message: e.message().trim().to_string(),
        }]
    })?;
    let mut p = Parser {
        text,
        config: Config::default(),
        problems: Vec::new(),
        key_lines: Vec::new(),
    };
    let table = table.into_inner();
    if let Some(theme) = table.get("theme") {
        p.theme(theme);
    }
    for (key, value) in table.iter() {
        match key.get_ref().as_ref() {
            "text_width" => p.text_width(value),
            "side_width" => p.side_width(value),
            "entity_marks" => match value.get_ref() {
                DeValue::Boolean(b) => p.config.entity_marks = *b,
                _ => p.problem(value.span(), "entity_marks is true or false"),
            },
            "yank_file" => match value.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    p.config.yank_file = Some(s.trim().into());
                }
                _ => p.problem(
                    value.span(),
                    "yank_file is the path of a file, like \"~/notes.md\"",
                ),
            },
            "osc52" => match value.get_ref() {
                DeValue::Boolean(b) => p.config.osc52 = *b,
                _ => p.problem(value.span(), "osc52 is true or false"),
            },
            "keys" => p.keys(value),
            "limits" => p.limits(value),
            "theme" => {}
            other => p.problem(
                key.span(),
                format!(
                    "unknown setting `{other}` (settings: text_width, side_width, \
                     entity_marks, yank_file, osc52, [keys], [theme], [limits])"
                ),
            ),
        }
    }
    p.conflicts();
    if p.problems.is_empty() {
        Ok(p.config)
    } else {
        p.problems.sort_by_key(|x| x.line);
        Err(p.problems)
    }
}

struct Parser<'t> {
    text: &'t str,
    config: Config,
    problems: Vec<Problem>,
    /// Where each rebound action was set: mode, action, line.
    key_lines: Vec<(Mode, crate::app::Action, usize)>,
}

type Spanned2<'i> = Spanned<DeValue<'i>>;

impl Parser<'_> {
    fn problem(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.problems.push(Problem {
            line: line_of(self.text, span.start),
            message: message.into(),
        });
    }

    fn line(&self, span: std::ops::Range<usize>) -> usize {
        line_of(self.text, span.start)
    }

    fn text_width(&mut self, value: &Spanned2<'_>) {
        match integer(value.get_ref()) {
            Some(n @ 20..=MAX_TEXT_WIDTH) => self.config.layout.max_text_width = n as u16,
            _ => self.problem(
                value.span(),
                format!("text_width is a number of columns from 20 to {MAX_TEXT_WIDTH}"),
            ),
        }
    }

    fn side_width(&mut self, value: &Spanned2<'_>) {
        match value.get_ref() {
            DeValue::String(s) if s == "auto" => self.config.layout.side_width = None,
            v => match integer(v) {
                Some(n @ 10..=500) => self.config.layout.side_width = Some(n as u16),
                _ => self.problem(
                    value.span(),
                    "side_width is \"auto\" or a number of columns from 10 to 500",
                ),
            },
        }
    }

    fn limits(&mut self, value: &Spanned2<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span(),
                "[limits] is a table of document and alias_file sizes",
            );
            return;
        };
        for (name, v) in table.iter() {
            let name_str: &str = name.get_ref().as_ref();
            let size = match v.get_ref() {
                DeValue::String(s) => source::parse_size(s),
                other => match integer(other) {
                    Some(n) if n >= 0 => Ok(n as u64),
                    _ => Err(
                        "a size is a string like \"512M\" or \"2G\", or a number of bytes".into(),
                    ),
                },
            };
            let slot = match name_str {
                "document" => &mut self.config.limits.document,
                "alias_file" => &mut self.config.limits.alias_file,
                other => {
                    let msg = format!("unknown limit `{other}` (limits: document, alias_file)");
                    self.problem(name.span(), msg);
                    continue;
                }
            };
            match size {
                Ok(n) => *slot = Some(n),
                Err(e) => self.problem(v.span(), format!("[limits] {name_str}: {e}")),
            }
        }
    }

    fn keys(&mut self, value: &Spanned2<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(value.span(), "[keys] is a table of action = [keys]");
            return;
        };
        for (name, v) in table.iter() {
            let name_str: &str = name.get_ref().as_ref();
            match (v.get_ref(), MODES.iter().find(|(t, _, _)| *t == name_str)) {
                (DeValue::Table(sub), Some((_, mode, _))) if !name_str.is_empty() => {
                    for (action, keys) in sub.iter() {
                        self.binding(*mode, action, keys);
                    }
                }
                _ => self.binding(Mode::Normal, name, v),
            }
        }
    }

    fn binding(
        &mut self,
        mode: Mode,
        name: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned2<'_>,
    ) {
        let name_str: &str = name.get_ref().as_ref();
        let place = MODES
            .iter()
            .find(|(_, m, _)| *m == mode)
            .map_or("", |m| m.2);
        let Some(action) = keymap::action_named(name_str) else {
            let msg = match value.get_ref() {
                DeValue::Table(_) => format!(
                    "unknown key table [keys.{name_str}] (tables: input, help, bookmarks, \
                     concordance, select)"
                ),
                _ => format!("unknown action `{name_str}` (`memcon keys` lists them)"),
            };
            self.problem(name.span(), msg);
            return;
        };
        if !keymap::default_in(mode, action) {
            let msg = format!("`{name_str}` is not an action {place} (`memcon keys` lists them)");
            self.problem(name.span(), msg);
            return;
        }
        let DeValue::Array(items) = value.get_ref() else {
            let msg = format!("`{name_str}` takes a list of keys, like [\"q\", \"ctrl-c\"]");
            self.problem(value.span(), msg);
            return;
        };
        let mut keys = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => match parse_key(s) {
                    Ok(k) => keys.push(k),
                    Err(e) => self.problem(item.span(), e),
                },
                _ => self.problem(item.span(), "a key is a string, like \"ctrl-c\""),
            }
        }
        let line = self.line(name.span());
        self.key_lines.push((mode, action, line));
        self.config.keymap.rebind(mode, action, &keys);
    }

    /// A key bound to two actions in one mode, reported on the line that rebound one.
    fn conflicts(&mut self) {
        for (mode, key, actions) in self.config.keymap.conflicts() {
            let line = self
                .key_lines
                .iter()
                .filter(|(m, a, _)| *m == mode && actions.contains(a))
                .map(|(_, _, l)| *l)
                .max()
                .unwrap_or(1);
            let names: Vec<String> = actions.iter().map(|a| a.config_name()).collect();
            let place = MODES
                .iter()
                .find(|(_, m, _)| *m == mode)
                .map_or("", |m| m.2);
            self.problems.push(Problem {
                line,
                message: format!(
                    "key `{}` is bound to both {} {place}; give one of them other keys",
                    key_config_name(key),
                    names.join(" and ")
                ),
            });
        }
    }

    fn theme(&mut self, value: &Spanned2<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(value.span(), "[theme] is a table of element = \"style\"");
            return;
        };
        if let Some(base) = table.get("base") {
            match base.get_ref() {
                DeValue::String(s) => match Theme::named(s) {
                    Some(t) => self.config.theme = t,
                    None => self.problem(
                        base.span(),
                        format!("unknown theme `{s}` (themes: dark, light, none)"),
                    ),
                },
                _ => self.problem(base.span(), "base is \"dark\", \"light\" or \"none\""),
            }
        }
        for (name, v) in table.iter() {
            let name_str: &str = name.get_ref().as_ref();
            if name_str == "base" {
                continue;
            }
            let style = match v.get_ref() {
                DeValue::String(s) => theme::parse_style(s),
                _ => Err("a style is a string, like \"bold cyan on black\"".into()),
            };
            let style = match style {
                Ok(s) => s,
                Err(e) => {
                    self.problem(v.span(), e);
                    continue;
                }
            };
            match self.config.theme.element_mut(name_str) {
                Some(slot) => *slot = style,
                None => self.problem(
                    name.span(),
                    format!(
                        "unknown theme element `{name_str}` (`memcon config --default` lists them)"
                    ),
                ),
            }
        }
    }
}

fn integer(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Every problem in the file at `path`, as `FILE:LINE: message` lines; empty when it is
/// fine (or missing).
pub fn check(path: &Path) -> Result<Vec<String>, String> {
    let Some(text) = source::read_text(path, source::CONFIG_CAP, Cap::Config)? else {
        return Ok(Vec::new());
    };
    Ok(match parse(&text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|p| format!("{}:{}: {}", path.display(), p.line, p.message))
            .collect(),
    })
}

/// The full default configuration, commented: every setting, every bindable action with
/// its keys and what it does, every theme element with its style.
pub fn default_text() -> String {
    let d = Config::default();
    let mut s = String::new();
    s.push_str(
        "# memcon's configuration: config.toml in memcon's configuration directory
# (~/.config/memcon on Linux, ~/Library/Application Support/memcon on macOS;
# --config-dir DIR or MEMCON_CONFIG_DIR=DIR choose another). This is the whole default
# configuration: keep only what you change, every setting is optional.
# `memcon config --check` checks the file; `memcon keys` prints the keys in effect.

# The body text is at most this many columns wide.
",
    );
    let _ = writeln!(s, "text_width = {}\n", d.layout.max_text_width);
    s.push_str(
        "# Columns of the side column (metadata and entities) on wide screens, or \"auto\"
# (three tenths of the screen, 24 to 44 columns). It never takes more than half.
side_width = \"auto\"

# Mark the names of places, people and organizations when a document opens (e toggles).
",
    );
    let _ = writeln!(s, "entity_marks = {}\n", d.entity_marks);
    s.push_str(
        "# y and Y copy to the terminal's clipboard with OSC 52 (over ssh too; in tmux with
# `set -g set-clipboard on`). Set osc52 = false for a terminal that shows it as junk.
",
    );
    let _ = writeln!(s, "osc52 = {}\n", d.osc52);
    s.push_str(
        "# Also append every yank to this file, for terminals without OSC 52 (--yank-to FILE
# does the same for one session). ~/ is your home; a relative path is relative to this
# directory.
# yank_file = \"~/notes/memcon-yanks.md\"

",
    );
    s.push_str(
        "# The biggest files memcon reads, as \"512M\", \"2G\" or a number of bytes: documents
# (memcon FILE, export, entities, cite, bookmarks, a document opened from a collection) and
# the alias file. --max-file-size SIZE and MEMCON_MAX_FILE_SIZE (for documents) and
# MEMCON_MAX_ALIAS_SIZE (for the alias file) win over these. The defaults:
[limits]
",
    );
    let limits = crate::source::Limits::default();
    let _ = writeln!(s, "# document = \"{}\"", size_setting(limits.document));
    let _ = writeln!(
        s,
        "# alias_file = \"{}\"\n",
        size_setting(limits.alias_file)
    );
    s.push_str(
        "# Keys, by action. Each action takes a list of keys; [] unbinds it. A key is a
# character (q, G, ?), ctrl-X, alt-X, up, down, left, right, pageup, pagedown, home, end,
# enter, esc, tab, shift-tab, backspace, delete, space or f1 to f24. A key bound to two
# actions in one place is an error. [keys] is for reading; [keys.input], [keys.help],
# [keys.bookmarks] and [keys.concordance] are for the input line and the overlays,
# [keys.select] for a selection made with v.
",
    );
    for (table, mode, place) in MODES {
        let header = if table.is_empty() {
            "keys".to_string()
        } else {
            format!("keys.{table}")
        };
        let _ = writeln!(s, "\n[{header}] # {place}");
        for section in d.keymap.sections().iter().filter(|x| x.mode == *mode) {
            write_section(&mut s, section);
        }
    }
    s.push_str(
        "\n# Colours and styles. base is the built-in theme to start from: dark, light or none
# (no colour; NO_COLOR in the environment always means none). A style is any of bold, dim,
# italic, underline, reverse, a colour for the text and `on` a colour for the background:
# \"bold cyan\", \"black on yellow\", \"none\". Colours: black, red, green, yellow, blue,
# magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue,
# lightmagenta, lightcyan, white, 0 to 255, or #rrggbb. The styles below are the dark
# theme's.
[theme]
base = \"dark\"
",
    );
    for (name, doc, style) in d.theme.elements() {
        let _ = writeln!(s, "{name} = \"{}\" # {doc}", theme::style_string(style));
    }
    s
}

/// `1G`, `4M`, `300K` or bytes: a size as the `[limits]` table takes it.
fn size_setting(bytes: u64) -> String {
    for (shift, unit) in [(40, "T"), (30, "G"), (20, "M"), (10, "K")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{}{unit}", bytes >> shift);
        }
    }
    bytes.to_string()
}

fn write_section(s: &mut String, section: &Section) {
    let _ = writeln!(s, "# {}", section.name);
    for (action, keys) in keymap::grouped_keys(&section.bindings) {
        let keys: Vec<String> = keys
            .into_iter()
            .map(|k| {
                format!(
                    "\"{}\"",
                    key_config_name(k)
                        .replace('\\', "\\\\")
                        .replace('"', "\\\"")
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "{} = [{}] # {}",
            action.config_name(),
            keys.join(", "),
            action.doc()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::style::Color;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let text = default_text();
        assert_eq!(parse(&text), Ok(Config::default()));
        assert!(
            text.contains("quit = [\"q\", \"ctrl-c\"] # Quit memcon"),
            "{text}"
        );
        assert!(text.contains("target = \"black on yellow\""), "{text}");
    }

    #[test]
    fn a_good_file_changes_only_what_it_names() {
        let text = r##"
text_width = 80
side_width = 50
entity_marks = false

[keys]
quit = ["x"]
toggle_metadata = []

[keys.help]
close_help = ["esc", "q", "x"]

[theme]
base = "light"
target = "bold black on #ffcc00"
"##;
        let c = parse(text).unwrap();
        assert_eq!(c.layout.max_text_width, 80);
        assert_eq!(c.layout.side_width, Some(50));
        assert!(!c.entity_marks);
        assert_eq!(c.keymap.lookup(Mode::Normal, key('x')), Some(Action::Quit));
        assert_eq!(c.keymap.lookup(Mode::Normal, key('q')), None);
        assert_eq!(c.keymap.lookup(Mode::Normal, key('i')), None, "unbound");
        assert_eq!(
            c.keymap.lookup(Mode::Help, key('x')),
            Some(Action::CloseHelp)
        );
        assert_eq!(
            c.keymap.lookup(Mode::Normal, key('j')),
            Some(Action::LineDown)
        );
        assert_eq!(c.theme.target.bg, Some(Color::Rgb(255, 204, 0)));
        assert_eq!(c.theme.heading, Theme::light().heading, "the base theme's");
    }

    #[test]
    fn yank_settings() {
        let c = parse("osc52 = false\nyank_file = \"~/notes/yanks.md\"\n").unwrap();
        assert!(!c.osc52);
        assert_eq!(c.yank_file, Some("~/notes/yanks.md".into()));
        let problems = parse("osc52 = \"no\"\nyank_file = 3\n").unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("osc52 is true or false"));
        assert_eq!(problems[1].line, 2);
    }

    #[test]
    fn limits_are_sizes_and_a_bad_one_is_named_with_its_line() {
        let c = parse("[limits]\ndocument = \"2G\"\nalias_file = 1024\n").unwrap();
        assert_eq!(c.limits.document, Some(2 << 30));
        assert_eq!(c.limits.alias_file, Some(1024));
        let problems = parse("[limits]\ndocument = \"huge\"\ndocumnet = \"1G\"\n").unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(
            problems[0]
                .message
                .contains("[limits] document: \"huge\" is not a size"),
            "{problems:?}"
        );
        assert_eq!(problems[1].line, 3);
        assert!(problems[1].message.contains("unknown limit `documnet`"));
        let text = default_text();
        assert!(
            text.contains("[limits]\n# document = \"1G\"\n# alias_file = \"4M\""),
            "{text}"
        );
    }

    #[test]
    fn a_bad_line_is_reported_with_its_line() {
        let text = "text_width = 80\nside_width = [\n";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems[0].line, 2, "{problems:?}");
        let problems = parse("text_width = 80\n\ntext_width = 90\n").unwrap_err();
        assert_eq!(problems[0].line, 3, "{problems:?}");
        let problems = parse("text_width = 5\ncolour = \"red\"\n").unwrap_err();
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2], "{problems:?}");
        assert!(problems[1].message.contains("unknown setting `colour`"));
    }

    #[test]
    fn an_unknown_action_or_key_is_named_with_its_line() {
        let text = "[keys]\nquit = [\"q\"]\nleave = [\"x\"]\nline_down = [\"ctrl-\"]\n";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0].message.contains("unknown action `leave`"),
            "{problems:?}"
        );
        assert_eq!(problems[1].line, 4);
        assert!(
            problems[1].message.contains("`ctrl-` is not a key"),
            "{problems:?}"
        );
        let problems = parse("[keys.help]\nadd_bookmark = [\"m\"]\n").unwrap_err();
        assert!(
            problems[0].message.contains("not an action in help"),
            "{problems:?}"
        );
        let problems = parse("[theme]\ntarget = \"blinking red\"\n").unwrap_err();
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn a_key_bound_to_two_actions_is_a_conflict_on_the_line_that_did_it() {
        let text = "[keys]\nquit = [\"q\"]\nline_down = [\"j\", \"n\"]\n";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .contains("key `n` is bound to both line_down and next_target in the text"),
            "{problems:?}"
        );
        // Moving the other action away resolves it.
        let text = "[keys]\nline_down = [\"j\", \"n\"]\nnext_target = [\"]\"]\n";
        assert!(parse(text).is_ok());
    }

    #[test]
    fn a_bad_file_leaves_the_defaults_and_one_message_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[keys]\nquit = [\"x\"]\nleave = [\"y\"]\nfoo = 1\n").unwrap();
        let (config, msg) = load(&path);
        assert_eq!(config, Config::default());
        let msg = msg.unwrap();
        assert!(
            msg.starts_with(&format!(
                "config file ignored: {}:3: unknown action `leave`",
                path.display()
            )),
            "{msg}"
        );
        assert!(msg.contains("and 1 more"), "{msg}");
        assert_eq!(check(&path).unwrap().len(), 2);
        let (config, msg) = load(&dir.path().join("missing.toml"));
        assert_eq!((config, msg), (Config::default(), None));
    }
}
