//! BibTeX (read by BibTeX and by biblatex/biber): one `@misc` entry per document.
//!
//! Fields: `author` (when signed with a name), `title` (in double braces, so styles keep its
//! capitals), `date` (biblatex) and `year`, `howpublished` (the archive), `note` (the place
//! in the archive and the archive's further statements, the pinpoint when one is asked
//! for), `translator`, `origlanguage`, `url`, `urldate`, and `annote` for bookmarks. Every
//! value is escaped: `\ { } & % $ # _ ~ ^` cannot break the file or the LaTeX run.
//!
//! The key is the author's name (when known), the year and the first word of the title
//! that is not an article, in ASCII lower case: `orlov1953ciphered`, `memorandum1945` (no
//! author). [`unique_keys`] adds `a`, `b`, … when several entries would share one.

use super::{Pinpoint, Source, chicago, without_stop};
use std::fmt::Write as _;
use unicode_normalization::UnicodeNormalization;

/// One entry. `annote` holds bookmark notes (one a line); `pin` a pinpoint for `note`.
pub fn entry(s: &Source, key: &str, pin: &Pinpoint, annote: &[String], accessed: &str) -> String {
    let a = s.archival();
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(author) = &s.author {
        fields.push(("author", escape(&last_first(author))));
    }
    fields.push(("title", format!("{{{}}}", escape(&s.title))));
    let parts = s.date_parts();
    if !parts.is_empty() {
        let date: Vec<String> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i == 0 {
                    format!("{p:04}")
                } else {
                    format!("{p:02}")
                }
            })
            .collect();
        fields.push(("date", date.join("-")));
        fields.push(("year", format!("{:04}", parts[0])));
    }
    if let Some(archive) = &a.archive {
        fields.push(("howpublished", escape(without_stop(archive))));
    }
    let mut note: Vec<String> = Vec::new();
    note.extend(
        a.location
            .as_deref()
            .map(|l| format!("{}.", without_stop(l))),
    );
    note.extend(a.other_statements().map(str::to_string));
    note.extend(chicago::translation(s).map(|t| format!("{t}.")));
    let pin = pin.text();
    if !pin.is_empty() {
        note.push(format!("Cited at {pin}."));
    }
    if !note.is_empty() {
        fields.push(("note", escape(&note.join(" "))));
    }
    if !s.translators.is_empty() {
        let names: Vec<String> = s.translators.iter().map(|t| last_first(t)).collect();
        fields.push(("translator", escape(&names.join(" and "))));
    }
    if let Some(lang) = s
        .original_language
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case("english"))
    {
        fields.push(("origlanguage", escape(lang)));
    }
    if let Some(url) = &s.url {
        fields.push(("url", url_value(url)));
        if !accessed.is_empty() {
            fields.push(("urldate", accessed.to_string()));
        }
    }
    let annote: Vec<String> = annote.iter().map(|n| escape(n)).collect();
    if !annote.is_empty() {
        fields.push(("annote", annote.join("\n    ")));
    }
    let mut out = format!("@misc{{{key},\n");
    for (name, value) in fields {
        let _ = writeln!(out, "  {name} = {{{value}}},");
    }
    out.push_str("}\n");
    out
}

/// The key of one source (see the module's documentation).
pub fn key(s: &Source) -> String {
    let author = s
        .author
        .as_deref()
        .and_then(|a| a.split_whitespace().last())
        .map(ascii_word)
        .unwrap_or_default();
    let first = s
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(ascii_word)
        .find(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an"))
        .unwrap_or_else(|| "document".into());
    let year = s.year().map(|y| y.to_string()).unwrap_or_default();
    if author.is_empty() {
        format!("{first}{year}")
    } else {
        format!("{author}{year}{first}")
    }
}

/// Keys for several sources, made unique with `a`, `b`, … after the first of a kind.
pub fn unique_keys(sources: &[Source]) -> Vec<String> {
    let base: Vec<String> = sources.iter().map(key).collect();
    let mut out: Vec<String> = Vec::with_capacity(base.len());
    for (i, k) in base.iter().enumerate() {
        let same = base[..i].iter().filter(|b| *b == k).count();
        out.push(if same == 0 {
            k.clone()
        } else {
            format!("{k}{}", suffix(same))
        });
    }
    out
}

/// `a` … `z`, then `aa`, `ab`, …
fn suffix(n: usize) -> String {
    let mut n = n;
    let mut s = String::new();
    loop {
        s.insert(0, (b'a' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
        if n == 0 {
            return s;
        }
    }
}

/// A word in ASCII lower case, accents dropped (`Lüshun` → `lushun`).
fn ascii_word(w: &str) -> String {
    w.nfd()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `M. T. Desrosiers` → `Desrosiers, M. T.`; `B. J. de Cologan` → `de Cologan, B. J.` (a
/// single name stays as it is).
pub fn last_first(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return name.trim().to_string();
    };
    let particles = before
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let (given, particle) = before.split_at(before.len() - particles);
    let family = particle
        .iter()
        .chain([last])
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if given.is_empty() {
        family
    } else {
        format!("{family}, {}", given.join(" "))
    }
}

/// A value for inside braces: TeX's special characters escaped, white space as one space.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in super::one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// A URL is verbatim in biblatex: only what would unbalance the braces or end the value is
/// percent-encoded.
fn url_value(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::SourceFields;

    #[test]
    fn keys_from_author_year_and_first_word() {
        let s = Source::new(SourceFields {
            title: "The Secretary of State to the Chairman",
            date: Some("January 11, 1927"),
            ..SourceFields::default()
        });
        assert_eq!(key(&s), "secretary1927");
        let s = Source {
            author: Some("N. P. Orlov".into()),
            title: "Ciphered Telegram".into(),
            ..s
        };
        assert_eq!(key(&s), "orlov1927ciphered");
        let s = Source::new(SourceFields {
            title: "«Über» Lüshun",
            ..SourceFields::default()
        });
        assert_eq!(key(&s), "uber");
        let keys = unique_keys(&[s.clone(), s.clone(), s]);
        assert_eq!(keys, ["uber", "ubera", "uberb"]);
        assert_eq!(suffix(27), "aa");
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("50% of A&B {x} $1 #2 a_b ~ ^ \\"),
            "50\\% of A\\&B \\{x\\} \\$1 \\#2 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
        );
        assert_eq!(
            url_value("https://x.org/a b{c}"),
            "https://x.org/a%20b%7Bc%7D"
        );
    }
}
