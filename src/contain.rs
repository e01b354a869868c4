//! Failures kept inside the job that had them.
//!
//! Loading a big file, finding its entities, searching it, and indexing or searching a
//! collection are jobs memcon can live without: if one of them panics, the reader goes on
//! showing what it has and says what is missing, and a collection skips the file with a
//! reason. [`run`] turns a panic inside a job into a [`Failure`] carrying the panic's message;
//! the message and a backtrace also go to a log file in the state directory (set once with
//! [`set_log_file`]), never to the terminal the reader is drawing on.
//!
//! The panic hook runs before any unwinding can be caught, so every panic hook memcon installs
//! asks [`handled`] first: a panic inside [`run`] is recorded and logged and goes no further,
//! so it never restores the terminal under a reader that keeps running (the terminal guard's
//! hook asks itself; [`install_hook`] wraps whatever hook is in place for everything else).
//! Any other panic ends the process as before.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// The log file's name in the state directory.
pub const LOG_FILE: &str = "errors.log";

/// Forces a failure in the named job (`load`, `entities`, `search`; several separated by
/// commas), for testing that failures stay contained.
pub const ENV_DEBUG_FAIL: &str = "MEMCON_DEBUG_FAIL";

static LOG: Mutex<Option<PathBuf>> = Mutex::new(None);

thread_local! {
    /// The job running inside [`run`] on this thread, if any.
    static JOB: Cell<Option<&'static str>> = const { Cell::new(None) };
    /// The message of the last panic [`handled`] on this thread, for [`run`] to return.
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A job that panicked: what is unavailable because of it, why, and where the details are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What the user goes without (`entities`, `search`, `whole document`, `index`).
    pub what: &'static str,
    /// The panic's message and place (sanitised), or why there is none.
    pub detail: String,
    /// The log that holds the panic message and backtrace, if it could be written.
    pub log: Option<PathBuf>,
}

impl Failure {
    /// A job that ended without a result and without a panic memcon saw (a worker thread
    /// that vanished).
    pub fn vanished(what: &'static str) -> Self {
        Self {
            what,
            detail: "the worker ended without a result".to_string(),
            log: None,
        }
    }

    /// The line for the status line: `entities unavailable: internal error — details in …`.
    pub fn message(&self) -> String {
        let details = match &self.log {
            Some(p) => format!("details in {}", p.display()),
            None => "no log could be written".to_string(),
        };
        let line = format!("{} unavailable: internal error — {details}", self.what);
        crate::document::sanitize::sanitize_str(&line)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Log contained panics to `path` (the state directory's [`LOG_FILE`]).
pub fn set_log_file(path: PathBuf) {
    *LOG.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
}

/// The log file contained panics are written to, once set.
pub fn log_file() -> Option<PathBuf> {
    LOG.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Run the job `what`, turning a panic into a [`Failure`] (logged, see the module comment).
pub fn run<T>(what: &'static str, job: impl FnOnce() -> T) -> Result<T, Failure> {
    let outer = JOB.with(|j| j.replace(Some(what)));
    let result = std::panic::catch_unwind(AssertUnwindSafe(job));
    JOB.with(|j| j.set(outer));
    result.map_err(|payload| {
        // Without a hook that asked [`handled`], the message comes from the payload alone.
        let detail = MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| clean(payload_text(payload.as_ref())));
        Failure {
            what,
            detail,
            log: log_file().filter(|p| p.exists()),
        }
    })
}

/// Called first by every panic hook. A panic inside [`run`] is recorded for [`run`] to
/// return, written to the log, and `true` is returned: the hook must then do nothing else
/// (the job's caller carries on).
pub fn handled(info: &PanicHookInfo<'_>) -> bool {
    let Some(what) = JOB.with(Cell::get) else {
        return false;
    };
    let place = info
        .location()
        .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
    let message = clean(payload_text(info.payload()));
    MESSAGE.with(|m| *m.borrow_mut() = Some(format!("{message}{place}")));
    if let Some(path) = log_file() {
        // Nothing can be done about a log that cannot be written: the failure still shows.
        let _ = append(&path, &report(what, &message, &place));
    }
    true
}

/// Install (once per process) a panic hook that handles contained panics and passes every
/// other one on to the hook there was before. The terminal guard's hook asks [`handled`]
/// itself, so the order of the two does not matter.
pub fn install_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !handled(info) {
                previous(info);
            }
        }));
    });
}

/// Panic here when [`ENV_DEBUG_FAIL`] names `job` (a hidden switch for tests).
pub fn debug_fail(job: &str) {
    let named = std::env::var(ENV_DEBUG_FAIL)
        .is_ok_and(|v| v.split(',').any(|j| j.trim().eq_ignore_ascii_case(job)));
    if named {
        panic!("{ENV_DEBUG_FAIL} names `{job}`: deliberate failure");
    }
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// A panic message can quote document text: keep it harmless for a terminal and for `cat`.
fn clean(message: &str) -> String {
    crate::document::sanitize::sanitize_str(message)
}

fn report(what: &str, message: &str, place: &str) -> String {
    let thread = std::thread::current();
    let backtrace = std::backtrace::Backtrace::force_capture();
    format!(
        "--- {} memcon {}: {what} failed (thread {}){place}\n{message}\n{backtrace}\n",
        crate::bookmarks::Timestamp::now().rfc3339(),
        env!("CARGO_PKG_VERSION"),
        thread.name().unwrap_or("unnamed"),
    )
}

fn append(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_job_is_a_failure_and_the_job_after_it_runs() {
        install_hook();
        let failed = run("entities", || -> usize { panic!("boom") });
        let failure = failed.expect_err("the panic is caught");
        assert_eq!(failure.what, "entities");
        assert!(failure.detail.starts_with("boom at "), "{}", failure.detail);
        assert!(
            failure
                .message()
                .starts_with("entities unavailable: internal error")
        );
        assert_eq!(run("search", || 2 + 2), Ok(4));
        let formatted: Result<(), Failure> = run("index", || panic!("block {} of {}", 3, 9));
        assert!(formatted.unwrap_err().detail.starts_with("block 3 of 9"));
    }

    #[test]
    fn a_panic_message_cannot_drive_the_terminal() {
        install_hook();
        let failed = run("index", || -> () { panic!("bad \x1b]0;title\x07 file") });
        let detail = failed.unwrap_err().detail;
        assert!(detail.starts_with("bad "), "{detail}");
        assert!(
            !detail.contains('\x1b') && !detail.contains('\x07'),
            "{detail}"
        );
    }

    #[test]
    fn failures_name_their_log() {
        let f = Failure {
            what: "search",
            detail: "boom".into(),
            log: Some(PathBuf::from("/state/memcon/errors.log")),
        };
        assert_eq!(
            f.message(),
            "search unavailable: internal error — details in /state/memcon/errors.log"
        );
        let hostile = Failure {
            what: "search",
            detail: "boom".into(),
            log: Some(PathBuf::from("/tmp/\x1b]0;x\x07/errors.log")),
        };
        assert!(!hostile.message().contains('\x1b'));
    }
}
