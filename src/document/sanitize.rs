//! Input hygiene: no byte of a document may drive the terminal.
//!
//! Bytes are decoded lossily (UTF-8, or UTF-16 after its byte-order mark), a BOM is dropped,
//! line endings become `\n`, tabs are expanded,
//! and every control character that a terminal would act on is replaced by a visible
//! stand-in (C0 controls by their Control Pictures `␛`, DEL by `␡`, C1 controls by `�`) or,
//! for bidi embedding/override/isolate controls, removed. A form feed is kept as a line of its
//! own (`\x0c`) so the parser can see page breaks; the parser never puts it in a block.
//!
//! The same rules make memcon's own output safe: [`for_terminal`] cleans every message, list
//! and file name printed on standard output or standard error, and [`escape_json`] writes JSON
//! with the characters a terminal would act on as `\uXXXX` escapes (the text stays the same
//! for a JSON reader).

use super::LoadError;
use std::borrow::Cow;

/// Tab stops every eight columns, as `less` and terminals do.
pub const TAB_WIDTH: usize = 8;

/// The form feed the parser reads as a page break.
pub const PAGE_BREAK: char = '\x0c';

/// Sanitised text and what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clean {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Is `c` one of the bidi controls that can reorder what follows it on screen?
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Decode and clean untrusted bytes: UTF-8 (with or without a byte-order mark), or UTF-16
/// with one. Refuses other data with NUL bytes (binary files).
pub fn sanitize(bytes: &[u8]) -> Result<Clean, LoadError> {
    let mut warnings = Vec::new();
    let decoded = if let Some(wide) = utf16(bytes, &mut warnings) {
        std::borrow::Cow::Owned(wide)
    } else {
        if bytes.contains(&0) {
            return Err(LoadError::Binary);
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let decoded = match std::str::from_utf8(bytes) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        if let std::borrow::Cow::Owned(_) = decoded {
            let n = decoded.matches('\u{FFFD}').count();
            warnings.push(format!(
                "invalid UTF-8: {n} byte sequence{} replaced by \u{FFFD}",
                plural(n)
            ));
        }
        decoded
    };
    let (text, stats) = clean_str(&decoded, Tabs::Expand);
    drop(decoded);
    Ok(finish(text, &stats, warnings))
}

/// [`sanitize`] for bytes the caller gives up. Text that needs no repair (UTF-8 without a
/// byte-order mark, with nothing to replace or remove), as most documents are, becomes the
/// result as it is: no second copy of a large file is made.
pub fn sanitize_owned(bytes: Vec<u8>) -> Result<Clean, LoadError> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{FEFF}') && !needs_cleaning(&text) => {
            return Ok(finish(text, &Stats::default(), Vec::new()));
        }
        Ok(text) => text.into_bytes(),
        Err(e) => e.into_bytes(),
    };
    sanitize(&bytes)
}

/// Does [`clean_str`] have anything to do in `s` (a NUL byte included)?
fn needs_cleaning(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0usize;
    loop {
        i = next_suspect(bytes, i);
        // `i` is a char boundary: suspect bytes are ASCII or UTF-8 lead bytes.
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if needs_work(c) {
            return true;
        }
        i += c.len_utf8();
    }
}

/// Cleaned text → the result: width normalisation, and a warning for each kind of repair.
fn finish(text: String, stats: &Stats, mut warnings: Vec<String>) -> Clean {
    let (text, simplified) = super::width::normalise(text);
    if simplified > 0 {
        warnings.push(format!(
            "{simplified} emoji sequence{} or stray combining mark{} simplified so the \
             terminal draws {} at the expected width",
            plural(simplified),
            plural(simplified),
            if simplified == 1 { "it" } else { "them" }
        ));
    }
    if stats.controls > 0 {
        warnings.push(format!(
            "{} control character{} shown as visible symbols",
            stats.controls,
            plural(stats.controls)
        ));
    }
    if stats.bidi > 0 {
        warnings.push(format!(
            "{} bidirectional override character{} removed",
            stats.bidi,
            plural(stats.bidi)
        ));
    }
    Clean { text, warnings }
}

/// Text of a file that starts with a UTF-16 byte-order mark (`FF FE` little-endian, `FE FF`
/// big-endian), decoded; unpaired surrogates and an odd last byte become U+FFFD, with a
/// warning. `None` for anything else.
fn utf16(bytes: &[u8], warnings: &mut Vec<String>) -> Option<String> {
    let (bom, body) = bytes.split_at_checked(2)?;
    let little = match bom {
        [0xFF, 0xFE] => true,
        [0xFE, 0xFF] => false,
        _ => return None,
    };
    let units = body.as_chunks::<2>().0.iter().map(|&pair| {
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut bad = 0usize;
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if body.len() % 2 == 1 {
        bad += 1;
        text.push('\u{FFFD}');
    }
    if bad > 0 {
        warnings.push(format!(
            "invalid UTF-16: {bad} code unit{} replaced by \u{FFFD}",
            plural(bad)
        ));
    }
    Some(text)
}

/// Clean text that is already valid UTF-8 (used for user-typed text such as notes too).
pub fn sanitize_str(s: &str) -> String {
    clean_str(s, Tabs::Expand).0
}

/// Text for a terminal: anything memcon prints (messages, notes, file names, entity names,
/// tables). The rules of [`sanitize_str`], except that tabs are kept (a tab only moves the
/// cursor). Text with nothing to clean is returned as it is.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| needs_work(c) && c != '\t') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(clean_str(s, Tabs::Keep).0)
}

/// Text for the reader's screen (messages, notes from an older bookmarks file): the rules of
/// [`sanitize_str`], tabs expanded (ratatui drops them). Clean text is returned as it is.
pub fn for_screen(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_work) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(clean_str(s, Tabs::Expand).0)
}

/// Would a terminal act on `c` (or reorder text around it) if it were printed? C0 controls
/// other than line feed and tab, DEL, C1 controls, bidi controls and the Unicode line and
/// paragraph separators.
pub fn acts_on_terminal(c: char) -> bool {
    needs_work(c) && c != '\t'
}

/// JSON text with every character [`acts_on_terminal`] as its `\uXXXX` escape.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    match escape_json_bytes(json.as_bytes()) {
        Cow::Borrowed(_) => Cow::Borrowed(json),
        Cow::Owned(v) => Cow::Owned(String::from_utf8(v).unwrap_or_default()),
    }
}

fn escape_json_bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // Not ours to repair: JSON from serde is always UTF-8.
        return Cow::Borrowed(bytes);
    };
    // Only the characters at suspect bytes are looked at: the output of an export is mostly
    // text that passes eight bytes at a time.
    let mut out: Option<String> = None;
    let mut copied = 0usize; // text[..copied] is already in `out`
    let mut i = 0usize;
    loop {
        i = next_suspect(bytes, i);
        // `i` is a char boundary: suspect bytes are ASCII or UTF-8 lead bytes.
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let next = i + c.len_utf8();
        if acts_on_terminal(c) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            o.push_str(text.get(copied..i).unwrap_or_default());
            o.push_str(&format!("\\u{:04x}", c as u32));
            copied = next;
        }
        i = next;
    }
    match out {
        None => Cow::Borrowed(bytes),
        Some(mut o) => {
            o.push_str(text.get(copied..).unwrap_or_default());
            Cow::Owned(o.into_bytes())
        }
    }
}

/// Index of the first byte at or after `from` that is [`suspect`], or `bytes.len()`.
#[inline(always)]
fn next_suspect(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if suspect(b) {
            return i;
        }
        i += 1;
        // Skip eight clean bytes at a time: most of any text needs no work.
        while let Some(word) = bytes.get(i..i + 8) {
            if any_suspect(u64::from_le_bytes(word.try_into().expect("8 bytes"))) {
                break;
            }
            i += 8;
        }
    }
    bytes.len()
}

/// What [`clean_str`] does with a tab.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tabs {
    /// Spaces to the next tab stop (document text: ratatui drops tabs).
    Expand,
    /// Left as it is (printed output).
    Keep,
}

#[derive(Default)]
struct Stats {
    controls: usize,
    bidi: usize,
}

fn needs_work(c: char) -> bool {
    c == '\t'
        || c == '\r'
        || (c < ' ' && c != '\n')
        || ('\u{7F}'..='\u{9F}').contains(&c)
        || is_bidi_control(c)
        || c == '\u{2028}'
        || c == '\u{2029}'
}

/// Bytes that may start a character needing work: C0 controls but `\n`, DEL, and the lead
/// bytes of C1 controls (`C2`) and of the bidi and line separator characters (`E2`).
fn suspect(b: u8) -> bool {
    (b < b' ' && b != b'\n') || b == 0x7F || b == 0xC2 || b == 0xE2
}

/// Does any byte of `x` satisfy [`suspect`] (or is it `\n`)? A word-at-a-time test: false
/// means all eight bytes can be copied as they are.
#[inline(always)]
pub(crate) fn any_suspect(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20: subtracting 0x20 borrows into its high bit (bytes >= 0x80 are
    // excluded by `!x`).
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
    below_space || has_byte(x, 0x7F) || has_byte(x, 0xC2) || has_byte(x, 0xE2)
}

/// Is one of the eight bytes of `x` equal to `b`? Exact: never a byte that is not there.
#[inline(always)]
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGHS != 0
}

fn clean_str(s: &str, tabs: Tabs) -> (String, Stats) {
    let mut out = String::with_capacity(s.len());
    let mut stats = Stats::default();
    let bytes = s.as_bytes();
    // Display column of the end of `out`, for tab expansion.
    let mut col = 0usize;
    let mut copied = 0usize; // s[..copied] is already in `out`
    let mut i = 0usize;
    loop {
        i = next_suspect(bytes, i);
        if i >= bytes.len() {
            break;
        }
        // `i` is a char boundary: suspect bytes are ASCII or UTF-8 lead bytes.
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            i += 1;
            continue;
        };
        if !needs_work(c) {
            i += c.len_utf8();
            continue;
        }
        let plain = s.get(copied..i).unwrap_or_default();
        out.push_str(plain);
        col = advance_col(col, plain);
        i += c.len_utf8();
        copied = i;
        match c {
            '\t' if tabs == Tabs::Keep => out.push('\t'),
            '\t' => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\r' => {
                if bytes.get(i) != Some(&b'\n') {
                    out.push('\n');
                    col = 0;
                }
            }
            '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                col = 0;
            }
            PAGE_BREAK => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push(PAGE_BREAK);
                out.push('\n');
                col = 0;
                // The line end that follows the form feed is the one just written.
                if bytes.get(i) == Some(&b'\r') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                copied = i;
            }
            c if is_bidi_control(c) => stats.bidi += 1,
            c if c < ' ' => {
                stats.controls += 1;
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
                col += 1;
            }
            '\u{7F}' => {
                stats.controls += 1;
                out.push('\u{2421}');
                col += 1;
            }
            _ => {
                // C1 controls U+0080..=U+009F.
                stats.controls += 1;
                out.push('\u{FFFD}');
                col += 1;
            }
        }
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    (out, stats)
}

fn advance_col(col: usize, plain: &str) -> usize {
    match plain.rfind('\n') {
        Some(nl) => plain.get(nl + 1..).unwrap_or_default().chars().count(),
        None => col + plain.chars().count(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &[u8]) -> String {
        sanitize(s).unwrap().text
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(clean(b"a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(clean(b"\xEF\xBB\xBFTitle"), "Title");
    }

    #[test]
    fn tabs_expand_to_stops_of_eight() {
        assert_eq!(clean(b"ab\tc\n\td"), "ab      c\n        d");
    }

    #[test]
    fn escape_sequences_become_visible_text() {
        let c = sanitize(b"\x1b[31mred\x1b]0;title\x07 \x9b").unwrap_or_else(|_| unreachable!());
        assert_eq!(c.text, "\u{241B}[31mred\u{241B}]0;title\u{2407} \u{FFFD}");
        assert!(!c.text.chars().any(|c| c.is_control() && c != '\n'));
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    }

    #[test]
    fn c1_controls_as_characters_are_replaced() {
        let c = sanitize("a\u{9B}b\u{85}c".as_bytes()).unwrap();
        assert_eq!(c.text, "a\u{FFFD}b\u{FFFD}c");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        let c = sanitize("evil\u{202E}txt.exe\u{2066}x\u{2069}".as_bytes()).unwrap();
        assert_eq!(c.text, "eviltxt.exex");
        assert!(c.warnings[0].contains("bidirectional"));
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let c = sanitize(b"caf\xE9 ok").unwrap();
        assert_eq!(c.text, "caf\u{FFFD} ok");
        assert!(c.warnings[0].contains("invalid UTF-8"));
    }

    #[test]
    fn word_test_agrees_with_byte_test() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = b;
                let expected = suspect(b) || b == b'\n';
                assert_eq!(any_suspect(u64::from_le_bytes(w)), expected, "byte {b:#x}");
            }
        }
    }

    fn utf16_bytes(s: &str, little: bool) -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in s.encode_utf16() {
            out.extend(if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "Memorandum\r\nPort Arthur [Lüshunkou, 旅顺口] 👍\n";
        for little in [true, false] {
            let c = sanitize(&utf16_bytes(text, little)).unwrap();
            assert_eq!(c.text, "Memorandum\nPort Arthur [Lüshunkou, 旅顺口] 👍\n");
            assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        }
        // An unpaired surrogate and an odd last byte are replaced, and said.
        let mut bytes = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c'];
        let c = sanitize(&bytes).unwrap();
        assert_eq!(c.text, "a\u{FFFD}b\u{FFFD}");
        assert!(c.warnings[0].contains("UTF-16"), "{:?}", c.warnings);
        // Without the mark, NUL bytes still mean binary.
        bytes.drain(..2);
        assert_eq!(sanitize(&bytes), Err(LoadError::Binary));
    }

    #[test]
    fn clusters_the_terminal_counts_differently_are_simplified() {
        let c = sanitize("a 👨\u{200D}👩\u{200D}👧 b กำ".as_bytes()).unwrap();
        assert_eq!(c.text, "a 👨👩👧 b กำ");
        assert!(
            c.warnings[0].contains("1 emoji sequence"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert_eq!(sanitize(b"PK\x03\x04\0\0"), Err(LoadError::Binary));
    }

    #[test]
    fn form_feed_becomes_its_own_line() {
        assert_eq!(clean(b"end\x0c\r\nHeader"), "end\n\x0c\nHeader");
        assert_eq!(clean(b"end\n\x0cHeader"), "end\n\x0c\nHeader");
    }

    #[test]
    fn terminal_output_keeps_tabs_and_line_feeds_and_cleans_the_rest() {
        let hostile = "note\t\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGk=\u{7}\n\u{9b}2J \u{202e}txt";
        let out = for_terminal(hostile);
        assert_eq!(
            out,
            "note\t\u{241B}]0;PWNED\u{2407}\u{241B}]52;c;aGk=\u{2407}\n\u{FFFD}2J txt"
        );
        assert!(matches!(for_terminal("plain\ttext\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_for_a_terminal_escapes_what_serde_leaves_raw() {
        let value = "a\u{1b}b\u{9b}c\u{202e}d\u{2028}e\u{7f}";
        let json = serde_json::to_string(value).unwrap();
        let safe = escape_json(&json);
        assert!(!safe.chars().any(acts_on_terminal), "{safe}");
        assert_eq!(safe, r#""a\u001bb\u009bc\u202ed\u2028e\u007f""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn owned_bytes_are_cleaned_exactly_as_borrowed_ones() {
        let mut inputs: Vec<Vec<u8>> = [
            "Plain memo text.\nSecond line, caf\u{e9} \u{2014} 1945.\n",
            "\u{feff}With a byte-order mark\n",
            "Windows\r\nline ends\r\n",
            "a\ttab",
            "page\n\u{c}\nbreak",
            "C1 \u{9b} and bidi \u{202e} and \u{2028}",
            "an emoji \u{1F44D}\u{1F3FD} and a\u{301}",
            "",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        inputs.push(b"invalid \xff UTF-8".to_vec());
        inputs.push(b"NUL \0 byte".to_vec());
        inputs.push(vec![0xFF, 0xFE, b'h', 0, b'i', 0]);
        for bytes in inputs {
            assert_eq!(sanitize_owned(bytes.clone()), sanitize(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn json_escapes_find_every_terminal_character_among_long_clean_runs() {
        // Harmless characters that share lead bytes with the escaped ones (é is C3, — and
        // ‘ are E2 80 …, ¢ is C2 A2), line feeds of pretty JSON, and the escaped ones at
        // every alignment within an eight-byte word.
        let pieces = [
            "plain ascii text ",
            "caf\u{e9} ",
            "\u{2014}dash\u{2018} ",
            "\u{a2}5 ",
            "\n",
            "\u{9b}",
            "\u{202e}",
            "\u{2029}",
            "\u{7f}",
            "\r",
        ];
        for shift in 0..9 {
            let mut text = " ".repeat(shift);
            for (k, p) in pieces.iter().cycle().take(60).enumerate() {
                text.push_str(p);
                text.push_str(&"x".repeat(k % 11));
            }
            let mut expected = String::new();
            for c in text.chars() {
                if acts_on_terminal(c) {
                    expected.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    expected.push(c);
                }
            }
            assert_eq!(escape_json(&text), expected, "shifted by {shift}");
        }
        let clean = "caf\u{e9} \u{2014} \u{a2}\nplain";
        assert!(matches!(escape_json(clean), Cow::Borrowed(_)));
    }
}
