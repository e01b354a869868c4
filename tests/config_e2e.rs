//! The configuration file as a user meets it: a remapped key in the real reader, and a bad
//! file that is named with its line while memcon goes on with its defaults.

mod pty;
use pty::Session;

fn config_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    dir
}

#[test]
fn quit_remapped_in_the_config_file_quits_with_the_new_key_only() {
    let dir = config_dir("[keys]\nquit = [\"x\"]\n");
    let path = dir.path().to_str().unwrap();
    let mut s = Session::start(&[], &[("MEMCON_CONFIG_DIR", path)], 80, 24);
    s.wait_text("Text  ¶ ");
    s.send("q");
    // Still running: help opens (and shows the new key), q did nothing.
    s.send("h");
    s.wait_text("Help — Esc closes");
    s.send("h");
    s.wait_for("help to close", |sc| {
        !sc.contents().contains("Help — Esc closes")
    });
    s.send("x");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn the_config_dir_flag_is_read_too() {
    let dir = config_dir("[keys]\nquit = [\"x\"]\n");
    let path = dir.path().to_str().unwrap();
    let mut s = Session::start(&["--config-dir", path], &[], 80, 24);
    s.wait_text("Text  ¶ ");
    s.send("x");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_bad_config_file_is_named_with_its_line_and_the_defaults_still_work() {
    let dir = config_dir("text_width = 80\n[keys]\nleave = [\"x\"]\n");
    let path = dir.path().to_str().unwrap();
    let mut s = Session::start(&[], &[("MEMCON_CONFIG_DIR", path)], 200, 24);
    s.wait_text("config.toml:3: unknown action `leave`");
    s.send("q");
    assert!(s.wait_exit().success(), "q quits: the defaults are in use");
    s.assert_restored();
}
