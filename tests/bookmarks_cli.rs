//! `memcon bookmarks` through the real binary: concurrency, crashes, damaged and foreign files.
//! Every test uses its own temporary data directory, never the real home.

use memcon::bookmarks::file::BookmarkFile;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

mod bookmarks_env;
use bookmarks_env::{Env, saved_id, text};

#[test]
fn add_list_and_export_round_trip() {
    let env = Env::new();
    let out = env.add(3, "check the date");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = saved_id(&text(&out.stdout)).expect("an id");
    let list = text(&env.run(&["bookmarks", "list"]).stdout);
    assert!(list.contains(&id) && list.contains("¶3") && list.contains("check the date"));
    let doc = env.doc.to_str().unwrap();
    let md = text(&env.run(&["bookmarks", "export", doc]).stdout);
    assert!(md.contains("### Paragraph 3\n\n> "), "{md}");
    assert!(md.contains("Note: check the date"));
    assert!(md.starts_with("## Memorandum of Conversation between Averell Harriman"));
    assert!(md.contains("\nDate: July 3, 1945"));
    assert!(md.contains("\nCitation: \"Memorandum of Conversation"));
    assert!(
        md.contains(
            "\nURL: <https://wilson-center-digital-archive.dvincitest.com/document/123408>"
        )
    );
    let export: serde_json::Value =
        serde_json::from_slice(&env.run(&["export", doc]).stdout).unwrap();
    assert_eq!(export["bookmarks"][0]["id"], id.as_str());
    assert_eq!(export["bookmarks"][0]["paragraph"], 3);
    assert_eq!(export["bookmarks"][0]["status"], "exact");
    // The flag overrides the environment.
    let other = env.dir.path().join("elsewhere");
    let out = env.run(&["bookmarks", "list", "--data-dir", other.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(!text(&out.stdout).contains(&id));
}

#[test]
fn a_missing_paragraph_is_one_clear_error() {
    let env = Env::new();
    let out = env.add(100_000, "x");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("there is no paragraph 100000"), "{err}");
    assert!(!env.file().exists());
}

#[test]
fn two_processes_adding_100_each_keep_all_200() {
    let env = Env::new();
    std::thread::scope(|s| {
        for who in ["left", "right"] {
            let env = &env;
            s.spawn(move || {
                for i in 0..100 {
                    let out = env.add(1 + i % 4, &format!("{who} {i}"));
                    assert!(out.status.success(), "{}", text(&out.stderr));
                }
            });
        }
    });
    let saved = env.saved();
    assert_eq!(saved.bookmarks.len(), 200);
    for who in ["left", "right"] {
        for i in 0..100 {
            let note = format!("{who} {i}");
            assert!(
                saved
                    .bookmarks
                    .iter()
                    .any(|b| b.note.as_deref() == Some(&note)),
                "{note} lost"
            );
        }
    }
}

#[test]
fn killing_a_saving_process_never_damages_the_file_or_loses_a_reported_bookmark() {
    let env = Env::new();
    // A big file makes each save take long enough for kills to land inside it.
    let mut seed = BookmarkFile::default();
    let first = env.add(1, "seed");
    assert!(first.status.success());
    let template = env.saved().bookmarks[0].clone();
    for i in 0..2000 {
        let mut b = template.clone();
        b.id = format!("seed-{i}");
        seed.bookmarks.push(b);
    }
    fs::write(env.file(), serde_json::to_vec(&seed).unwrap()).unwrap();

    let doc = env.doc.to_str().unwrap().to_string();
    // How long one save takes here, so the kills can be spread across its whole run.
    let started = Instant::now();
    let out = env.add(2, "timed");
    let full = started.elapsed();
    let mut reported = vec![saved_id(&text(&out.stdout)).unwrap()];
    let mut mid_write = 0;
    for round in 0..25u32 {
        let mut child = env
            .cmd(&["bookmarks", "add", &doc, "--paragraph", "2"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Every fifth round runs to completion; the others are killed at 0%..140% of a save.
        let kill_after = (round % 5 != 4).then(|| full * (round % 8) / 5);
        let started = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if kill_after.is_some_and(|d| started.elapsed() >= d) {
                let _ = child.kill();
                break;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "add hung");
            std::thread::sleep(Duration::from_micros(200));
        }
        let out = child.wait_with_output().unwrap();
        mid_write += bookmarks_env::named(&env.data(), ".tmp").len();
        let id = saved_id(&text(&out.stdout));
        if kill_after.is_none() {
            assert!(
                out.status.success() && id.is_some(),
                "round {round}: not killed, not saved"
            );
        }
        reported.extend(id);
        let saved = env.saved(); // panics if the file is not valid
        assert!(saved.bookmarks.len() >= 2000, "seed bookmarks lost");
        for id in &reported {
            assert!(
                saved.bookmarks.iter().any(|b| &b.id == id),
                "round {round}: {id} was reported saved but is missing"
            );
        }
    }
    eprintln!(
        "one save: {full:?}; {} adds reported saved; {mid_write} temporary files left by kills",
        reported.len() - 1
    );
}

#[test]
fn a_corrupt_file_is_set_aside_and_the_user_told_where() {
    let env = Env::new();
    fs::create_dir_all(env.data()).unwrap();
    let damaged = b"{\"schema\": 1, \"bookmarks\": [{\"id\": \"b-1\", \"docu";
    fs::write(env.file(), damaged).unwrap();
    let out = env.add(1, "after the damage");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let moved: Vec<PathBuf> = fs::read_dir(env.data())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("bookmarks.json.corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(fs::read(&moved[0]).unwrap(), damaged);
    assert!(err.contains(&moved[0].display().to_string()), "{err}");
    assert_eq!(env.saved().bookmarks.len(), 1);
}

#[test]
fn a_newer_schema_is_left_untouched() {
    let env = Env::new();
    fs::create_dir_all(env.data()).unwrap();
    let future = br#"{"schema": 2, "bookmarks": {"new": "layout"}}"#;
    fs::write(env.file(), future).unwrap();
    let out = env.add(1, "x");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("newer memcon (schema 2)"), "{err}");
    let list = env.run(&["bookmarks", "list"]);
    assert!(!list.status.success());
    assert_eq!(fs::read(env.file()).unwrap(), future);
    let set_aside = fs::read_dir(env.data())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("corrupt")
        })
        .count();
    assert_eq!(set_aside, 0, "a newer file is not corrupt");
}

#[test]
fn unknown_fields_of_the_same_schema_survive_a_save() {
    let env = Env::new();
    assert!(env.add(1, "first").status.success());
    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(env.file()).unwrap()).unwrap();
    json["synced_with"] = "laptop".into();
    json["bookmarks"][0]["colour"] = "amber".into();
    fs::write(env.file(), json.to_string()).unwrap();
    assert!(env.add(2, "second").status.success());
    let after: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(env.file()).unwrap()).unwrap();
    assert_eq!(after["synced_with"], "laptop");
    assert_eq!(after["bookmarks"][0]["colour"], "amber");
    assert_eq!(after["bookmarks"].as_array().unwrap().len(), 2);
}

/// True when permission bits do not stop this process from writing (root, some containers).
fn writes_ignore_permissions(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o500)).unwrap();
    let wrote = fs::write(probe.join("x"), b"x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o700)).unwrap();
    wrote
}

#[test]
fn an_unwritable_place_is_reported_and_nothing_is_claimed_saved() {
    let env = Env::new();
    // A data directory under a regular file cannot be created, whoever we are.
    let blocker = env.dir.path().join("not-a-dir");
    fs::write(&blocker, b"").unwrap();
    let dir = blocker.join("memcon");
    let doc = env.doc.to_str().unwrap();
    let args = ["bookmarks", "add", doc, "--paragraph", "1"];
    let out = env.run(&[&args[..], &["--data-dir", dir.to_str().unwrap()]].concat());
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("bookmarks not saved") && err.contains("not-a-dir"),
        "{err}"
    );
    assert!(text(&out.stdout).is_empty());

    // A read-only directory, where permission bits apply.
    if writes_ignore_permissions(env.dir.path()) {
        eprintln!("skipped the read-only directory case: this process ignores permission bits");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    assert!(env.add(1, "before").status.success());
    fs::set_permissions(env.data(), fs::Permissions::from_mode(0o500)).unwrap();
    let out = env.add(2, "while read-only");
    fs::set_permissions(env.data(), fs::Permissions::from_mode(0o700)).unwrap();
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("permission denied"));
    assert_eq!(env.saved().bookmarks.len(), 1);
}

#[test]
fn bookmarks_follow_their_words_into_a_changed_text_and_are_never_dropped() {
    let env = Env::new();
    let doc = env.doc.to_str().unwrap();
    let out = env.add(3, "kept");
    let id = saved_id(&text(&out.stdout)).unwrap();
    let quote = env.saved().bookmarks[0].anchor.quote.clone();
    // Re-exported with a new paragraph near the top: same words, one paragraph later.
    let original = memcon::BUNDLED;
    let quote_at = original.find(&quote[..60]).expect("quote in the text");
    let para_start = original[..quote_at].rfind("\n\n").unwrap();
    let para_end = quote_at + original[quote_at..].find("\n\n").unwrap();
    let changed = format!(
        "{}\n\nAn editor's note inserted above.{}",
        &original[..para_start],
        &original[para_start..]
    );
    fs::write(&env.doc, &changed).unwrap();
    let json: serde_json::Value = serde_json::from_slice(
        &env.run(&["bookmarks", "export", doc, "--format", "json"])
            .stdout,
    )
    .unwrap();
    let b = &json["documents"][0]["bookmarks"][0];
    assert_eq!(b["id"], id.as_str());
    assert_eq!(b["status"], "moved");
    assert_eq!(b["paragraph"], 4);
    // The paragraph is gone altogether: the bookmark stays, marked, with its note.
    let removed = format!("{}{}", &original[..para_start], &original[para_end..]);
    fs::write(&env.doc, removed).unwrap();
    let list = text(&env.run(&["bookmarks", "list", doc]).stdout);
    assert!(
        list.contains(&id) && list.contains("not found in this version"),
        "{list}"
    );
    assert!(list.contains("note: kept"));
    assert_eq!(env.saved().bookmarks.len(), 1);
}
