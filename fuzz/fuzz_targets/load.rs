//! Bytes → document: never a panic; every span and footnote the model hands out is valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = memcon::document::load("fuzz", data) {
        memcon_fuzz::assert_ok("document", memcon::check::document(&doc));
        let _ = memcon::document::Document::display_title(&doc);
    }
});
