//! The one guard that owns the terminal: raw mode, the alternate screen, mouse capture and a
//! hidden cursor are switched on together and switched off together — on a normal exit, on a
//! panic (hook), and on SIGTERM/SIGHUP/SIGINT (flag polled by the event loop).

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use ratatui::DefaultTerminal;
use signal_hook::consts::SIGHUP;
use std::io::{IsTerminal, Read, Write, stdout};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Refuse to start without a terminal on both ends, before writing a single escape byte.
pub fn check_tty() -> Result<(), String> {
    if !std::io::stdout().is_terminal() {
        return Err(
            "standard output is not a terminal: run memcon in a terminal to read, \
                    or use `memcon export` for JSON"
                .into(),
        );
    }
    if !std::io::stdin().is_terminal() {
        return Err("standard input is not a terminal: memcon reads keys from it".into());
    }
    Ok(())
}

/// The terminal while memcon owns it. Dropping it gives the terminal back.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Enter raw mode and the alternate screen, capture the mouse, and install a panic hook
    /// that undoes all of it before the panic message is printed.
    pub fn enter() -> std::io::Result<Self> {
        let terminal = ratatui::try_init()?;
        let guard = Self { terminal };
        execute!(stdout(), EnableMouseCapture)?;
        // Installed after ratatui's hook so it runs first and also switches the mouse off.
        // A panic inside a contained job (loading, entities, search, indexing a collection)
        // is only logged: the reader goes on, so the terminal must stay as it is.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if crate::contain::handled(info) {
                return;
            }
            restore();
            previous(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Give the terminal back: mouse off, cursor shown, main screen, cooked mode. Safe to call
/// more than once; errors are ignored because the terminal may already be gone (SIGHUP).
pub fn restore() {
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Signals that end memcon. The returned cell holds the number of the first one received
/// (0 while none); the event loop checks it between events.
pub fn watch_signals() -> std::io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize)?;
    }
    Ok(flag)
}

/// What the terminal has for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Bytes are waiting (or the wait timed out: crossterm may still have queued events).
    Ready,
    /// The terminal hung up: the window closed or the ssh connection dropped.
    Gone,
}

/// What wakes the reader besides a key: a resize or a quitting signal, whichever of the
/// process's threads the kernel delivers it to (a self-pipe written by the signal handler).
/// Without it a resize could wait for the next timeout before being drawn.
pub struct Wakeup {
    read: UnixStream,
}

impl Wakeup {
    /// Watch SIGWINCH, SIGTERM, SIGHUP and SIGINT (crossterm and [`watch_signals`] still get
    /// them too).
    pub fn new() -> std::io::Result<Self> {
        use signal_hook::consts::{SIGINT, SIGTERM, SIGWINCH};
        let (read, write) = UnixStream::pair()?;
        read.set_nonblocking(true)?;
        write.set_nonblocking(true)?;
        for sig in [SIGWINCH, SIGTERM, SIGHUP, SIGINT] {
            signal_hook::low_level::pipe::register(sig, write.try_clone()?)?;
        }
        Ok(Self { read })
    }

    /// Empty the pipe (the event loop then looks at what there is to do).
    fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.read).read(&mut buf), Ok(n) if n > 0) {}
    }
}

/// Wait up to `timeout` for input on the terminal or a wake-up, and tell a hang-up apart.
///
/// A hung-up terminal does not always bring SIGHUP (a multiplexer may close the pane without
/// one), and crossterm 0.29 then loops for ever reading end-of-file inside `event::poll`. So
/// the reader waits here, where `poll(2)` reports `POLLHUP`, and only then asks crossterm for
/// events without waiting.
pub fn wait_input(timeout: std::time::Duration, wakeup: &Wakeup) -> Input {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut fds = [
        PollFd::new(&stdin, PollFlags::IN),
        PollFd::new(&wakeup.read, PollFlags::IN),
    ];
    let timeout = Timespec::try_from(timeout).unwrap_or(Timespec {
        tv_sec: i64::MAX,
        tv_nsec: 0,
    });
    let ready = poll(&mut fds, Some(&timeout)).unwrap_or(0);
    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    let [input, woken] = &fds;
    if woken.revents().contains(PollFlags::IN) {
        wakeup.drain();
    }
    if ready > 0 && input.revents().intersects(gone) {
        Input::Gone
    } else {
        Input::Ready
    }
}

/// A safety net for the hang-up that [`wait_input`] cannot catch (one that happens while
/// crossterm is reading): a thread that sleeps until the terminal hangs up, gives the event
/// loop two seconds to leave on its own, then ends the process. Bookmarks are already on disk
/// (every change is saved at once); nothing else is waiting to be written.
pub fn exit_on_hangup() {
    let spawned = std::thread::Builder::new().name("hangup".into()).spawn(|| {
        use rustix::event::{PollFd, PollFlags, poll};
        let stdin = std::io::stdin();
        loop {
            // With no events asked for, poll only returns for POLLHUP, POLLERR or POLLNVAL
            // (or an interrupting signal, which is an error here and just loops).
            let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
            if poll(&mut fds, None).is_ok_and(|n| n > 0) {
                std::thread::sleep(std::time::Duration::from_secs(2));
                std::process::exit(128 + SIGHUP);
            }
        }
    });
    // Without the thread memcon still leaves through `wait_input` in almost every case.
    drop(spawned);
}

/// The signal received so far, if any.
pub fn received(flag: &AtomicUsize) -> Option<i32> {
    match flag.load(Ordering::Relaxed) {
        0 => None,
        n => Some(n as i32),
    }
}
