//! Document → entities: every mention inside its text, on character boundaries, its text the
//! slice it names.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = memcon::document::load("fuzz", data) {
        let list = memcon::entities::extract(&doc);
        memcon_fuzz::check(&doc, &list, &[]);
    }
});
