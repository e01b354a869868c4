//! Small text helpers shared by the parser's parts.

/// Join hard-wrapped lines into one line: a space between them, except that a word broken
/// by a hyphen at the end of a line (`Arkhan-` / `gelsk`) is rejoined without it.
pub fn join_wrapped<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        append_wrapped(&mut out, line);
    }
    out
}

/// Append one more hard-wrapped line to `out` (already joined, see [`join_wrapped`]) in
/// place: a paragraph of many lines is copied once, not once per line.
pub fn append_wrapped(out: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if out.is_empty() {
        out.push_str(line);
    } else if ends_with_broken_word(out) && line.starts_with(|c: char| c.is_lowercase()) {
        out.pop();
        out.push_str(line);
    } else {
        out.push(' ');
        out.push_str(line);
    }
}

fn ends_with_broken_word(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

/// Remove markdown bold markers.
pub fn strip_bold(s: &str) -> String {
    s.replace("**", "").trim().to_string()
}

/// A line that is only a URL, with or without angle brackets.
pub fn url_line(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(t);
    let is_url =
        (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace);
    is_url.then_some(t)
}

/// Number of words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `text` with each whitespace run (line breaks included) as one space: how a passage shows
/// on one line (the concordance's).
pub fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_line_breaks_are_rejoined() {
        assert_eq!(
            join_wrapped(["go to Arkhan-", "gelsk, since"]),
            "go to Arkhangelsk, since"
        );
        assert_eq!(
            join_wrapped(["the Soviet-", "American talks"]),
            "the Soviet- American talks"
        );
        assert_eq!(join_wrapped(["a", " b "]), "a b");
    }

    #[test]
    fn url_lines() {
        assert_eq!(
            url_line("<https://x.org/document/1>"),
            Some("https://x.org/document/1")
        );
        assert_eq!(url_line("https://x.org/a b"), None);
        assert_eq!(url_line("see https://x.org"), None);
    }
}
