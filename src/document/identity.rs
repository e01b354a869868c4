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
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut word: u64 = 0;
    let mut filled = 0u32;
    let mut total: u64 = 0;
    let mut push = |b: u8| {
        word |= u64::from(b) << (8 * filled);
        filled += 1;
        total += 1;
        if filled == 8 {
            h = (h ^ word).wrapping_mul(PRIME).rotate_left(29);
            word = 0;
            filled = 0;
        }
    };
    // Words are runs of non-space bytes; each is followed by exactly one space.
    for text in texts {
        let mut in_word = false;
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() {
                if in_word {
                    push(b' ');
                    in_word = false;
                }
            } else {
                push(b);
                in_word = true;
            }
        }
        if in_word {
            push(b' ');
        }
    }
    let mut h = (h ^ word ^ total).wrapping_mul(PRIME);
    // Final avalanche so that short texts differ in every digit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    format!("{h:016x}")
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
