//! Extraction and search on documents that speak the domain (see `common/domain.rs`): every
//! mention lies in its text on character boundaries and is that slice, every search match is a
//! valid range, and a word of the text is always found.

mod common;
use common::domain;
use memcon::document::Location;
use memcon::search::{Direction, Matcher, SearchJob, Status, find_all};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_and_search_hold_on_archive_documents(
        doc in domain::document(),
        seed in any::<usize>(),
    ) {
        domain::check_all(&doc, seed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The reader's incremental search, in small windows from anywhere, finds exactly the
    /// matches of a one-go scan of the same archive document.
    #[test]
    fn the_incremental_search_finds_what_a_full_scan_finds(
        doc in domain::document(),
        seed in any::<usize>(),
        budget in 1usize..400,
        backward in any::<bool>(),
    ) {
        let origin = Location::new(seed % (doc.blocks.len() + 1), seed % 97);
        let direction = if backward { Direction::Backward } else { Direction::Forward };
        for q in domain::queries(&doc, seed) {
            // Windows overlap by more than any match is long, as the job's own sizes
            // (1 MiB windows, 4 KiB overlap) promise for anything typed.
            let Ok(m) = Matcher::new(&q) else { continue };
            if q.pattern.len() > 24 {
                continue;
            }
            let all = find_all(&doc, &m);
            let mut job = SearchJob::new(m, origin, direction, true).with_window(192, 96);
            let mut steps = 0;
            while job.step(&doc, budget) == Status::Running {
                steps += 1;
                prop_assert!(steps < 100_000);
            }
            prop_assert_eq!(job.matches(), &all[..]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_paragraph_or_field_ending_in_a_name_is_read_safely(
        text in domain::phrase(),
        label in prop::sample::select(domain::LABELS),
    ) {
        for t in [
            format!("Title\n{text}"),
            format!("{label}: {text}"),
            format!("{text}\n\n{label}:\n\n{text}"),
        ] {
            let doc = memcon::document::load("t", t.as_bytes()).unwrap();
            domain::check_all(&doc, t.len());
        }
    }
}

/// The shape that once read past the last word of a block: a paragraph ending in a given name.
#[test]
fn a_block_ending_in_a_given_name_is_extracted() {
    for text in [
        "Title\nWe met Francis",
        "Title: We met Averell",
        "Notes\n\nThe delegation was led by Sergei",
        "Summary:\n\nA talk with Stanley",
    ] {
        let doc = memcon::document::load("t", text.as_bytes()).unwrap();
        let list = memcon::entities::extract(&doc);
        domain::check_entities(&doc, &list);
    }
}
