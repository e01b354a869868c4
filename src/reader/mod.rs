//! The interactive event loop: draw, wait for one event (or a signal), turn it into an
//! action, update, perform the effect. The loop owns everything outside the App — the
//! terminal, the bookmark store, the loader and the clock — in a [`Driver`].

mod bookmarks;
mod clipboard;
mod driver;
pub mod library;

pub use bookmarks::StoreLink;
pub use clipboard::{Clipboard, OSC52_LIMIT};
pub use driver::{Driver, Stop};
pub use library::LibraryLink;

use crate::app::{Action, App};
use crate::terminal::{self, TerminalGuard};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use std::time::Duration;

/// How memcon left the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal ended it (its number).
    Signal(i32),
}

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i16 = 3;

/// Run the reader until the user quits or a signal arrives. The terminal is restored when
/// this returns, whichever way it returns; then [`Driver::farewell`] has what to print.
pub fn run(driver: &mut Driver) -> std::io::Result<Exit> {
    let signals = terminal::watch_signals()?;
    let debug_panic = std::env::var_os("MEMCON_DEBUG_PANIC").is_some_and(|v| v == "1");
    let mut guard = TerminalGuard::enter()?;
    terminal::exit_on_hangup();
    // crossterm starts watching SIGWINCH on its first poll; the wake-up pipe is registered
    // after it, so by the time the pipe wakes the loop crossterm has queued the resize.
    event::poll(Duration::ZERO)?;
    let wakeup = terminal::Wakeup::new()?;
    let size = guard.terminal.size()?;
    driver.handle(Action::Resize(size.width, size.height));
    loop {
        guard
            .terminal
            .draw(|f| crate::ui::render(driver.app(), f))?;
        driver.start_loading();
        // Wait for at least one event, then take whatever else is already queued so a burst
        // of keys (a held-down `j`) costs one frame.
        let mut first = true;
        loop {
            if let Some(sig) = terminal::received(&signals) {
                driver.save_on_exit();
                return Ok(Exit::Signal(sig));
            }
            if driver.poll_background() {
                break;
            }
            // While a search is counting, poll without waiting and count between frames;
            // while a big file is being parsed, look for it often.
            let timeout = match (first, driver.busy(), driver.loading()) {
                (false, _, _) | (true, true, _) => Duration::ZERO,
                (true, false, true) => Duration::from_millis(20),
                (true, false, false) => Duration::from_millis(100),
            };
            if terminal::wait_input(timeout, &wakeup) == terminal::Input::Gone {
                driver.save_on_exit();
                return Ok(Exit::Signal(signal_hook::consts::SIGHUP));
            }
            // Keys, and resizes (which crossterm learns from SIGWINCH), without waiting.
            if !event::poll(Duration::ZERO)? {
                if first && !driver.background_step() {
                    continue;
                }
                break;
            }
            first = false;
            let ev = event::read()?;
            if debug_panic && matches!(ev, Event::Key(_)) {
                panic!("MEMCON_DEBUG_PANIC is set: deliberate panic on the first key");
            }
            let stop = translate(driver.app(), ev).and_then(|a| driver.handle(a));
            if stop == Some(Stop::Quit) {
                drop(guard);
                return Ok(Exit::Quit);
            }
        }
    }
}

/// A terminal event as an action (keys through the keymap of the current mode).
fn translate(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => app.keymap().lookup(app.mode(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt(m.column, m.row, WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt(m.column, m.row, -WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}
