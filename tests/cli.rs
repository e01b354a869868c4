//! The command line as a script or a person uses it: exit codes, messages, JSON keys.

use std::process::{Command, Output};

fn memcon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memcon"))
        .args(args)
        .env(
            "MEMCON_DATA_DIR",
            std::env::temp_dir().join("memcon-cli-test-data"),
        )
        .env(
            "MEMCON_CONFIG_DIR",
            std::env::temp_dir().join("memcon-cli-test-config"),
        )
        .output()
        .expect("run memcon")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn export_json(args: &[&str]) -> serde_json::Value {
    let out = memcon(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("export prints JSON")
}

#[test]
fn export_of_the_bundled_memo_has_the_documented_keys() {
    let v = export_json(&["export"]);
    assert_eq!(v["schema"], 1);
    assert_eq!(v["source"], "bundled");
    for key in [
        "title",
        "date",
        "date_iso",
        "citation",
        "url",
        "summary",
        "original_archive",
        "credits",
        "original_language",
        "contents",
        "extra",
    ] {
        assert!(v["metadata"].get(key).is_some(), "metadata.{key} missing");
    }
    for key in [
        "heading",
        "classification",
        "place",
        "date",
        "present",
        "subject",
        "from",
        "to",
        "signature",
    ] {
        assert!(v["memo"].get(key).is_some(), "memo.{key} missing");
    }
    assert_eq!(v["metadata"]["date_iso"], "1945-07-03");
    assert_eq!(v["memo"]["present"][0]["name"], "W. A. Harriman");
    assert_eq!(v["memo"]["present"][0]["role"], "American Ambassador");
    assert_eq!(v["blocks"][0]["kind"], "heading");
    assert!(
        v["blocks"][7]["text"]
            .as_str()
            .unwrap()
            .contains("Port Arthur")
    );
    assert_eq!(v["blocks"][7]["spans"][0]["kind"], "editorial");
    assert!(v["footnotes"].as_array().unwrap().is_empty());
    assert!(v["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn export_pretty_is_the_same_document() {
    let compact = export_json(&["export"]);
    let out = memcon(&["export", "--pretty"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() > 50, "pretty output is indented");
    let pretty: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(compact, pretty);
}

#[test]
fn export_of_a_file_names_its_source_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"A title\n\nThe caf\xE9 \x1b[31mred\x1b[0m text\n").unwrap();
    let v = export_json(&["export", path.to_str().unwrap()]);
    assert_eq!(v["source"], path.to_str().unwrap());
    let warnings = v["warnings"].to_string();
    assert!(warnings.contains("invalid UTF-8"), "{warnings}");
    assert!(warnings.contains("control character"), "{warnings}");
    let text = v["blocks"][0]["text"].as_str().unwrap();
    assert!(!text.contains('\u{1b}') && text.contains("\u{241B}[31m"));
}

#[test]
fn bad_files_get_one_line_and_a_failure_code() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let binary = dir.path().join("scan.pdf");
    std::fs::write(&binary, b"%PDF-1.4\0\0\x01\x02").unwrap();
    let cases = [
        (missing.to_str().unwrap(), "no such file"),
        (dir.path().to_str().unwrap(), "is a directory"),
        (binary.to_str().unwrap(), "binary file"),
    ];
    for (path, why) in cases {
        // A folder alone opens the library (which needs a terminal, see below).
        let alone = (why != "is a directory").then(|| vec![path]);
        for args in std::iter::once(vec!["export", path]).chain(alone) {
            let out = memcon(&args);
            assert!(!out.status.success(), "{args:?} should fail");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "one line: {err}");
            assert!(err.starts_with(&format!("memcon: {path}: ")), "{err}");
            assert!(err.contains(why), "{err}");
            assert!(!err.contains("panicked"));
            assert!(out.stdout.is_empty());
        }
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, "Title\nBody\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permission bits do not stop reads, so there is nothing to test.
        return;
    }
    let out = memcon(&["export", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("permission denied"));
}

#[test]
fn empty_file_exports_an_empty_document_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, "").unwrap();
    let v = export_json(&["export", path.to_str().unwrap()]);
    assert!(v["blocks"].as_array().unwrap().is_empty());
    assert_eq!(v["warnings"][0], "the document is empty");
}

#[test]
fn help_and_version() {
    let out = memcon(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("export"));
    let out = memcon(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

fn memcon_with_config(args: &[&str], config: &str) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_memcon"))
        .args(args)
        .env("MEMCON_CONFIG_DIR", dir.path())
        .env("MEMCON_DATA_DIR", dir.path().join("data"))
        .output()
        .expect("run memcon");
    (out, dir)
}

#[test]
fn help_lists_the_environment_and_points_to_the_keys() {
    let help = String::from_utf8(memcon(&["--help"]).stdout).unwrap();
    for name in [
        "MEMCON_CONFIG_DIR",
        "MEMCON_DATA_DIR",
        "NO_COLOR",
        "memcon keys",
        "--config-dir",
    ] {
        assert!(help.contains(name), "{name} missing from --help:\n{help}");
    }
}

#[test]
fn keys_prints_the_live_key_table() {
    let out = memcon(&["keys"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Quit memcon"), "{text}");
    assert!(text.contains("In the bookmarks list"), "{text}");
    let quit = text.lines().find(|l| l.contains("Quit memcon")).unwrap();
    assert!(quit.contains("q Ctrl-c"), "{quit}");
    let (out, _dir) = memcon_with_config(&["keys"], "[keys]\nquit = [\"x\"]\n");
    let text = String::from_utf8(out.stdout).unwrap();
    let quit = text.lines().find(|l| l.contains("Quit memcon")).unwrap();
    assert!(quit.trim_start().starts_with("x "), "{quit}");
}

#[test]
fn config_default_prints_a_file_that_check_accepts() {
    let out = memcon(&["config", "--default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("[keys]") && text.contains("[theme]"),
        "{text}"
    );
    let (out, dir) = memcon_with_config(&["config", "--check"], &text);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("config.toml: ok"), "{said}");
    drop(dir);
    let (out, _dir) = memcon_with_config(
        &["config", "--check"],
        "[keys]\nquit = [\"x\"]\nleave = [\"y\"]\n[theme]\ntarget = \"shiny\"\n",
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("config.toml:3: unknown action `leave`"),
        "{err}"
    );
    assert!(err.contains("config.toml:5:"), "{err}");
}

#[test]
fn completions_and_the_manual_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let out = memcon(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("memcon")
                && script.contains("bookmarks")
                && script.contains("data-dir"),
            "{shell}: {script}"
        );
    }
    let out = memcon(&["completions", "tcsh"]);
    assert!(!out.status.success(), "an unknown shell is refused");
    let out = memcon(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH memcon"),
        "{page}"
    );
    assert!(
        page.contains("MEMCON_CONFIG_DIR"),
        "the environment is in the page"
    );
}
