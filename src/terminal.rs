//! The one guard that owns the terminal: raw mode, the alternate screen, mouse capture and a
//! hidden cursor are switched on together and switched off together — on a normal exit, on a
//! panic (hook), and on SIGTERM/SIGHUP/SIGINT (flag polled by the event loop).

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};
use ratatui::DefaultTerminal;
use std::io::{IsTerminal, Write, stdout};
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
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
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
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize)?;
    }
    Ok(flag)
}

/// Has the terminal gone away (the window closed, the ssh connection dropped)?
///
/// A hung-up terminal does not always bring SIGHUP (a multiplexer may close the pane without
/// one), and crossterm then reads end-of-file in a loop without reporting an event, which
/// would leave memcon spinning with no one to see it. `poll` on standard input says so
/// directly with `POLLHUP`/`POLLERR`/`POLLNVAL`.
pub fn terminal_gone() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a count of one, and a zero timeout.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// The signal received so far, if any.
pub fn received(flag: &AtomicUsize) -> Option<i32> {
    match flag.load(Ordering::Relaxed) {
        0 => None,
        n => Some(n as i32),
    }
}
