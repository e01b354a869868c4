//! The participants list: `Present: A, B` on one line, or `PARTICIPANTS` with one person per
//! line, possibly grouped under side headings (`United States`, `Union of Soviet Socialist
//! Republics`), each person's function after a comma.

use super::dates::find_date;
use super::lines::{Classified, classification, name_like, prose, salutation, subject_label};
use super::text::word_count;
use super::units::Unit;
use super::{Block, BlockKind, Participant, Span, SpanKind};

/// Labels that open the list.
const LABELS: [&str; 4] = ["Present", "PRESENT", "Participants", "PARTICIPANTS"];

/// `Some(rest of the line)` when `t` opens a participants list: `Present: W. A. Harriman`,
/// `PRESENT:`, `Present — the Secretary`, or the label alone on its line (`PARTICIPANTS`).
pub(super) fn label(t: &str) -> Option<&str> {
    let rest = LABELS.iter().find_map(|l| t.strip_prefix(l))?;
    let alone = rest.trim_end_matches([':', '.']).trim();
    if alone.is_empty() {
        return Some("");
    }
    let after = rest.trim_start();
    after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix('—'))
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix("- "))
        .filter(|_| rest.starts_with([':', ' ', '—', '–']))
        .map(str::trim)
}

/// Words that make a line name a person, never a side (`The Secretary of State`).
const TITLES: [&str; 62] = [
    "mr",
    "mrs",
    "miss",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "maj",
    "major",
    "lt",
    "lieutenant",
    "adm",
    "admiral",
    "prof",
    "professor",
    "ambassador",
    "minister",
    "secretary",
    "president",
    "vice",
    "premier",
    "chairman",
    "chancellor",
    "king",
    "queen",
    "prince",
    "count",
    "baron",
    "marshal",
    "senator",
    "governor",
    "judge",
    "consul",
    "counselor",
    "counsellor",
    "director",
    "deputy",
    "assistant",
    "undersecretary",
    "chargé",
    "attaché",
    "interpreter",
    "comrade",
    "herr",
    "monsieur",
    "mme",
    "madame",
    "señor",
    "senor",
    "commander",
    "chief",
    "hon",
    "honorable",
    "adviser",
    "advisor",
];

/// Words that make a line a side heading: `United States`, `Soviet Side`, `French Delegation`.
const SIDE_WORDS: [&str; 10] = [
    "States",
    "Kingdom",
    "Union",
    "Republic",
    "Republics",
    "Government",
    "Side",
    "side",
    "Delegation",
    "delegation",
];

/// One-word side headings.
const NATIONS: [&str; 14] = [
    "American",
    "Americans",
    "Soviet",
    "Soviets",
    "British",
    "French",
    "Chinese",
    "German",
    "Japanese",
    "Italian",
    "Canadian",
    "Polish",
    "USA",
    "Allied",
];

fn words(t: &str) -> impl Iterator<Item = &str> {
    t.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ':']))
}

fn has_title(t: &str) -> bool {
    words(t).any(|w| TITLES.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// `U.S.`, `U. S.`, `USSR`, `U.S.S.R.`, `FRG`.
fn abbreviation(t: &str) -> bool {
    let letters = t.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&letters)
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == ' ')
}

/// A line that can only be a side heading.
fn strong_side(t: &str) -> bool {
    let s = t.trim_end_matches(':').trim();
    if s.is_empty() || s.contains(',') || word_count(s) > 6 || has_title(s) {
        return false;
    }
    if abbreviation(s) || NATIONS.contains(&s) {
        return true;
    }
    let capitalised = name_like(s) && !s.ends_with('.');
    capitalised
        && (words(s).any(|w| SIDE_WORDS.contains(&w)) || (t.ends_with(':') && word_count(s) <= 4))
}

/// A line that may be a side heading when the list's layout says so (each side its own
/// blank-line separated group).
fn weak_side(t: &str) -> bool {
    let s = t.trim_end_matches(':').trim();
    !s.is_empty()
        && !s.contains(',')
        && !s.ends_with('.')
        && word_count(s) <= 6
        && !has_title(s)
        && name_like(s)
        && !s
            .split_whitespace()
            .any(|w| w.len() == 2 && w.ends_with('.'))
}

/// One line of the list and whether it opens a blank-line separated group.
struct Line<'a> {
    text: &'a str,
    opens_group: bool,
}

/// Is this unit (after the label) still part of the list?
fn roster_line(t: &str) -> bool {
    let entry = t.len() <= 120
        && !prose(t)
        && subject_label(t).is_none()
        && label(t).is_none()
        && classification(t).is_none()
        && salutation(t).is_none()
        && find_date(t).is_none()
        && !t.ends_with(':');
    entry || strong_side(t)
}

/// The list: the label's unit `units[i - 1]` and the units that continue it. Returns the
/// index of the first unit after it.
pub(super) fn present(units: &[Unit], mut i: usize, first: &str, out: &mut Classified) -> usize {
    let Some(start) = i.checked_sub(1).and_then(|s| units.get(s)) else {
        return i;
    };
    let label_line = start.first_line().trim();
    let label_alone = first.is_empty();
    let mut lines: Vec<Line> = Vec::new();
    if !first.is_empty() {
        lines.push(Line {
            text: first,
            opens_group: false,
        });
    }
    lines.extend(start.lines().skip(1).map(|l| Line {
        text: l.trim(),
        opens_group: false,
    }));
    let one_per_line = units.iter().all(|x| x.group == start.group);
    let mut group = start.group;
    while let Some(u) = units.get(i) {
        let t: &str = &u.text;
        let ok = u.table.is_none() && roster_line(t);
        let entry_like = name_like(t.split(',').next().unwrap_or(t)) || strong_side(t);
        // In a blank-line layout the roster is its group (and, after a label on its own
        // line, the groups of short lines that follow); otherwise its run of short lines.
        let continues = u.group == start.group || ((one_per_line || label_alone) && entry_like);
        if !continues || !ok {
            break;
        }
        for (k, l) in u.lines().enumerate() {
            lines.push(Line {
                text: l.trim(),
                opens_group: k == 0 && u.group != group,
            });
        }
        group = u.group;
        i += 1;
    }
    let sides = find_sides(&lines);
    let mut text = label_line.to_string();
    let mut spans = Vec::new();
    let mut side: Option<String> = None;
    for ((k, line), &is_side) in lines.iter().enumerate().zip(&sides) {
        // An entry on the label's own line is in its text already.
        if k != 0 || first.is_empty() {
            text.push('\n');
            text.push_str(line.text);
        }
        if is_side {
            let name = line.text.trim_end_matches(':').trim_end();
            let end = text.len() - (line.text.len() - name.len());
            spans.push(Span {
                kind: SpanKind::Side,
                start: end - name.len(),
                end,
                footnote: None,
            });
            side = Some(name.to_string());
            continue;
        }
        participants(line.text, side.as_deref(), &mut out.memo.present);
    }
    let mut block = Block::new(BlockKind::Present, text);
    block.spans = spans.into_boxed_slice();
    out.blocks.push(block);
    i
}

/// Which lines are side headings. A strong side heading counts wherever it is; weaker ones
/// (`Federal Republic` is strong, `Bonn Group` weak) only when every group of the list opens
/// with one and there are at least two. A side heading is followed by a person.
fn find_sides(lines: &[Line]) -> Vec<bool> {
    let followed = |k: usize| {
        lines
            .get(k + 1)
            .is_some_and(|n| !strong_side(n.text) && !n.opens_group)
    };
    let groups: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|&(k, l)| k == 0 || l.opens_group)
        .map(|(k, _)| k)
        .collect();
    let by_groups = groups.len() >= 2
        && groups
            .iter()
            .all(|&k| lines.get(k).is_some_and(|l| weak_side(l.text)) && followed(k));
    lines
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let t = l.text;
            followed(k) && (strong_side(t) || (by_groups && groups.contains(&k)))
        })
        .collect()
}

/// The people on one line: `;`-separated entries, each `name, function` or `name - function`.
fn participants(line: &str, side: Option<&str>, out: &mut Vec<Participant>) {
    for entry in line.split(';') {
        let entry = entry.trim().trim_end_matches(['.', ',']);
        if entry.is_empty() {
            continue;
        }
        let (name, role) = match entry.split_once(", ").or_else(|| entry.split_once(" - ")) {
            Some((n, r)) => (n.trim(), Some(r.trim().to_string())),
            None => (entry, None),
        };
        out.push(Participant {
            name: name.to_string(),
            role,
            side: side.map(str::to_string),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label("Present: W. A. Harriman"), Some("W. A. Harriman"));
        assert_eq!(label("PARTICIPANTS"), Some(""));
        assert_eq!(label("Participants:"), Some(""));
        assert_eq!(label("PRESENT: Mr. Hay"), Some("Mr. Hay"));
        assert_eq!(label("Present — the Secretary"), Some("the Secretary"));
        assert_eq!(label("Present indications are good"), None);
        assert_eq!(label("Present Duty | Maximum Tariff"), None);
        assert_eq!(label("Presently"), None);
    }

    #[test]
    fn sides() {
        for s in [
            "United States",
            "Union of Soviet Socialist Republics",
            "U.S.",
            "USSR",
            "Soviet Side",
            "France:",
            "Federal Republic of Germany",
            "British",
        ] {
            assert!(strong_side(s), "{s}");
        }
        for p in [
            "The Secretary of State",
            "Ambassador Pavel I. Sorokin",
            "Mr. Yuri A. Belyaev, Counselor of Embassy",
            "Col. Grant",
            "Lane",
            "Dr. T. V. Soong",
            "W. A. Harriman",
        ] {
            assert!(!strong_side(p), "{p}");
        }
        assert!(weak_side("Bonn Group"));
        assert!(!weak_side("Mr. Herter"));
        assert!(!weak_side("T. V. Soong"));
    }
}
