//! Panics kept inside background work: a worker that panics on one file gives back an error
//! for that file, and the terminal stays as it is.
//!
//! [`run`] catches the panic and returns its message. The panic hook runs before any
//! unwinding can be caught, and the terminal guard's hook restores the terminal, so
//! [`install_hook`] wraps whatever hook is in place with one that stays silent for a thread
//! inside [`run`] and hands every other panic to the hook it wrapped. Install it after the
//! terminal guard's hook (the guard does), so it is the outermost one.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Wrap the current panic hook so that panics inside [`run`] are not reported by it.
pub fn install_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CONTAINED.with(Cell::get) {
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let text = payload_text(info.payload());
            MESSAGE.with(|m| *m.borrow_mut() = Some(format!("{text}{place}")));
        } else {
            previous(info);
        }
    }));
}

/// Run `f`; a panic inside it becomes `Err` with the panic's message.
pub fn run<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = CONTAINED.with(|c| c.replace(true));
    let out = catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(was));
    out.map_err(|payload| {
        MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| payload_text(payload.as_ref()))
    })
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_other_work_goes_on() {
        install_hook();
        let r: Result<u32, String> = run(|| panic!("bad file"));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("bad file"), "{msg}");
        assert_eq!(run(|| 7), Ok(7));
        let formatted: Result<(), String> = run(|| panic!("block {} of {}", 3, 9));
        assert!(formatted.unwrap_err().starts_with("block 3 of 9"));
    }
}
