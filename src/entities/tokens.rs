//! A tokenizer for names: words with their byte ranges and the facts the rules need (capital,
//! all caps, initial, possessive, what punctuation sits before them). It allocates nothing per
//! token: callers reuse one `Vec<Token>`.

/// The token starts with an uppercase letter (or a letter of a script without case).
pub const CAP: u16 = 1;
/// Every cased letter is uppercase and there are at least two letters (`ORLOV`, `HARBIN`).
pub const ALLCAPS: u16 = 1 << 1;
/// One capital letter and its period (`W.`); the period is part of the token.
pub const INITIAL: u16 = 1 << 2;
/// Dotted capitals (`U.S.`, `U.S.S.R.`, `D.C.`); the last period is part of the token.
pub const ABBREV: u16 = 1 << 3;
/// The word was followed by `'s` or `’s` (not part of the token).
pub const POSS: u16 = 1 << 4;
/// The token starts with a digit.
pub const NUM: u16 = 1 << 5;
/// The token is the `&` sign.
pub const AMP: u16 = 1 << 6;
/// Only spaces (no punctuation, no line break) separate the token from the one before.
pub const PLAIN_GAP: u16 = 1 << 7;
/// The text before the token ends a sentence (`.`, `!`, `?`, `:`, a line break or block start).
pub const SENT: u16 = 1 << 8;
/// A `[` opens right before the token.
pub const OPEN_BRACKET: u16 = 1 << 9;
/// A `]` closes right after the token.
pub const CLOSE_BRACKET: u16 = 1 << 10;
/// A `(` opens right before the token.
pub const OPEN_PAREN: u16 = 1 << 11;
/// A `)` closes right after the token.
pub const CLOSE_PAREN: u16 = 1 << 12;
/// A comma, semicolon or colon follows the token.
pub const COMMA_AFTER: u16 = 1 << 13;
/// A period follows the token (not counting the period of an initial).
pub const DOT_AFTER: u16 = 1 << 14;
/// The token starts with a lowercase letter.
pub const LOWER: u16 = 1 << 15;

/// One word of a text: `text[start..end]` and its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u16,
}

impl Token {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

fn is_word_char(c: char) -> bool {
    // General Punctuation (typographic quotes and dashes, spaces) holds no letter or digit:
    // the common non-ASCII characters of prose skip the Unicode tables.
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

// What each byte is, for the tokenizer: `WORD` for ASCII letters and digits, `SPECIAL` for
// what needs a closer look, and what it
// does in a gap between tokens, as [`gap_flags`] reads it: the flags it gives the token before
// (low half, [`gap_after`]) and after (high half, [`gap_before`]), and `NOT_PLAIN` for any
// byte but a space.
const WORD: u32 = 1 << 31;
/// A byte the gap loop cannot take alone: `&` (a token) and the bytes of non-ASCII
/// characters (which may be letters).
const SPECIAL: u32 = 1 << 28;
/// In the high half, where no gap flag for the token after lies (`PLAIN_GAP` is the flag
/// the tokenizer sets for a plain gap, never a gap's byte).
const NOT_PLAIN: u32 = (PLAIN_GAP as u32) << 16;

/// A gap flag for the token before the gap.
const fn after(f: u16) -> u32 {
    f as u32
}

/// A gap flag for the token after the gap.
const fn before(f: u16) -> u32 {
    (f as u32) << 16
}

const fn byte_class(b: u8) -> u32 {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => WORD | NOT_PLAIN,
        b' ' => 0,
        b',' | b';' => after(COMMA_AFTER) | NOT_PLAIN,
        b':' => after(COMMA_AFTER) | before(SENT) | NOT_PLAIN,
        b'.' => after(DOT_AFTER) | before(SENT) | NOT_PLAIN,
        b'!' | b'?' | b'\n' => before(SENT) | NOT_PLAIN,
        b']' => after(CLOSE_BRACKET) | NOT_PLAIN,
        b')' => after(CLOSE_PAREN) | NOT_PLAIN,
        b'[' => before(OPEN_BRACKET) | NOT_PLAIN,
        b'(' => before(OPEN_PAREN) | NOT_PLAIN,
        b'&' | 0x80.. => SPECIAL | NOT_PLAIN,
        _ => NOT_PLAIN,
    }
}

// `b < 256` indexes 256 entries.
#[allow(clippy::indexing_slicing)]
static CLASS: [u32; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = byte_class(b as u8);
        b += 1;
    }
    t
};

#[inline]
// A byte indexes 256 entries.
#[allow(clippy::indexing_slicing)]
fn class(b: u8) -> u32 {
    CLASS[usize::from(b)]
}

/// Split `text` into tokens, appending to `out` (cleared first). One pass: what the gap
/// before a token says is gathered while the gap is skipped.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    // About one token in six bytes of prose: grow once, not by doubling through a long text.
    out.reserve(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    // The gap since the last token, as `class` bits.
    let mut gap = 0u32;
    while let Some(&b) = bytes.get(i) {
        let cls = class(b);
        if cls & (WORD | SPECIAL) == 0 {
            gap |= cls;
            i += 1;
            continue;
        }
        if cls & WORD == 0 {
            if b == b'&' {
                push(out, gap, i, i + 1, AMP);
                gap = 0;
                i += 1;
                continue;
            }
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            if !is_word_char(c) {
                gap |= NOT_PLAIN;
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let (mut end, mut flags) = scan_word(text, start);
        // Possessive: `Soong's`, `Soong’s` (’ is E2 80 99 in UTF-8).
        if matches!(bytes.get(end), Some(b'\'' | 0xE2))
            && let Some(rest) = text.get(end..)
        {
            let mut it = rest.chars();
            if let Some(a) = it.next()
                && is_apostrophe(a)
            {
                let after = it.next();
                if matches!(after, Some('s')) && !it.next().is_some_and(is_word_char) {
                    flags |= POSS;
                }
            }
        }
        push(out, gap, start, end, flags);
        gap = 0;
        if flags & POSS != 0 {
            let apostrophe = text.get(end..).and_then(|r| r.chars().next());
            end += apostrophe.map_or(1, char::len_utf8) + 1;
        }
        i = end;
    }
    if let Some(last) = out.last_mut() {
        last.flags |= gap_after(gap);
    }
}

/// The flags gap bits give the token before the gap.
#[inline]
fn gap_after(gap: u32) -> u16 {
    (gap & u32::from(AFTER_FLAGS)) as u16
}

/// The flags gap bits give the token after the gap (the plain gap aside).
#[inline]
fn gap_before(gap: u32) -> u16 {
    (gap >> 16) as u16 & (SENT | OPEN_BRACKET | OPEN_PAREN)
}

/// Read one word starting at `start`: letters and digits, with inner hyphens and apostrophes
/// (`Hung-chang`, `Hā'ěrbīn`), and the period of an initial or a dotted abbreviation.
fn scan_word(text: &str, start: usize) -> (usize, u16) {
    if let Some(r) = scan_ascii_word(text.as_bytes(), start) {
        return r;
    }
    scan_word_slow(text, start)
}

/// The common case, byte by byte: an ASCII word followed by ASCII. `None` sends the word to
/// the general path.
fn scan_ascii_word(bytes: &[u8], start: usize) -> Option<(usize, u16)> {
    let first = *bytes.get(start)?;
    let mut j = start + 1;
    loop {
        j += alnum_run(bytes.get(j..).unwrap_or_default());
        match bytes.get(j).copied() {
            // `W.`, `U.S.`: initials and abbreviations take the general path.
            Some(b'.') if j == start + 1 && first.is_ascii_uppercase() => return None,
            // An inner hyphen or apostrophe (`Hung-chang`, `O'Brien`), but not a possessive.
            Some(b @ (b'-' | b'\'')) => {
                let next = bytes.get(j + 1).copied().unwrap_or(b' ');
                if next >= 0x80 {
                    return None;
                }
                if !next.is_ascii_alphanumeric() {
                    break;
                }
                let after = bytes.get(j + 2).copied().unwrap_or(b' ');
                if after >= 0x80 {
                    return None;
                }
                if b == b'\'' && next == b's' && !after.is_ascii_alphanumeric() {
                    break;
                }
                j += 1;
            }
            Some(b) if b >= 0x80 => return None, // a letter or a typographic apostrophe
            _ => break,
        }
    }
    let flags = if first.is_ascii_digit() {
        NUM
    } else if first.is_ascii_uppercase() {
        // All caps: no lowercase letter and two capitals at least (one capital and digits
        // is no all-caps word).
        let word = bytes.get(start..j).unwrap_or_default();
        if !word.iter().any(u8::is_ascii_lowercase)
            && word.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
        {
            CAP | ALLCAPS
        } else {
            CAP
        }
    } else {
        LOWER
    };
    Some((j, flags))
}

/// How many ASCII letters and digits `bytes` starts with, eight bytes at a time: a word's end
/// is found without a branch per byte (whose misprediction at every word's end cost more
/// than the bytes themselves).
fn alnum_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes
        .get(n..n + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let stop = not_alnum(u64::from_le_bytes(chunk));
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let tail = bytes.get(n..).unwrap_or_default();
    n + tail
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit.
fn not_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte's low seven bits: adding at most 0x50 to one cannot carry into the next.
    let low = x & !HIGH;
    // High bit set where `lo <= byte <= hi`.
    let within = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7F - hi)) & HIGH
    };
    // `| 0x20` takes `A`..`Z` to `a`..`z` and nothing else there.
    let letters = within(low | (ONES * 0x20), b'a', b'z');
    let digits = within(low, b'0', b'9');
    // A byte with its high bit set is no ASCII.
    !((letters | digits) & !x) & HIGH
}

fn scan_word_slow(text: &str, start: usize) -> (usize, u16) {
    let mut end = start;
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut first: Option<char> = None;
    let word = text.get(start..).unwrap_or("");
    for (o, c) in word.char_indices() {
        if is_word_char(c) {
            first.get_or_insert(c);
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                } else if c.is_lowercase() {
                    lower += 1;
                }
            }
            end = start + o + c.len_utf8();
            continue;
        }
        // Inner hyphen or apostrophe followed by a word character, but not a possessive `'s`.
        if c == '-' || c == '\u{2010}' || is_apostrophe(c) {
            let mut look = word.get(o + c.len_utf8()..).unwrap_or("").chars();
            let n1 = look.next();
            if n1.is_some_and(is_word_char) {
                let possessive =
                    is_apostrophe(c) && n1 == Some('s') && !look.next().is_some_and(is_word_char);
                if !possessive {
                    continue;
                }
            }
        }
        break;
    }
    let first = first.unwrap_or(' ');
    let mut flags = 0;
    if first.is_numeric() {
        flags |= NUM;
    } else if first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase()) {
        flags |= CAP;
    } else if first.is_lowercase() {
        flags |= LOWER;
    }
    if letters >= 2 && lower == 0 && upper >= 2 {
        flags |= ALLCAPS;
    }
    // `W.` and `U.S.`: a lone capital letter followed by a period.
    if letters == 1
        && upper == 1
        && end - start == first.len_utf8()
        && text.get(end..).is_some_and(|r| r.starts_with('.'))
    {
        let mut e = end + 1;
        let mut dotted = false;
        loop {
            let mut it = text.get(e..).unwrap_or("").chars();
            match (it.next(), it.next()) {
                (Some(c), Some('.')) if c.is_uppercase() => {
                    e += c.len_utf8() + 1;
                    dotted = true;
                }
                _ => break,
            }
        }
        return (e, flags | if dotted { ABBREV } else { INITIAL });
    }
    (end, flags)
}

/// Append the token `start..end` with `flags`, after a gap of `gap` bits.
#[inline]
fn push(out: &mut Vec<Token>, gap: u32, start: usize, end: usize, flags: u16) {
    let mut flags = flags | gap_before(gap);
    match out.last_mut() {
        Some(prev) => {
            prev.flags |= gap_after(gap);
            if gap & NOT_PLAIN == 0 {
                flags |= PLAIN_GAP;
            }
        }
        None => flags |= SENT,
    }
    out.push(Token { start, end, flags });
}

/// The flags a gap between two tokens gives the token before it and the one after, and whether
/// it is only spaces; one pass over the gap.
fn gap_flags(gap: &[u8]) -> (u16, u16, bool) {
    let bits = gap.iter().fold(0, |acc, &b| acc | class(b));
    (gap_after(bits), gap_before(bits), bits & NOT_PLAIN == 0)
}

/// The flags a gap sets on the token before it.
const AFTER_FLAGS: u16 = COMMA_AFTER | DOT_AFTER | CLOSE_BRACKET | CLOSE_PAREN;
/// The flags a gap sets on the token after it.
const BEFORE_FLAGS: u16 = SENT | OPEN_BRACKET | OPEN_PAREN | PLAIN_GAP;

/// Read token `k`, a word followed by its period (`Thos.`, `Ya.`), as an initial: the period
/// joins the token and no longer ends a sentence before the next one. Nothing happens when no
/// period follows the token right away.
pub fn make_initial(text: &str, toks: &mut [Token], k: usize) {
    let next_start = toks.get(k + 1).map_or(text.len(), |n| n.start);
    let Some(t) = toks.get_mut(k) else {
        return;
    };
    if text.as_bytes().get(t.end) != Some(&b'.') || t.end >= next_start {
        return;
    }
    t.end += 1;
    let gap = text.as_bytes().get(t.end..next_start).unwrap_or_default();
    let (after, before, plain) = gap_flags(gap);
    t.flags = (t.flags & !(AFTER_FLAGS | ALLCAPS)) | after | INITIAL;
    if let Some(n) = toks.get_mut(k + 1) {
        n.flags = (n.flags & !BEFORE_FLAGS) | before | if plain { PLAIN_GAP } else { 0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, u16)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| (&text[t.start..t.end], t.flags)).collect()
    }

    #[test]
    fn initials_abbreviations_and_possessives() {
        let w = words("Dr. T. V. Soong's talk with the U.S.A. envoy");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Dr", "T.", "V.", "Soong", "talk", "with", "the", "U.S.A.", "envoy"
            ]
        );
        assert!(w[1].1 & INITIAL != 0);
        assert!(w[3].1 & POSS != 0);
        assert!(w[7].1 & ABBREV != 0);
        assert!(w[0].1 & DOT_AFTER != 0);
    }

    #[test]
    fn hyphens_apostrophes_and_scripts_stay_in_words() {
        let w = words("Li Hung-chang [Hā'ěrbīn, 哈尔滨] ORLOV");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(texts, ["Li", "Hung-chang", "Hā'ěrbīn", "哈尔滨", "ORLOV"]);
        assert!(w[2].1 & OPEN_BRACKET != 0);
        assert!(w[3].1 & CAP != 0 && w[3].1 & CLOSE_BRACKET != 0);
        assert!(w[4].1 & ALLCAPS != 0);
    }

    #[test]
    fn sentence_starts_and_plain_gaps() {
        let w = words("He left. Soong came, and Stalin\nwaited");
        assert!(w[2].1 & SENT != 0);
        assert!(w[3].1 & PLAIN_GAP != 0);
        assert!(w[4].1 & PLAIN_GAP == 0);
        assert!(w[6].1 & SENT != 0);
    }

    /// What a gap says, byte by byte, as written out plainly.
    fn gap_by_hand(gap: &[u8]) -> (u16, u16, bool) {
        let (mut after, mut before, mut plain) = (0, 0, true);
        for &c in gap {
            match c {
                b' ' => continue,
                b',' | b';' => after |= COMMA_AFTER,
                b':' => {
                    after |= COMMA_AFTER;
                    before |= SENT;
                }
                b'.' => {
                    after |= DOT_AFTER;
                    before |= SENT;
                }
                b'!' | b'?' | b'\n' => before |= SENT,
                b']' => after |= CLOSE_BRACKET,
                b')' => after |= CLOSE_PAREN,
                b'[' => before |= OPEN_BRACKET,
                b'(' => before |= OPEN_PAREN,
                _ => {}
            }
            plain = false;
        }
        (after, before, plain)
    }

    #[test]
    fn every_gap_reads_as_its_bytes_say() {
        // Every byte alone and after each punctuation mark: no byte's class leaks into
        // another flag (letters, `&` and non-ASCII bytes included).
        let marks = b" ,;:.!?\n])[(&-'\"a";
        for b in 0..=255u8 {
            assert_eq!(gap_flags(&[b]), gap_by_hand(&[b]), "byte {b:#x}");
            for &m in marks {
                let g = [m, b, b' '];
                assert_eq!(gap_flags(&g), gap_by_hand(&g), "{g:?}");
            }
        }
        assert_eq!(gap_flags(b""), (0, 0, true));
        assert_eq!(gap_flags("\u{201C}".as_bytes()), (0, 0, false));
    }

    #[test]
    fn tokens_take_their_flags_from_the_gaps_around_them() {
        let text = "Talks (Geneva) ended. “Harbin” [Dalian]: & Co., Ltd! x";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        for pair in v.windows(2) {
            let (after, before, plain) = gap_flags(&text.as_bytes()[pair[0].end..pair[1].start]);
            if pair[0].flags & POSS == 0 {
                assert_eq!(pair[0].flags & after, after);
            }
            assert_eq!(pair[1].flags & BEFORE_FLAGS & !PLAIN_GAP, before);
            assert_eq!(pair[1].has(PLAIN_GAP), plain);
        }
        let w = words(text);
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Talks", "Geneva", "ended", "Harbin", "Dalian", "&", "Co", "Ltd", "x"
            ]
        );
        assert!(w[1].1 & OPEN_PAREN != 0 && w[1].1 & CLOSE_PAREN != 0);
        assert!(
            w[3].1 & SENT != 0 && w[3].1 & PLAIN_GAP == 0,
            "after a period and a quote"
        );
        assert!(w[4].1 & CLOSE_BRACKET != 0 && w[4].1 & COMMA_AFTER != 0);
        assert!(w[5].1 & AMP != 0 && w[5].1 & SENT != 0);
        assert!(w[6].1 & PLAIN_GAP != 0 && w[6].1 & COMMA_AFTER != 0);
        assert!(w[8].1 & SENT != 0 && w[8].1 & LOWER != 0);
    }

    #[test]
    fn no_typographic_punctuation_is_a_word_character() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_word_char(c));
        }
        assert!(is_word_char('ā') && is_word_char('哈') && is_word_char('٣'));
        assert_eq!(words("x\u{2014}y\u{201C}z").len(), 3);
    }

    #[test]
    fn a_run_of_letters_and_digits_ends_at_the_first_other_byte() {
        // Every byte value at every place of an eight-byte chunk, and past it.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut v = b"abcXYZ09abcXYZ09".to_vec();
                v[at] = b;
                let want = v.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                assert_eq!(alnum_run(&v), want, "byte {b:#x} at {at}");
                let mask = not_alnum(u64::from_le_bytes(v[..8].try_into().unwrap()));
                for (k, c) in v[..8].iter().enumerate() {
                    let stop = mask >> (8 * k) & 0x80 != 0;
                    assert_eq!(stop, !c.is_ascii_alphanumeric(), "byte {c:#x} at {k}");
                }
            }
        }
        assert_eq!(alnum_run(b""), 0);
        assert_eq!(alnum_run(b"abc"), 3);
        assert_eq!(alnum_run("Hā".as_bytes()), 1);
    }

    #[test]
    fn capitals_and_digits_make_an_all_caps_word_only_with_two_capitals() {
        let w = words("ORLOV A1 B52 UNRRA-II Orlov");
        assert!(w[0].1 & ALLCAPS != 0);
        assert!(w[1].1 & ALLCAPS == 0 && w[1].1 & CAP != 0);
        assert!(w[2].1 & ALLCAPS == 0);
        assert!(w[3].1 & ALLCAPS != 0);
        assert!(w[4].1 & ALLCAPS == 0);
    }

    #[test]
    fn a_word_made_an_initial_takes_its_period_and_ends_no_sentence() {
        let text = "Thos. Nelson (Wm.) Page";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        assert!(v[0].has(DOT_AFTER) && v[1].has(SENT) && !v[1].has(PLAIN_GAP));
        make_initial(text, &mut v, 0);
        assert_eq!(&text[v[0].start..v[0].end], "Thos.");
        assert!(v[0].has(INITIAL) && !v[0].has(DOT_AFTER));
        assert!(!v[1].has(SENT) && v[1].has(PLAIN_GAP));
        // The period and the bracket after it: the bracket still closes.
        make_initial(text, &mut v, 2);
        assert_eq!(&text[v[2].start..v[2].end], "Wm.");
        assert!(v[2].has(CLOSE_PAREN) && !v[3].has(PLAIN_GAP));
        // No period right after the word: nothing changes.
        let before = v.clone();
        make_initial(text, &mut v, 1);
        make_initial(text, &mut v, 9);
        assert_eq!(v, before);
    }
}
