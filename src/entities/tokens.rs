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
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Split `text` into tokens, appending to `out` (cleared first).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    // About one token in six bytes of prose: grow once, not by doubling through a long text.
    out.reserve(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap_start = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // ASCII: no character to decode.
            if b == b'&' {
                push(out, text, gap_start, i, i + 1, AMP);
                i += 1;
                gap_start = i;
                continue;
            }
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let (end, flags) = scan_word(text, start);
        let mut end = end;
        let mut flags = flags;
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
        push(out, text, gap_start, start, end, flags);
        if flags & POSS != 0 {
            let apostrophe = text.get(end..).and_then(|r| r.chars().next());
            end += apostrophe.map_or(1, char::len_utf8) + 1;
        }
        i = end;
        gap_start = end;
    }
    let tail = text.as_bytes().get(gap_start..).unwrap_or_default();
    if let Some(last) = out.last_mut() {
        last.flags |= after_flags(tail);
    }
}

/// Flags a token gets from the punctuation after it.
fn after_flags(gap: &[u8]) -> u16 {
    let mut flags = 0;
    for &c in gap {
        match c {
            b',' | b';' | b':' => flags |= COMMA_AFTER,
            b'.' => flags |= DOT_AFTER,
            b']' => flags |= CLOSE_BRACKET,
            b')' => flags |= CLOSE_PAREN,
            _ => {}
        }
    }
    flags
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
        while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
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
        let word = bytes.get(start..j).unwrap_or_default();
        let upper = word.iter().filter(|b| b.is_ascii_uppercase()).count();
        if upper >= 2 && !word.iter().any(u8::is_ascii_lowercase) {
            CAP | ALLCAPS
        } else {
            CAP
        }
    } else {
        LOWER
    };
    Some((j, flags))
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

#[inline]
fn push(out: &mut Vec<Token>, text: &str, gap_start: usize, start: usize, end: usize, flags: u16) {
    let gap = text
        .as_bytes()
        .get(gap_start.min(start)..start)
        .unwrap_or_default();
    let (after, before, plain) = gap_flags(gap);
    let mut flags = flags | before;
    match out.last_mut() {
        Some(prev) => {
            prev.flags |= after;
            if plain {
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
