//! The bookmark files as users and other programs leave them: times out of range, a byte order
//! mark, links, damage seen by commands that only read, a disk that refuses the write, notes
//! too long or full of control characters. Through the real binary, in temporary directories.

mod bookmarks_env;
use bookmarks_env::{Env, named, saved_id, snapshot, text};
use memcon::bookmarks::Timestamp;
use std::fs;
use std::os::unix::fs::symlink;

/// A bookmark of the bundled memo's first paragraph with the given times, as JSON text.
fn bookmark_json(env: &Env, id: &str, created: &str, updated: &str) -> String {
    assert!(env.add(1, "template").status.success());
    let mut b = serde_json::to_value(&env.saved().bookmarks[0]).unwrap();
    b["id"] = id.into();
    b["note"] = format!("note of {id}").into();
    let mut s = b.to_string();
    s = s.replace(
        &format!("\"created\":{}", b["created"]),
        &format!("\"created\":{created}"),
    );
    s.replace(
        &format!("\"updated\":{}", b["updated"]),
        &format!("\"updated\":{updated}"),
    )
}

#[test]
fn times_beyond_four_digit_years_are_clamped_not_a_reason_to_set_the_file_aside() {
    let env = Env::new();
    let far = [
        // What an older memcon wrote for years past 9999 and before 0.
        bookmark_json(&env, "b-late", r#""10000-01-01T00:00:00.000Z""#, "1"),
        bookmark_json(&env, "b-early", r#""-001-12-31T00:00:00.000Z""#, "1"),
        // Milliseconds where seconds belong: the year 58875.
        bookmark_json(&env, "b-ms", "1795705527123", "1795705527123"),
    ];
    let file = format!(r#"{{"schema":1,"bookmarks":[{}]}}"#, far.join(","));
    fs::write(env.file(), &file).unwrap();

    let list = env.run(&["bookmarks", "list"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    for id in ["b-late", "b-early", "b-ms"] {
        assert!(text(&list.stdout).contains(id), "{}", text(&list.stdout));
    }
    assert!(named(&env.data(), "corrupt").is_empty());
    assert_eq!(
        fs::read_to_string(env.file()).unwrap(),
        file,
        "listing wrote"
    );

    // A save writes the clamped times, and what it wrote reads back the same.
    let out = env.add(2, "after");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = fs::read_to_string(env.file()).unwrap();
    assert!(
        written.contains("\"9999-12-30T22:00:00.000Z\""),
        "{written}"
    );
    assert!(
        written.contains("\"0000-01-01T00:00:00.000Z\""),
        "{written}"
    );
    let saved = env.saved();
    assert_eq!(saved.bookmarks.len(), 4);
    let value: serde_json::Value = serde_json::from_str(&written).unwrap();
    for b in value["bookmarks"].as_array().unwrap() {
        for key in ["created", "updated"] {
            let t = b[key].as_str().unwrap();
            let parsed = Timestamp::parse_rfc3339(t).expect("memcon reads what it writes");
            assert_eq!(parsed.rfc3339(), t);
        }
    }
    assert!(named(&env.data(), "corrupt").is_empty());
}

#[test]
fn a_byte_order_mark_is_not_damage() {
    let env = Env::new();
    assert!(env.add(3, "with a BOM").status.success());
    let plain = fs::read(env.file()).unwrap();
    fs::write(env.file(), [b"\xEF\xBB\xBF".as_slice(), &plain].concat()).unwrap();
    let list = env.run(&["bookmarks", "list"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    assert!(text(&list.stdout).contains("with a BOM"));
    assert!(text(&list.stderr).is_empty(), "{}", text(&list.stderr));
    assert!(env.add(4, "second").status.success());
    assert_eq!(env.saved().bookmarks.len(), 2);
    assert!(named(&env.data(), "corrupt").is_empty());
}

#[test]
fn commands_that_only_read_change_no_file() {
    let env = Env::new();
    let doc = env.doc.to_str().unwrap();
    let read_only: [&[&str]; 6] = [
        &["bookmarks", "list"],
        &["bookmarks", "list", doc],
        &["bookmarks", "export"],
        &["bookmarks", "export", doc, "--format", "json"],
        &["export", doc],
        &["export", doc, "--pretty"],
    ];
    // No data directory yet: none is made.
    for args in read_only {
        env.run(args);
        assert!(!env.data().exists(), "{args:?} made the data directory");
    }
    // A damaged file: reported, left where and as it is.
    fs::create_dir(env.data()).unwrap();
    let damaged = br#"{"schema": 1, "bookmarks": [{"id": "b-1", "docu"#;
    fs::write(env.file(), damaged).unwrap();
    let before = snapshot(env.dir.path());
    for args in read_only {
        let out = env.run(args);
        let err = text(&out.stderr);
        assert!(err.contains("is unreadable"), "{args:?}: {err}");
        if args[0] == "bookmarks" {
            assert!(
                !out.status.success(),
                "{args:?} listed nothing and called it success"
            );
        } else {
            assert!(out.status.success(), "{args:?}: {err}");
        }
        assert_eq!(snapshot(env.dir.path()), before, "{args:?} changed a file");
    }
    // Only a command that writes moves it aside.
    assert!(env.add(1, "now").status.success());
    let moved = named(&env.data(), "bookmarks.json.corrupt-");
    assert_eq!(moved.len(), 1);
    assert_eq!(fs::read(&moved[0]).unwrap(), damaged);
}

#[test]
fn a_linked_bookmarks_file_is_written_through_and_stays_a_link() {
    let env = Env::new();
    let synced = env.dir.path().join("Sync");
    fs::create_dir_all(&synced).unwrap();
    fs::create_dir(env.data()).unwrap();
    symlink(synced.join("memcon.json"), env.file()).unwrap();
    for (p, note) in [(1, "first"), (2, "second")] {
        let out = env.add(p, note);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let link = fs::symlink_metadata(env.file()).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let target: memcon::bookmarks::file::BookmarkFile =
        serde_json::from_slice(&fs::read(synced.join("memcon.json")).unwrap()).unwrap();
    assert_eq!(target.bookmarks.len(), 2);
    let list = text(&env.run(&["bookmarks", "list"]).stdout);
    assert!(list.contains("first") && list.contains("second"), "{list}");
    // Nothing is left beside either end.
    assert_eq!(named(&synced, ""), [synced.join("memcon.json")]);
    assert_eq!(
        named(&env.data(), ""),
        [env.file(), env.data().join("bookmarks.json.lock")]
    );
}

#[test]
fn links_planted_where_memcon_creates_files_are_not_followed() {
    let env = Env::new();
    assert!(env.add(1, "before").status.success());
    let victim = env.dir.path().join("victim");
    fs::write(&victim, b"precious").unwrap();
    // The temporary file's old, predictable name: the name is no longer used at all.
    symlink(&victim, env.data().join(".bookmarks.json.tmp")).unwrap();
    let out = env.add(2, "through the planted link?");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    assert_eq!(env.saved().bookmarks.len(), 2);

    // The lock file: refused with a message naming the link, and the bookmark is kept in a
    // fallback file.
    fs::remove_file(env.data().join("bookmarks.json.lock")).unwrap();
    symlink(&victim, env.data().join("bookmarks.json.lock")).unwrap();
    let out = env.add(3, "kept anyway");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("bookmarks.json.lock is a symbolic link"),
        "{err}"
    );
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
    assert_eq!(env.saved().bookmarks.len(), 2);
    let fallback = named(&env.data(), "bookmarks.unsaved-");
    assert_eq!(fallback.len(), 1, "{err}");
    assert!(
        fs::read_to_string(&fallback[0])
            .unwrap()
            .contains("kept anyway")
    );
}

#[test]
fn an_add_that_cannot_be_saved_fails_and_keeps_the_bookmark_in_a_fallback_file() {
    let env = Env::new();
    // A data directory under a regular file cannot be made, whoever runs the test.
    let blocker = env.dir.path().join("not-a-dir");
    fs::write(&blocker, b"").unwrap();
    let data = blocker.join("memcon");
    let doc = env.doc.to_str().unwrap();
    let out = env.run(&[
        "bookmarks",
        "add",
        doc,
        "--paragraph",
        "2",
        "--note",
        "do not lose me",
        "--data-dir",
        data.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(saved_id(&text(&out.stdout)).is_none());
    let err = text(&out.stderr);
    let fallback = named(&env.tmp(), "memcon-bookmarks.unsaved-");
    assert_eq!(fallback.len(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "unsaved bookmarks written to {}",
            fallback[0].display()
        )),
        "{err}"
    );
    // The fallback is a bookmarks file memcon itself reads.
    fs::create_dir(env.data()).unwrap();
    fs::copy(&fallback[0], env.file()).unwrap();
    let list = text(&env.run(&["bookmarks", "list"]).stdout);
    assert!(list.contains("do not lose me"), "{list}");
}

#[test]
fn a_note_over_the_limit_is_refused_and_control_characters_never_reach_the_file() {
    let env = Env::new();
    let long = "x".repeat(memcon::bookmarks::model::NOTE_MAX_CHARS + 1);
    let out = env.add(1, &long);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("a note holds at most 10000"), "{err}");
    assert!(!env.file().exists());
    let longest = "é".repeat(memcon::bookmarks::model::NOTE_MAX_CHARS);
    assert!(env.add(1, &longest).status.success());

    let hostile = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;Y2xpcA==\u{7}\u{9b}31m\u{202e}txt";
    let out = env.add(2, hostile);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = fs::read_to_string(env.file()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&written).unwrap();
    let note = value["bookmarks"][1]["note"].as_str().unwrap();
    assert!(!note.chars().any(|c| c.is_control()), "{note:?}");
    assert!(!note.contains('\u{202e}'), "{note:?}");
    assert!(note.contains("PWNED") && note.ends_with("txt"), "{note:?}");
}
