//! The user's alias file (TOML): an error with a line, or aliases whose names, merges and hidden
//! entities give valid mentions on the bundled memo and on a text that uses the names.
#![no_main]
use libfuzzer_sys::fuzz_target;
use memcon::entities::{UserAliases, extract_with};

fuzz_target!(|data: &[u8]| {
    let Ok(toml) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(user) = UserAliases::parse("aliases.toml", toml) else {
        return;
    };
    let lexicon = user.lexicon();
    // The file's own text as a document names whatever it defines.
    for text in [memcon::BUNDLED, toml] {
        let Ok(doc) = memcon::document::load("fuzz", text.as_bytes()) else {
            continue;
        };
        let list = extract_with(&doc, &lexicon, &user);
        memcon_fuzz::check(&doc, &list, &[]);
    }
});
