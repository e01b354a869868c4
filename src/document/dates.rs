//! Dates as archives write them: `July 3, 1945`, `3 July 1945`, `Sept. 14, 1953`, `1945-07-03`.

/// A date found in a line: where it is, and its ISO form when it has a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub iso: Option<String>,
}

/// Month names in lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1-12) of a month name or its usual abbreviation (`Sept.`, `Jan`, `Febr.`).
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if word.ends_with('.') || w.len() <= 4 {
        // An abbreviation must be a prefix of the month ("Sept", "Febr"), never "Mayo".
        MONTHS
            .iter()
            .position(|m| m.starts_with(&w) && (w.len() == m.len() || w.len() <= 4))
            .map(|i| i as u32 + 1)
    } else {
        MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
    }
}

fn number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

fn year(word: &str) -> Option<i32> {
    let w = word.trim_end_matches([',', '.', ';', ':', ')']);
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

/// `YYYY-MM-DD` when the day exists in that month of that year (`February 30` does not).
fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    let (y, m, d) = (
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    );
    jiff::civil::Date::new(y, m, d)
        .ok()
        .map(|date| date.to_string())
}

/// Words of `s` with their byte ranges. Dashes glue times to years (`1934—7 p.m.`), so they
/// split words too.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || c == '—' || c == '–';
        match (sep, start) {
            (true, Some(st)) => {
                out.push((st, s.get(st..i).unwrap_or_default()));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.get(st..).unwrap_or_default()));
    }
    out
}

/// The first date in `s`, if any.
pub fn find_date(s: &str) -> Option<FoundDate> {
    if let Some(found) = find_iso(s) {
        return Some(found);
    }
    let w = words(s);
    // The end of the year in word `k`, when it is a year.
    let year_end = |k: usize| {
        w.get(k)
            .and_then(|&(at, x)| Some((year(x)?, at + year_len(x))))
    };
    for (i, &(start, raw)) in w.iter().enumerate() {
        let word = raw.trim_start_matches(['[', '(']);
        let start = start + (raw.len() - word.len());
        if let Some(m) = month(word) {
            // Month D, YYYY
            if let (Some(d), Some((y, end))) =
                (w.get(i + 1).and_then(|x| number(x.1)), year_end(i + 2))
                && d <= 31
            {
                return Some(FoundDate {
                    start,
                    end,
                    iso: iso(y, m, d),
                });
            }
            // Month YYYY
            if let Some((_, end)) = year_end(i + 1) {
                return Some(FoundDate {
                    start,
                    end,
                    iso: None,
                });
            }
        } else if let Some(d) = number(word)
            && d <= 31
            && let Some(m) = w.get(i + 1).and_then(|x| month(x.1.trim_end_matches(',')))
            && let Some((y, end)) = year_end(i + 2)
        {
            return Some(FoundDate {
                start,
                end,
                iso: iso(y, m, d),
            });
        }
    }
    None
}

fn year_len(word: &str) -> usize {
    word.chars().take_while(|c| c.is_ascii_digit()).count()
}

fn find_iso(s: &str) -> Option<FoundDate> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 10 <= b.len() {
        let w = b.get(i..i + 10).unwrap_or_default();
        let shape = w.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = (i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_alphanumeric))
            && !b.get(i + 10).is_some_and(u8::is_ascii_alphanumeric);
        if shape && bounded {
            let y: i32 = s.get(i..i + 4)?.parse().ok()?;
            let m: u32 = s.get(i + 5..i + 7)?.parse().ok()?;
            let d: u32 = s.get(i + 8..i + 10)?.parse().ok()?;
            if (1..=12).contains(&m) {
                return Some(FoundDate {
                    start: i,
                    end: i + 10,
                    iso: iso(y, m, d),
                });
            }
        }
        i += 1;
    }
    None
}

/// `Some` when the whole of `s` (trimmed, final `.` allowed) is one date.
pub fn parse_date(s: &str) -> Option<FoundDate> {
    let t = s.trim().trim_end_matches('.');
    let found = find_date(t)?;
    (found.start == 0 && found.end == t.len()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(s: &str) -> Option<String> {
        parse_date(s).and_then(|d| d.iso)
    }

    #[test]
    fn common_forms() {
        assert_eq!(iso_of("July 3, 1945").as_deref(), Some("1945-07-03"));
        assert_eq!(iso_of("3 July 1945").as_deref(), Some("1945-07-03"));
        assert_eq!(iso_of("Sept. 14, 1953").as_deref(), Some("1953-09-14"));
        assert_eq!(iso_of("1962-10-02").as_deref(), Some("1962-10-02"));
        assert_eq!(iso_of("February 29, 1944").as_deref(), Some("1944-02-29"));
    }

    #[test]
    fn impossible_or_partial_dates_have_no_iso() {
        assert!(parse_date("February 30, 1945").unwrap().iso.is_none());
        assert!(parse_date("July 1945").unwrap().iso.is_none());
        assert!(parse_date("Moscow").is_none());
        assert!(parse_date("May I say").is_none());
        assert!(parse_date("1962-02-31").unwrap().iso.is_none());
        assert!(parse_date("February 29, 1900").unwrap().iso.is_none());
        assert_eq!(iso_of("February 29, 2000").as_deref(), Some("2000-02-29"));
        assert!(parse_date("0 July 1945").is_none_or(|d| d.iso.is_none()));
    }

    #[test]
    fn dates_inside_datelines() {
        let s = "Buenos Aires, April 30, 1934—7 p.m.";
        let d = find_date(s).unwrap();
        assert_eq!(&s[d.start..d.end], "April 30, 1934");
        let s = "[Paris,] March 25, 1919.";
        let d = find_date(s).unwrap();
        assert_eq!(&s[d.start..d.end], "March 25, 1919");
        assert_eq!(d.iso.as_deref(), Some("1919-03-25"));
    }
}
