//! A query as typed, and the compiled [`Matcher`] that runs it.

use super::widen::{self, Target};
use regex::{Regex, RegexBuilder};
use std::ops::Range;

/// Largest compiled program a pattern may produce, so a hostile pattern such as
/// `(a{999}){999}` is refused at once instead of eating memory and time.
pub const SIZE_LIMIT: usize = 2 << 20;
/// Cache for the lazy DFA; past it the engine falls back to slower but still linear search.
pub const DFA_SIZE_LIMIT: usize = 4 << 20;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub pattern: String,
    /// Treat `pattern` as a regular expression rather than as plain text.
    pub regex: bool,
    /// Ignore accents (`Lushunkou` finds `Lüshunkou`).
    pub fold_accents: bool,
}

impl Query {
    /// A plain-text query with the defaults: accent-insensitive, smart case.
    pub fn plain(pattern: impl Into<String>) -> Self {
        Self {
            pattern: pattern.into(),
            regex: false,
            fold_accents: true,
        }
    }

    /// A regular-expression query; accents count unless folding is switched on.
    pub fn regex(pattern: impl Into<String>) -> Self {
        Self {
            pattern: pattern.into(),
            regex: true,
            fold_accents: false,
        }
    }

    /// Smart case: a query with a capital letter is case-sensitive, one without is not.
    /// In a regex, letters of escapes (`\W`, `\p{Lu}`) and group names do not count.
    pub fn is_case_sensitive(&self) -> bool {
        if self.regex {
            regex_has_capital(&self.pattern)
        } else {
            self.pattern.chars().any(char::is_uppercase)
        }
    }
}

/// Why a query cannot run; `Display` is one line for the input line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("empty pattern")]
    Empty,
    #[error("invalid pattern: {0}")]
    Invalid(String),
    #[error("pattern too complex (it compiles past the {} MiB limit)", SIZE_LIMIT >> 20)]
    TooBig,
}

/// A compiled query. Cheap to clone (the regexes are shared).
#[derive(Debug, Clone)]
pub struct Matcher {
    query: Query,
    case_sensitive: bool,
    any: Regex,
    /// With accent folding, the same pattern cut down to ASCII for ASCII text (much faster,
    /// since the engine can look for a literal).
    ascii: Option<Regex>,
}

impl Matcher {
    pub fn new(query: &Query) -> Result<Self, SearchError> {
        if query.pattern.is_empty() {
            return Err(SearchError::Empty);
        }
        let case_sensitive = query.is_case_sensitive();
        let pattern = if query.regex {
            query.pattern.clone()
        } else {
            regex::escape(&query.pattern)
        };
        // Parsing first gives a structured error (kind and column) for the input line.
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(!case_sensitive)
            .build()
            .parse(&pattern)
            .map_err(|e| SearchError::Invalid(describe(&e)))?;
        let (any, ascii) = if query.fold_accents {
            let any = build(&widen::widen_hir(&hir, Target::Any).to_string(), true)?;
            let ascii = build(&widen::widen_hir(&hir, Target::Ascii).to_string(), true)?;
            (any, Some(ascii))
        } else {
            (build(&pattern, case_sensitive)?, None)
        };
        Ok(Self {
            query: query.clone(),
            case_sensitive,
            any,
            ascii,
        })
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// The regex to run over `text` (the fast one when `text` is ASCII). Any text that
    /// contains every byte a match could touch will do, not only a whole block.
    pub fn regex_for(&self, text: &str) -> &Regex {
        match &self.ascii {
            Some(ascii) if text.is_ascii() => ascii,
            _ => &self.any,
        }
    }

    /// All non-empty matches in `text`, left to right, as byte ranges of `text`. Empty
    /// matches (`x*` between two letters) are skipped: there is nothing to show or jump to.
    pub fn find_ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.regex_for(text)
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
            .collect()
    }
}

fn build(pattern: &str, case_sensitive: bool) -> Result<Regex, SearchError> {
    RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => SearchError::TooBig,
            other => SearchError::Invalid(last_line(&other.to_string())),
        })
}

/// One line: what is wrong and at which column of the pattern.
fn describe(e: &regex_syntax::Error) -> String {
    match e {
        regex_syntax::Error::Parse(e) => {
            format!("{} at column {}", e.kind(), e.span().start.column)
        }
        regex_syntax::Error::Translate(e) => {
            format!("{} at column {}", e.kind(), e.span().start.column)
        }
        other => last_line(&other.to_string()),
    }
}

fn last_line(s: &str) -> String {
    let line = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(s);
    line.trim().trim_start_matches("error: ").to_string()
}

/// Whether a regex has a capital letter of its own: escapes (`\W`, `\p{Lu}`, `\x4F`), group
/// names (`(?P<Name>`) and flags do not count.
fn regex_has_capital(pattern: &str) -> bool {
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('p' | 'P' | 'x' | 'u' | 'U') if chars.peek() == Some(&'{') => {
                    chars.by_ref().find(|&c| c == '}');
                }
                Some('p' | 'P') => {
                    chars.next();
                }
                Some('x' | 'u' | 'U') => while chars.next_if(char::is_ascii_hexdigit).is_some() {},
                _ => {}
            },
            '(' if chars.peek() == Some(&'?') => {
                chars.next();
                chars.next_if_eq(&'P');
                if chars.next_if_eq(&'<').is_some() {
                    chars.by_ref().find(|&c| c == '>');
                }
            }
            c if c.is_uppercase() => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(q: &Query, text: &'t str) -> Vec<&'t str> {
        let m = Matcher::new(q).expect("valid query");
        m.find_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn lowercase_query_ignores_case() {
        let q = Query::plain("dairen");
        assert_eq!(
            found(&q, "Dairen, DAIREN, dairen"),
            ["Dairen", "DAIREN", "dairen"]
        );
    }

    #[test]
    fn a_capital_makes_the_query_case_sensitive() {
        let q = Query::plain("Dairen");
        assert_eq!(found(&q, "Dairen, DAIREN, dairen"), ["Dairen"]);
        let q = Query::regex("Dai.en");
        assert_eq!(found(&q, "Dairen dairen"), ["Dairen"]);
    }

    #[test]
    fn regex_escapes_and_group_names_do_not_make_it_case_sensitive() {
        for p in [
            r"\Wport",
            r"\p{Lu}ort",
            r"(?P<Name>port)",
            r"\x41rt",
            r"\u{41}rt",
            r"\Aport",
        ] {
            assert!(!Query::regex(p).is_case_sensitive(), "{p}");
        }
        assert!(Query::regex(r"\WPort").is_case_sensitive());
        assert_eq!(
            found(&Query::regex(r"\bport\w*"), "Port ports"),
            ["Port", "ports"]
        );
    }

    #[test]
    fn plain_queries_are_literal() {
        assert_eq!(found(&Query::plain("a.b"), "axb a.b"), ["a.b"]);
        assert_eq!(
            found(&Query::plain("[Dalian]"), "Dairen [Dalian]"),
            ["[Dalian]"]
        );
    }

    #[test]
    fn accents_are_ignored_by_default_and_ranges_cover_the_original_letters() {
        let text = "Port Arthur [Lüshunkou District, Dalian], Königsberg, Lu\u{308}shunkou";
        let q = Query::plain("lushunkou");
        assert_eq!(found(&q, text), ["Lüshunkou", "Lu\u{308}shunkou"]);
        assert_eq!(found(&Query::plain("Konigsberg"), text), ["Königsberg"]);
        // An accented query finds the plain spelling too.
        assert_eq!(found(&Query::plain("Dálian"), text), ["Dalian"]);
        // Curly quotes and dashes match what a keyboard types.
        assert_eq!(found(&Query::plain("soong's"), "Soong’s talk"), ["Soong’s"]);
        assert_eq!(
            found(&Query::plain("1945-1950"), "1945–1950"),
            ["1945–1950"]
        );
        // Case still counts for a capitalised query.
        assert!(found(&Query::plain("LUSHUNKOU"), text).is_empty());
    }

    #[test]
    fn accents_count_when_folding_is_off() {
        let q = Query {
            fold_accents: false,
            ..Query::plain("Lushunkou")
        };
        assert!(found(&q, "Lüshunkou").is_empty());
        assert_eq!(
            found(&Query::regex("L.shunkou"), "Lüshunkou"),
            ["Lüshunkou"]
        );
    }

    #[test]
    fn folding_applies_to_a_regex_when_asked() {
        let q = Query {
            fold_accents: true,
            ..Query::regex(r"K[o]nigs\w+")
        };
        assert_eq!(found(&q, "Königsberg"), ["Königsberg"]);
    }

    #[test]
    fn ascii_and_general_regexes_agree_on_ascii_text() {
        let q = Query::plain("ou");
        let m = Matcher::new(&q).unwrap();
        let text = "Outer Mongolia, our route";
        let any: Vec<_> = m.any.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(m.find_ranges(text), any);
        assert_eq!(any.len(), 3);
    }

    #[test]
    fn invalid_patterns_give_one_line_errors() {
        for (p, want) in [
            ("(Dairen", "unclosed group at column 1"),
            ("[a-", "unclosed character class at column 1"),
            ("a{2,1}", "invalid repetition count range"),
            (r"\q", "unrecognized escape sequence at column 1"),
        ] {
            let err = Matcher::new(&Query::regex(p)).unwrap_err().to_string();
            assert!(err.starts_with("invalid pattern: "), "{p}: {err}");
            assert!(err.contains(want), "{p}: {err}");
            assert!(!err.contains('\n'), "{p}: {err}");
        }
        // The same text as a plain query is fine.
        assert!(Matcher::new(&Query::plain("(Dairen")).is_ok());
        assert_eq!(
            Matcher::new(&Query::plain("")).unwrap_err(),
            SearchError::Empty
        );
    }

    #[test]
    fn hostile_patterns_are_refused_quickly() {
        for p in [
            r"(\w{500}){500}",
            r"((a{100}){100}){100}",
            r"[\p{L}\p{N}]{1000}",
        ] {
            assert_eq!(
                Matcher::new(&Query::regex(p)).unwrap_err(),
                SearchError::TooBig,
                "{p}"
            );
        }
    }

    #[test]
    fn empty_matches_are_skipped() {
        assert_eq!(found(&Query::regex("x*"), "axxb"), ["xx"]);
    }
}
