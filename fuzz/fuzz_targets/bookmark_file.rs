//! bookmarks.json and positions.json: whatever parses is written back in a form that parses
//! to the same value.
#![no_main]
use libfuzzer_sys::fuzz_target;
use memcon::bookmarks::file::{BookmarkFile, PositionsFile};

fn round_trip<T>(data: &[u8])
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let Ok(first) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let written = serde_json::to_vec_pretty(&first).expect("a parsed file can be written");
    let again: T = serde_json::from_slice(&written).unwrap_or_else(|e| {
        panic!(
            "memcon cannot read what it wrote ({e}):\n{}",
            String::from_utf8_lossy(&written)
        )
    });
    assert_eq!(first, again, "the file changed in a write and read");
}

fuzz_target!(|data: &[u8]| {
    round_trip::<BookmarkFile>(data);
    round_trip::<PositionsFile>(data);
});
