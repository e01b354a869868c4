//! Nothing memcon prints can drive the terminal: a hostile note (an older bookmarks file's,
//! never cleaned), a document whose file name holds ESC and a bidi override, and an alias
//! file with escape sequences in its names go through every printing command, and neither
//! standard output nor standard error carries an ESC, another C0 control, a C1 control or a
//! bidi control.

mod bookmarks_env;
mod pty;

use bookmarks_env::{Env, text};
use std::fs;
use std::path::PathBuf;
use std::process::Output;

/// OSC 0 sets the window title, OSC 52 writes the clipboard; CSI as a C1 control; a bidi
/// override; DEL.
const HOSTILE: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{9b}2J\u{202e}gnp.exe\u{7f}";

/// Every character a terminal would act on (or reorder text around), by its own list: C0
/// controls but line feed and tab, DEL, C1 controls, the bidi embedding, override and isolate
/// controls, and the line and paragraph separators.
fn unsafe_char(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || c == '\u{2028}'
        || c == '\u{2029}'
}

fn assert_clean(what: &str, bytes: &[u8]) {
    // Valid UTF-8, so no lone byte can be read as a C1 control by an 8-bit terminal.
    let Ok(s) = std::str::from_utf8(bytes) else {
        panic!("{what}: not UTF-8: {:?}", text(bytes));
    };
    if let Some(c) = s.chars().find(|c| unsafe_char(*c)) {
        panic!("{what}: {c:?} in {s:?}");
    }
}

struct Hostile {
    env: Env,
    /// The document, under a file name with ESC and a bidi override.
    doc: PathBuf,
    config: PathBuf,
}

impl Hostile {
    fn new() -> Self {
        let env = Env::new();
        let doc = env
            .dir
            .path()
            .join("memo\u{1b}]0;PWNED\u{7}\u{202e}txt.exe");
        let text = format!(
            "{}\n\nMr. Zorbal{} spoke to Mr. Soong in Peking.\n",
            memcon::BUNDLED.trim_end(),
            "\u{1b}]0;PWNED\u{7}"
        );
        fs::write(&doc, text).unwrap();
        let config = env.dir.path().join("config");
        fs::create_dir(&config).unwrap();
        let aliases = "[[add]]\nname = \"Zorbal\\u001b]0;PWNED\\u0007\"\nkind = \"person\"\n\
                       aliases = [\"Zed\\u009b2J\\u202e\"]\n";
        fs::write(config.join("aliases.toml"), aliases).unwrap();
        Self { env, doc, config }
    }

    fn doc(&self) -> &str {
        self.doc.to_str().unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.env
            .cmd(args)
            .env("MEMCON_CONFIG_DIR", &self.config)
            // Hidden, so the collection commands over the folder do not index it.
            .env("MEMCON_CACHE_DIR", self.env.dir.path().join(".cache"))
            .output()
            .unwrap()
    }

    /// A bookmark in the hostile document whose note, in the file, is `HOSTILE` as an older
    /// memcon (or a hand edit) could have left it.
    fn bookmark_with_raw_note(&self) {
        let out = self.run(&["bookmarks", "add", self.doc(), "--paragraph", "2"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let file = self.env.file();
        let mut json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        json["bookmarks"][0]["note"] = HOSTILE.into();
        fs::write(&file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    }
}

fn check(what: &str, out: &Output) {
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
}

#[test]
fn every_printing_command_keeps_hostile_text_harmless() {
    let h = Hostile::new();
    h.bookmark_with_raw_note();
    let doc = h.doc();
    let missing = format!("{doc}.missing");
    let dir = h.env.dir.path().to_str().unwrap();
    // The collection commands skip the `.exe` (its hostile name is printed among the skipped)
    // and read the same text under a name they take.
    fs::copy(&h.doc, h.env.dir.path().join("hostile.txt")).unwrap();
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("bookmarks list", vec!["bookmarks", "list"]),
        ("bookmarks list FILE", vec!["bookmarks", "list", doc]),
        (
            "bookmarks export markdown",
            vec!["bookmarks", "export", "--format", "markdown"],
        ),
        (
            "bookmarks export markdown FILE",
            vec!["bookmarks", "export", doc, "--format", "markdown"],
        ),
        (
            "bookmarks export json",
            vec!["bookmarks", "export", "--format", "json"],
        ),
        ("entities", vec!["entities", doc]),
        ("entities --json", vec!["entities", doc, "--json"]),
        ("export", vec!["export", doc]),
        ("export --pretty", vec!["export", doc, "--pretty"]),
        ("export of a missing file", vec!["export", &missing]),
        ("reading a missing file", vec![&missing]),
        (
            "bookmarks add past the end",
            vec!["bookmarks", "add", doc, "--paragraph", "999"],
        ),
        ("an unknown flag", vec!["--no-such-flag", doc]),
        ("index DIR", vec!["index", dir]),
        ("entities DIR", vec!["entities", dir]),
        ("entities DIR --json", vec!["entities", dir, "--json"]),
        ("mentions DIR", vec!["mentions", dir, "Zorbal"]),
        (
            "mentions DIR --json",
            vec!["mentions", dir, "Zorbal", "--json"],
        ),
        ("search DIR", vec!["search", dir, "Zorbal"]),
        ("search DIR --json", vec!["search", dir, "Zorbal", "--json"]),
    ];
    for (what, args) in &runs {
        let out = h.run(args);
        check(what, &out);
    }
    // The hostile text did reach the output, as visible symbols.
    let list = text(&h.run(&["bookmarks", "list"]).stdout);
    assert!(list.contains("\u{241b}]0;PWNED\u{2407}"), "{list}");
    assert!(list.contains("txt.exe"), "{list}");
    // The collection commands did read the hostile document.
    let found = text(&h.run(&["search", dir, "Zorbal"]).stdout);
    assert!(found.contains("1 match"), "{found}");
    // JSON keeps the text as escapes a JSON reader turns back into it.
    let json = h.run(&["bookmarks", "export", "--format", "json"]).stdout;
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let note = &value["documents"][0]["bookmarks"][0]["note"];
    assert_eq!(note.as_str(), Some(HOSTILE));
}

#[test]
fn messages_about_files_with_hostile_names_are_harmless() {
    let h = Hostile::new();
    // A configuration file and an alias file that do not parse, in a directory whose name is
    // hostile: their messages name the file.
    let dir = h.env.dir.path().join("conf\u{1b}[2J\u{202e}");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("config.toml"), "[keys]\nquit = 3\u{1b}]0;x\u{7}\n").unwrap();
    fs::write(dir.join("aliases.toml"), "hide = 3\n").unwrap();
    let run = |args: &[&str]| {
        h.env
            .cmd(args)
            .env("MEMCON_CONFIG_DIR", &dir)
            .output()
            .unwrap()
    };
    for (what, args) in [
        ("config --check", vec!["config", "--check"]),
        ("keys", vec!["keys"]),
        ("entities with a bad alias file", vec!["entities", h.doc()]),
        ("export with a bad alias file", vec!["export", h.doc()]),
    ] {
        let out = run(&args);
        check(what, &out);
        assert!(
            text(&out.stderr).contains("conf\u{241b}[2J"),
            "{what}: the message names the file: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_reader_shows_a_hostile_note_and_file_name_as_symbols() {
    let h = Hostile::new();
    h.bookmark_with_raw_note();
    let data = h.env.data();
    let mut s = pty::Session::start(
        &[h.doc()],
        &[
            ("MEMCON_DATA_DIR", data.to_str().unwrap()),
            ("MEMCON_CONFIG_DIR", h.config.to_str().unwrap()),
        ],
        100,
        30,
    );
    s.wait_text("┌ Text ");
    s.send("'");
    s.wait_text("PWNED");
    s.send("q");
    s.wait_for("the list closed", |sc| {
        !sc.contents().contains("Bookmarks (")
    });
    s.send("q");
    s.wait_exit();
    let raw = s.raw_output();
    // memcon's own drawing is all CSI sequences: no OSC (title, clipboard) and no C1 control
    // or bidi override may appear.
    let out = text(&raw);
    assert!(
        !out.contains("\u{1b}]"),
        "an OSC sequence reached the terminal"
    );
    assert!(!out.contains("\u{7}"), "a BEL reached the terminal");
    assert!(
        !out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)),
        "a C1 or bidi control reached the terminal"
    );
}
