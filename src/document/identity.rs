//! A document's identity, stable across re-exports: the archive record id from its source URL
//! and a fingerprint of its normalised body text.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// `document/123408` for a Wilson Center URL; the URL's path for other archives.
    pub record_id: Option<String>,
    /// 16 hex digits: a 64-bit hash of the body text with white space collapsed.
    pub fingerprint: String,
}

/// The record id of an archive URL: its path without scheme and host, from `document/` on
/// when there is one, so mirrors of the same archive agree.
pub fn record_id_from_url(url: &str) -> Option<String> {
    let url = url.trim().trim_start_matches('<').trim_end_matches('>');
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/').map(|(_, p)| p)?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_matches('/');
    if path.is_empty() {
        return None;
    }
    Some(match path.find("document/") {
        Some(i) => path.get(i..).unwrap_or(path).to_string(),
        None => path.to_string(),
    })
}

/// A 64-bit hash of the words of `texts`, so re-wrapping or re-spacing does not change it.
///
/// The words, each followed by one space, form a byte stream that is hashed eight bytes at a
/// time (an FNV-1a style multiply-xor over 64-bit words, finished with a final mix).
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut f = Fingerprint::default();
    for text in texts {
        f.add(text);
    }
    f.finish()
}

/// [`fingerprint`] fed one text at a time, for a caller that reads the texts anyway.
#[derive(Default)]
pub struct Fingerprint(Stream);

impl Fingerprint {
    pub fn add(&mut self, text: &str) {
        self.0.words(text.as_bytes());
    }

    pub fn finish(self) -> String {
        self.0.finish()
    }
}

const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The hash of a byte stream fed in pieces.
struct Stream {
    h: u64,
    /// Bytes not yet mixed in, little-endian, `filled` of them.
    word: u64,
    filled: u32,
    total: u64,
}

impl Default for Stream {
    fn default() -> Self {
        Self {
            h: 0xcbf2_9ce4_8422_2325,
            word: 0,
            filled: 0,
            total: 0,
        }
    }
}

fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace()
}

impl Stream {
    fn byte(&mut self, b: u8) {
        self.word |= u64::from(b) << (8 * self.filled);
        self.filled += 1;
        self.total += 1;
        if self.filled == 8 {
            self.mix();
        }
    }

    fn mix(&mut self) {
        self.h = (self.h ^ self.word).wrapping_mul(PRIME).rotate_left(29);
        self.word = 0;
        self.filled = 0;
    }

    /// Feed eight bytes (little-endian in `x`), in one step whatever the stream's fill.
    fn eight(&mut self, x: u64) {
        self.total += 8;
        if self.filled == 0 {
            self.word = x;
            self.mix();
            return;
        }
        // The first `8 - filled` bytes complete the pending word; the rest start the next.
        let filled = self.filled;
        let shift = 8 * filled;
        self.word |= x << shift;
        self.mix();
        self.word = x >> (64 - shift);
        self.filled = filled;
    }

    /// Feed the words of `text`, each followed by one space. Stretches where the words are
    /// already separated by single spaces go in as they are, eight bytes at a time, read
    /// once: the scan that finds such a stretch feeds it.
    fn words(&mut self, text: &[u8]) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let mut i = text
            .iter()
            .position(|&b| !is_space(b))
            .unwrap_or(text.len());
        // At `i` a word starts or goes on, or a single space between two words stands.
        while i < text.len() {
            while let (Some(eight), Some(&next)) = (text.get(i..i + 8), text.get(i + 8)) {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(eight);
                let x = u64::from_le_bytes(bytes);
                // High bit of each byte that may be a blank (<= 0x20), and of each that may
                // be a space. The tests have no false negatives; a false positive only sends
                // the bytes to the exact test below.
                let blank = x.wrapping_sub(ONES * 0x21) & !x & HIGHS;
                let y = x ^ (ONES * 0x20);
                let space = y.wrapping_sub(ONES) & !y & HIGHS;
                let next_blank = (blank >> 8) | if next <= 0x20 { 1 << 63 } else { 0 };
                if blank & !space != 0 || space & next_blank != 0 {
                    break;
                }
                self.eight(x);
                i += 8;
            }
            match text.get(i) {
                None => break,
                Some(&b) if !is_space(b) => {
                    self.byte(b);
                    i += 1;
                }
                Some(b' ') if text.get(i + 1).is_some_and(|&n| !is_space(n)) => {
                    self.byte(b' ');
                    i += 1;
                }
                Some(_) => {
                    // A word ends here: one space for it, and the run of blanks skipped.
                    self.byte(b' ');
                    while text.get(i).is_some_and(|&b| is_space(b)) {
                        i += 1;
                    }
                }
            }
        }
        // The space after the last word, when no blank after it gave one.
        if text.last().is_some_and(|&b| !is_space(b)) {
            self.byte(b' ');
        }
    }

    fn finish(self) -> String {
        let mut h = (self.h ^ self.word ^ self.total).wrapping_mul(PRIME);
        // Final avalanche so that short texts differ in every digit.
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        format!("{h:016x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_id_ignores_host_and_brackets() {
        assert_eq!(
            record_id_from_url(
                "<https://wilson-center-digital-archive.dvincitest.com/document/123408>"
            ),
            Some("document/123408".into())
        );
        assert_eq!(
            record_id_from_url("https://digitalarchive.wilsoncenter.org/document/123408/"),
            Some("document/123408".into())
        );
        assert_eq!(
            record_id_from_url("https://history.state.gov/historicaldocuments/frus1927v01/d153"),
            Some("historicaldocuments/frus1927v01/d153".into())
        );
        assert_eq!(record_id_from_url("https://example.org"), None);
    }

    /// The definition, a byte at a time: words, each followed by one space.
    fn reference(texts: &[&str]) -> String {
        let mut stream = Stream::default();
        for text in texts {
            for word in text.split(|c: char| c.is_ascii_whitespace()) {
                if !word.is_empty() {
                    word.bytes().for_each(|b| stream.byte(b));
                    stream.byte(b' ');
                }
            }
        }
        stream.finish()
    }

    #[test]
    fn the_fast_path_hashes_the_same_stream() {
        let pieces = [
            "Stalin",
            " ",
            "  ",
            "\n",
            "\t",
            "wants",
            "naval",
            "\r\n",
            "ł",
            "Lüshunkou",
            "x",
            "facilities.",
            "\x0c",
            "[1]",
            "",
        ];
        // Every mix of these pieces, up to five long, in one text and split in two.
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = (seed >> 60) as usize % 6;
            for k in 0..n {
                let pick = (seed >> (8 * k)) as usize % pieces.len();
                text.push_str(pieces[pick]);
            }
            assert_eq!(
                fingerprint([text.as_str()]),
                reference(&[&text]),
                "{text:?}"
            );
            let cut = (0..=text.len())
                .rev()
                .find(|&c| text.is_char_boundary(c) && c <= text.len() / 2)
                .unwrap();
            let (a, b) = text.split_at(cut);
            assert_eq!(fingerprint([a, b]), reference(&[a, b]), "{a:?} {b:?}");
        }
        // Long texts, so that runs of eight bytes and more meet every kind of blank.
        let alphabet = [
            "a", "Stalin", " ", " ", " ", "  ", "\n", "\t", "!", " !", "ł", "1945.", "\r", "\x0c",
        ];
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..60 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(
                fingerprint([text.as_str()]),
                reference(&[&text]),
                "{text:?}"
            );
        }
        let long = "The Ambassador  spoke\nof Dairen and Port Arthur. ".repeat(300);
        assert_eq!(fingerprint([long.as_str()]), reference(&[&long]));
        // The value itself never changes: bookmarks keep it.
        assert_eq!(
            fingerprint(["Stalin wants naval facilities"]),
            "f74b2a228aba993f"
        );
    }

    #[test]
    fn fingerprint_ignores_wrapping_but_not_words() {
        let a = fingerprint(["Stalin wants naval\nfacilities"]);
        let b = fingerprint(["Stalin  wants naval facilities"]);
        let c = fingerprint(["Stalin wants naval bases"]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 16);
    }
}
