//! The archive header: banner, date, title and `Label:` sections down to `Contents:`.

use super::Metadata;
use super::dates::parse_date;
use super::text::{join_wrapped, strip_bold, url_line};

/// Labels that mark an archive header when they appear near the top of a file.
const HEADER_LABELS: [&str; 6] = [
    "citation",
    "summary",
    "credits",
    "original language",
    "contents",
    "original archive",
];

/// How far down the header's first label may be.
const HEADER_SEARCH_LINES: usize = 200;

/// The parsed header and the index of the first transcript line.
pub struct Header {
    pub metadata: Metadata,
    pub body_start: usize,
}

/// `Some(label)` when `line` is a section label such as `Citation:` or `Associated Places:`.
fn label(line: &str) -> Option<&str> {
    let t = line.trim();
    let name = t.strip_suffix(':')?.trim();
    let ok = !name.is_empty()
        && name.len() <= 40
        && name.split_whitespace().count() <= 5
        && name.starts_with(|c: char| c.is_uppercase())
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '&' | '\'' | '-' | '/' | ','));
    ok.then_some(name)
}

/// An inline known label: `Citation: "Memorandum ..."`.
fn inline_label(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.trim().split_once(':')?;
    let known = HEADER_LABELS.contains(&name.trim().to_ascii_lowercase().as_str());
    (known && !rest.trim().is_empty()).then(|| (name.trim(), rest.trim()))
}

fn is_known(name: &str) -> bool {
    HEADER_LABELS.contains(&name.to_ascii_lowercase().as_str())
}

/// A line of the `Contents:` list (`Original Scan`, `Transcript - English`).
fn contents_item(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 60 || label(t).is_some() {
        return false;
    }
    let first = t.split([' ', '-']).next().unwrap_or("");
    let known = [
        "Original",
        "Transcript",
        "Translation",
        "Scan",
        "Summary",
        "Image",
        "Document",
        "Facsimile",
    ];
    known.contains(&first)
        || t.split_once(" - ").is_some_and(|(a, b)| {
            a.split_whitespace().count() <= 2
                && a.chars().all(|c| c.is_alphabetic() || c == ' ')
                && LANGUAGES.contains(&b.trim())
        })
}

/// Languages an archive names in `Contents:` (`Transcript - Russian`).
const LANGUAGES: [&str; 32] = [
    "English",
    "Russian",
    "Chinese",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Polish",
    "Czech",
    "Slovak",
    "Hungarian",
    "Romanian",
    "Bulgarian",
    "Serbian",
    "Croatian",
    "Albanian",
    "Korean",
    "Japanese",
    "Vietnamese",
    "Mongolian",
    "Arabic",
    "Persian",
    "Hebrew",
    "Turkish",
    "Portuguese",
    "Dutch",
    "Swedish",
    "Finnish",
    "Ukrainian",
    "Georgian",
    "Hindi",
    "Urdu",
];

/// Find and parse the archive header, or `None` when the text has none.
pub fn parse_header(lines: &[&str]) -> Option<Header> {
    let first_label = lines
        .iter()
        .take(HEADER_SEARCH_LINES)
        .position(|l| label(l).is_some_and(is_known) || inline_label(l).is_some())?;
    let mut meta = Metadata::default();
    top_matter(lines.get(..first_label).unwrap_or_default(), &mut meta);
    let body_start = sections(lines, first_label, &mut meta);
    Some(Header {
        metadata: meta,
        body_start,
    })
}

/// Banner, date and title: everything above the first label.
fn top_matter(lines: &[&str], meta: &mut Metadata) {
    // Items: a `**bold**` run (possibly over several lines) or a single plain line; `None`
    // marks a blank line.
    let mut items: Vec<Option<(String, bool)>> = Vec::new();
    let mut bold: Option<Vec<&str>> = None;
    for line in lines {
        let t = line.trim();
        if let Some(acc) = bold.as_mut() {
            acc.push(t);
            if t.ends_with("**") {
                items.push(Some((strip_bold(&join_wrapped(acc.iter().copied())), true)));
                bold = None;
            }
        } else if t.is_empty() {
            items.push(None);
        } else if t.starts_with("**") && !t.get(2..).is_some_and(|r| r.contains("**")) {
            bold = Some(vec![t]);
        } else {
            items.push(Some((strip_bold(t), t.starts_with("**"))));
        }
    }
    if let Some(acc) = bold {
        items.push(Some((strip_bold(&join_wrapped(acc)), true)));
    }

    let date_at = items
        .iter()
        .position(|i| i.as_ref().is_some_and(|(t, _)| parse_date(t).is_some()));
    let date_item = date_at.and_then(|d| Some((d, items.get(d)?.as_ref()?)));
    let title_from = match date_item {
        Some((d, (text, _))) => {
            meta.date_iso = parse_date(text).and_then(|f| f.iso);
            meta.date = Some(text.trim_end_matches('.').to_string());
            d + 1
        }
        None => {
            // No date: the title is the last bold item, else the last paragraph.
            match items
                .iter()
                .rposition(|i| i.as_ref().is_some_and(|(_, b)| *b))
            {
                Some(b) => b,
                None => {
                    let last = items.iter().rposition(Option::is_some).unwrap_or(0);
                    items
                        .iter()
                        .take(last)
                        .rposition(Option::is_none)
                        .map_or(0, |p| p + 1)
                }
            }
        }
    };
    let banner_end = date_at.unwrap_or(title_from);
    meta.banner = items
        .iter()
        .take(banner_end)
        .flatten()
        .map(|(t, _)| t.clone())
        .collect();

    // Title: the first bold item after the date, else the first run of plain lines.
    let rest = items.get(title_from..).unwrap_or_default();
    let title = match rest.iter().flatten().find(|(_, b)| *b) {
        Some((t, _)) => Some(t.clone()),
        None => {
            let run: Vec<&str> = rest
                .iter()
                .skip_while(|i| i.is_none())
                .map_while(|i| i.as_ref().map(|(t, _)| t.as_str()))
                .collect();
            (!run.is_empty()).then(|| join_wrapped(run))
        }
    };
    meta.title = title.filter(|t| !t.is_empty());
}

/// Parse `Label:` sections from `start`; returns the index of the first transcript line.
fn sections(lines: &[&str], start: usize, meta: &mut Metadata) -> usize {
    let mut i = start;
    while let Some(&line) = lines.get(i) {
        let (name, inline) = match (label(line), inline_label(line)) {
            (Some(name), _) => (name.to_string(), None),
            (None, Some((name, rest))) => (name.to_string(), Some(rest)),
            (None, None) => break,
        };
        i += 1;
        if name.eq_ignore_ascii_case("contents") {
            let mut items = Vec::new();
            if let Some(rest) = inline {
                items.push(rest.to_string());
            }
            let mut j = i;
            while let Some(line) = lines.get(j) {
                let t = line.trim();
                if t.is_empty() {
                    j += 1;
                } else if contents_item(t) {
                    items.push(t.to_string());
                    j += 1;
                    i = j;
                } else {
                    break;
                }
            }
            if items.is_empty() {
                // `Contents:` with no list: the transcript starts right after it.
                i = skip_blank(lines, i);
            }
            meta.contents.extend(items);
            if !lines.get(i).is_some_and(|l| label(l).is_some_and(is_known)) {
                return i;
            }
            continue;
        }
        // The value runs to the next label; without one, to the end of its paragraph.
        let mut value_lines: Vec<&str> = inline.into_iter().collect();
        let mut j = i;
        let mut next_label = false;
        while let Some(&line) = lines.get(j) {
            if label(line).is_some() || inline_label(line).is_some() {
                next_label = true;
                break;
            }
            j += 1;
        }
        if !next_label {
            // Last section before the transcript: its first paragraph (or line) only.
            j = skip_blank(lines, i);
            let blank_layout = lines.get(i).is_some_and(|l| l.trim().is_empty())
                || lines
                    .get(start..i)
                    .unwrap_or_default()
                    .iter()
                    .any(|l| l.trim().is_empty());
            if blank_layout {
                while lines.get(j).is_some_and(|l| !l.trim().is_empty()) {
                    j += 1;
                }
            } else {
                j = (j + 1).min(lines.len());
            }
        }
        value_lines.extend(lines.get(i..j).unwrap_or_default());
        store(meta, &name, &value_lines);
        i = j;
        if !next_label {
            break;
        }
    }
    skip_blank(lines, i)
}

fn skip_blank(lines: &[&str], mut i: usize) -> usize {
    while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
        i += 1;
    }
    i
}

/// Store one section's value, pulling any URL line out into `meta.url`.
fn store(meta: &mut Metadata, name: &str, lines: &[&str]) {
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in lines {
        if let Some(url) = url_line(line) {
            if meta.url.is_none() {
                meta.url = Some(url.to_string());
            }
        } else if line.trim().is_empty() {
            paragraphs.push(Vec::new());
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line);
        }
    }
    let value: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(join_wrapped)
        .collect();
    let value = value.join("\n");
    if value.is_empty() {
        return;
    }
    let slot = match name.to_ascii_lowercase().as_str() {
        "citation" => &mut meta.citation,
        "summary" => &mut meta.summary,
        "credits" => &mut meta.credits,
        "original language" => &mut meta.original_language,
        "original archive" => &mut meta.original_archive,
        _ => {
            meta.extra.insert(name.to_string(), value);
            return;
        }
    };
    *slot = Some(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label("Citation:"), Some("Citation"));
        assert_eq!(label("Associated Places:"), Some("Associated Places"));
        assert_eq!(label("Follow up: compare"), None);
        assert_eq!(label("the following:"), None);
    }

    #[test]
    fn contents_items() {
        assert!(contents_item("Transcript - English"));
        assert!(contents_item("Original Scan"));
        assert!(contents_item("Translation - English"));
        assert!(!contents_item("TOP SECRET"));
        assert!(!contents_item("Memcon A. Harriman - Soong"));
    }
}
