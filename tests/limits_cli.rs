//! Input limits, as a user meets them: what memcon refuses to read and how it says so.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Run memcon with `args` and `env` in throwaway directories; fail if it takes a minute (a
/// FIFO or an endless file must never make it wait).
fn memcon(args: &[&str], env: &[(&str, &Path)], config: &Path) -> Output {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_memcon"));
    cmd.args(args)
        .env("MEMCON_DATA_DIR", data.path())
        .env("MEMCON_CONFIG_DIR", config)
        .env_remove("MEMCON_MAX_FILE_SIZE")
        .env_remove("MEMCON_MAX_ALIAS_SIZE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run memcon");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("memcon {args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn devices_fifos_and_directories_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = memcon(&["export", "/dev/zero"], &[], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("/dev/zero: is a device, not a file memcon can read"),
        "{}",
        stderr(&out)
    );
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in our temporary directory.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for cmd in [&["export"][..], &["entities"], &[]] {
        let mut args = cmd.to_vec();
        args.push(fifo.to_str().unwrap());
        let out = memcon(&args, &[], dir.path());
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains("is a named pipe (FIFO)"),
            "{}",
            stderr(&out)
        );
    }
    let out = memcon(&["export", dir.path().to_str().unwrap()], &[], dir.path());
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

#[test]
fn a_document_over_the_cap_is_refused_and_the_message_says_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("memo.txt");
    std::fs::write(
        &doc,
        "Memo\n\n".to_string() + &"A paragraph.\n\n".repeat(200),
    )
    .unwrap();
    let path = doc.to_str().unwrap();
    let out = memcon(&["export", "--max-file-size", "1K", path], &[], dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("is over the 1 KiB limit for documents"),
        "{err}"
    );
    assert!(
        err.contains("--max-file-size") && err.contains("MEMCON_MAX_FILE_SIZE"),
        "{err}"
    );
    // The same cap from the environment, from config.toml; raised by the flag.
    let cap = Path::new("2K");
    let out = memcon(
        &["entities", path],
        &[("MEMCON_MAX_FILE_SIZE", cap)],
        dir.path(),
    );
    assert!(stderr(&out).contains("2 KiB limit"), "{}", stderr(&out));
    std::fs::write(
        dir.path().join("config.toml"),
        "[limits]\ndocument = \"1K\"\n",
    )
    .unwrap();
    let out = memcon(&["export", path], &[], dir.path());
    assert!(stderr(&out).contains("1 KiB limit"), "{}", stderr(&out));
    let out = memcon(&["export", "--max-file-size", "1M", path], &[], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_bad_size_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = memcon(&["export", "--max-file-size", "big"], &[], dir.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--max-file-size: \"big\" is not a size"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_alias_file_over_its_cap_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let aliases = format!("hide = [{}]\n", "\"Moscow\", ".repeat(50));
    std::fs::write(dir.path().join("aliases.toml"), aliases).unwrap();
    let cap = Path::new("100");
    let out = memcon(&["entities"], &[("MEMCON_MAX_ALIAS_SIZE", cap)], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("alias file ignored"), "{err}");
    assert!(err.contains("limit for the alias file"), "{err}");
    // Ignored, so Moscow is not hidden.
    assert!(String::from_utf8_lossy(&out.stdout).contains("Moscow"));
}
