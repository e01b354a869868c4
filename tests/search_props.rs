//! Properties of search over random documents: the incremental job finds exactly what a
//! full scan finds, accent folding matches exactly the folded occurrences, and every range
//! lands on the original text's character boundaries.

use memcon::document::{Block, BlockKind, Document, Location};
use memcon::fold::fold_str;
use memcon::search::{Direction, Matcher, Query, SearchJob, Status, find_all, nearest};
use proptest::prelude::*;

/// Pieces of text: plain and accented letters, a letter stored decomposed, CJK, spaces.
const PIECES: &[&str] = &[
    "a", "o", "u", "e", "n", "A", "O", "U", "ü", "Ü", "ö", "é", "É", "ñ", "u\u{308}", "o\u{301}",
    "大", "連", " ", " ",
];
const QUERY_LETTERS: &[&str] = &["a", "o", "u", "e", "n", "ü", "ö", "é"];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(text(), 0..12).prop_map(|texts| Document {
        blocks: texts
            .into_iter()
            .map(|t| Block::new(BlockKind::Paragraph, t))
            .collect(),
        ..Document::default()
    })
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(QUERY_LETTERS), 1..4).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn incremental_job_equals_full_scan(
        doc in document(),
        q in query(),
        origin_block in 0usize..14,
        origin_offset in 0usize..80,
        backward in any::<bool>(),
        inclusive in any::<bool>(),
        budget in 1usize..200,
        window in 32usize..100,
    ) {
        let matcher = Matcher::new(&Query::plain(q)).unwrap();
        let all = find_all(&doc, &matcher);
        let direction = if backward { Direction::Backward } else { Direction::Forward };
        let origin = Location::new(origin_block, origin_offset);
        let mut job = SearchJob::new(matcher, origin, direction, inclusive).with_window(window, 16);
        let mut steps = 0;
        while job.step(&doc, budget) == Status::Running {
            steps += 1;
            prop_assert!(steps < 100_000);
        }
        prop_assert_eq!(job.matches(), &all[..]);
        // Past the end, the reference search sees the origin at the end of the last block.
        let clamped = if origin_block >= doc.blocks.len() && !doc.blocks.is_empty() {
            Location::new(doc.blocks.len() - 1, usize::MAX)
        } else {
            origin
        };
        let want = nearest(&all, clamped, direction, inclusive);
        prop_assert_eq!(job.nearest(), want.map(|h| all[h.index]));
        prop_assert_eq!(job.wrapped(), want.is_some_and(|h| h.wrapped));
        prop_assert_eq!(job.nearest_index(), want.map(|h| h.index));
    }

    #[test]
    fn folded_matches_are_the_folded_occurrences(t in text(), q in query()) {
        let matcher = Matcher::new(&Query::plain(q.clone())).unwrap();
        let ranges = matcher.find_ranges(&t);
        let folded_query = fold_str(&q).to_lowercase();
        for r in &ranges {
            prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            prop_assert_eq!(fold_str(&t[r.clone()]).to_lowercase(), folded_query.clone());
        }
        let folded_text = fold_str(&t).to_lowercase();
        prop_assert_eq!(ranges.len(), folded_text.matches(folded_query.as_str()).count());
    }

    #[test]
    fn any_pattern_gives_a_matcher_or_an_error_never_a_panic(p in ".{0,12}", regex in any::<bool>()) {
        let q = if regex { Query::regex(p) } else { Query::plain(p) };
        if let Ok(m) = Matcher::new(&q) {
            for r in m.find_ranges("Port Arthur [Lüshunkou District, Dalian] Dairen") {
                prop_assert!(r.start < r.end);
            }
        }
    }
}
