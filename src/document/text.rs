//! Small text helpers shared by the parser's parts.

/// The lines of `text`, as [`str::lines`] gives them (a line ends at `\n`, and a `\r`
/// before that `\n` is dropped), found with a vectorised byte search in one pass.
pub fn lines(text: &str) -> Vec<&str> {
    // As many lines as the first 64 KiB promise for the whole text: a large text's vector is
    // not copied as it grows, and a text on one line reserves nothing it does not use.
    const SAMPLE: usize = 1 << 16;
    let sample = text.as_bytes().get(..SAMPLE).unwrap_or(text.as_bytes());
    let in_sample = memchr::memchr_iter(b'\n', sample).count();
    let mut out = Vec::with_capacity(in_sample * (text.len() / SAMPLE + 1) + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let line = text.get(start..end).unwrap_or_default();
        out.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    if let Some(last) = text.get(start..).filter(|l| !l.is_empty()) {
        out.push(last);
    }
    out
}

/// [`str::trim`], with a shortcut for the usual line: one that starts and ends with a
/// printable ASCII character has nothing to trim (every line of the text is trimmed, some
/// of them several times).
#[inline]
pub fn trim(s: &str) -> &str {
    let printable = |b: &u8| (0x21..0x7f).contains(b);
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if printable(a) && printable(z) => s,
        _ => s.trim(),
    }
}

/// [`str::trim_end`], with the same shortcut as [`trim`].
#[inline]
pub fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(z) if (0x21..0x7f).contains(z) => s,
        _ => s.trim_end(),
    }
}

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

/// True when `s` is its words joined by single spaces: no space at either end, no two in a
/// row and no other white space (what [`one_line`] gives back unchanged).
pub fn is_one_line(s: &str) -> bool {
    // At the start a space would be a leading one.
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

/// The words of `s` joined by single spaces: white space runs as one space, trimmed.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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
    fn a_text_is_one_line_whatever_white_space_it_was_written_with() {
        for (s, plain) in [
            ("W. A. Harriman", true),
            ("Harriman", true),
            ("", true),
            ("Ch\u{2019}ing-ling Soong", true),
            (" Harriman", false),
            ("Harriman ", false),
            ("W.  A. Harriman", false),
            ("W.\nA. Harriman", false),
            ("W.\tA.\u{a0}Harriman", false),
            (" ", false),
        ] {
            assert_eq!(is_one_line(s), plain, "{s:?}");
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(s), joined, "{s:?}");
            assert_eq!(plain, s == joined, "{s:?}");
        }
    }

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
    fn lines_are_split_as_str_lines_splits_them() {
        for text in [
            "",
            "\n",
            "one",
            "one\n",
            "one\r\ntwo\r\n\r\nthree",
            "a\n\n\nb\n\n",
            "\r\n\r",
            "caf\u{e9}\n\u{c}\nend\r",
        ] {
            assert_eq!(lines(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn the_trim_shortcut_trims_as_str_trims() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{c}",
            "a\u{a0}",
            "\u{2003}b",
            "x y",
            "\tx",
            "é",
            "x\r",
            "\u{85}z",
            "~",
            "a\u{7f}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
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
