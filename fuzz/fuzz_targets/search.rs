//! Pattern + text: a matcher or an error, never a panic; every match a valid range; the
//! incremental job finds exactly what the one-go search finds.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use memcon::document::{Location, load};
use memcon::search::{Direction, Matcher, Query, SearchJob, Status, find_all, find_in_metadata};

#[derive(Debug, Arbitrary)]
struct Input {
    pattern: String,
    regex: bool,
    fold_accents: bool,
    backward: bool,
    budget: u8,
    text: String,
}

fuzz_target!(|input: Input| {
    // A pattern is typed on one line: a few hundred characters cover it (and keep the
    // compilations per second high enough to explore).
    if input.pattern.len() > 256 {
        return;
    }
    let query = Query {
        pattern: input.pattern,
        regex: input.regex,
        fold_accents: input.fold_accents,
    };
    let Ok(matcher) = Matcher::new(&query) else {
        return;
    };
    // Through the loader, as a file reaches the search (it refuses NUL bytes).
    let Ok(doc) = load("fuzz", input.text.as_bytes()) else {
        return;
    };
    let all = find_all(&doc, &matcher);
    memcon_fuzz::check(&doc, &[], &all);
    for m in find_in_metadata(&doc.metadata, &matcher) {
        let text = m.field.text(&doc.metadata).unwrap_or("");
        assert!(text.get(m.start..m.end).is_some(), "metadata match {m:?}");
    }
    let direction = if input.backward {
        Direction::Backward
    } else {
        Direction::Forward
    };
    let mut job = SearchJob::new(matcher, Location::default(), direction, false);
    let budget = usize::from(input.budget).max(1) * 64;
    while job.step(&doc, budget) == Status::Running {}
    assert_eq!(
        job.matches(),
        &all[..],
        "the job and the one-go search differ"
    );
});
