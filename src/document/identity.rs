//! A document's identity, stable across re-exports: the archive record id from its source URL
//! and a fingerprint of its normalised body text.

use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// `document/123408` for a Wilson Center URL; the URL's path for other archives.
    pub record_id: Option<String>,
    /// 16 hex digits: FNV-1a over the body text with white space collapsed.
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
        Some(i) => path[i..].to_string(),
        None => path.to_string(),
    })
}

/// FNV-1a 64 over the words of `texts`, so re-wrapping or re-spacing does not change it.
pub fn fingerprint<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    // Words are runs of non-space bytes; each is hashed followed by one space, so how the
    // text was wrapped or spaced does not matter.
    for text in texts {
        let mut in_word = false;
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() {
                if in_word {
                    eat(b" ");
                    in_word = false;
                }
            } else {
                eat(&[b]);
                in_word = true;
            }
        }
        if in_word {
            eat(b" ");
        }
    }
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
