//! Timestamps for bookmarks: milliseconds since the Unix epoch, written as RFC 3339 in UTC
//! (`2026-11-26T15:05:27.123Z`) so the file stays readable; plain unix seconds are accepted too.
//!
//! Calendar work (formatting, parsing, rejecting `2026-02-31`) is `jiff`'s. What is ours is the
//! range: RFC 3339 has four-digit years, so a time is clamped into [`Timestamp::MIN`] ..=
//! [`Timestamp::MAX`] when it is read and again when it is written. Whatever memcon writes, it
//! reads back as the same instant, and a time beyond the range (a clock set to the year 60000,
//! milliseconds stored where seconds belong, a year an older memcon wrote as `10000-…` or
//! `-001-…`) becomes the nearest end of the range instead of making the file unreadable.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, to the millisecond, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// `0000-01-01T00:00:00.000Z`, the first instant with a four-digit year.
    pub const MIN: Timestamp = Timestamp(-62_167_219_200_000);
    /// `9999-12-30T22:00:00.000Z`, the last millisecond `jiff` takes (its range stops short
    /// of the end of 9999 so that every offset keeps a four-digit year).
    pub const MAX: Timestamp = Timestamp(253_402_207_200_000);

    /// The current time.
    pub fn now() -> Self {
        Self(jiff::Timestamp::now().as_millisecond()).clamped()
    }

    /// `s` seconds after the epoch (before it when negative), clamped into the range.
    pub fn from_unix_seconds(s: i64) -> Self {
        Self(s.saturating_mul(1000)).clamped()
    }

    /// The nearest time in [`Self::MIN`] ..= [`Self::MAX`].
    pub fn clamped(self) -> Self {
        self.clamp(Self::MIN, Self::MAX)
    }

    fn jiff(self) -> jiff::Timestamp {
        // In range after clamping, so this cannot fail; the fallback only satisfies the type.
        let end = if self.0 < 0 {
            jiff::Timestamp::MIN
        } else {
            jiff::Timestamp::MAX
        };
        jiff::Timestamp::from_millisecond(self.clamped().0).unwrap_or(end)
    }

    /// `2026-11-26T15:05:27.123Z` (clamped into the range first).
    pub fn rfc3339(self) -> String {
        format!("{:.3}", self.jiff())
    }

    /// `20261126T150527Z`: safe in a file name.
    pub fn compact(self) -> String {
        let r = self.rfc3339();
        let mut out: String = r
            .chars()
            .take(19)
            .filter(|c| *c != '-' && *c != ':')
            .collect();
        out.push('Z');
        out
    }

    /// `2026-11-26`.
    pub fn date(self) -> String {
        self.rfc3339().chars().take(10).collect()
    }

    /// Parse an RFC 3339 time (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; what `jiff` accepts of
    /// ISO 8601 beyond that is accepted too). A well-formed time outside the range is clamped.
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        match s.parse::<jiff::Timestamp>() {
            Ok(t) => Some(Self(t.as_millisecond()).clamped()),
            Err(_) => beyond_the_range(s),
        }
    }

    /// How long ago, in words a list can show: `just now`, `5 min ago`, `3 h ago`, `12 days ago`.
    pub fn age(self, now: Timestamp) -> String {
        let s = now.0.saturating_sub(self.0).max(0) / 1000;
        match s {
            0..60 => "just now".into(),
            60..3600 => format!("{} min ago", s / 60),
            3600..86_400 => format!("{} h ago", s / 3600),
            86_400..172_800 => "1 day ago".into(),
            _ if s < 86_400 * 60 => format!("{} days ago", s / 86_400),
            _ => self.date(),
        }
    }
}

/// A time `jiff` refused only for its year: more than four digits (`10000-01-01T…`,
/// `+012026-…`), a negative year (`-001-12-31T…`, as an older memcon wrote the years before
/// 0), or year 9999 past `jiff`'s last instant. The rest must be a valid time in an ordinary
/// year (2000, a leap year, stands in for it); then the nearest end of the range is taken.
fn beyond_the_range(s: &str) -> Option<Timestamp> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let tail = rest.get(digits..)?;
    if digits == 0 || !tail.starts_with('-') {
        return None;
    }
    let year: i64 = if digits > 4 {
        10_000
    } else {
        rest.get(..digits)?.parse().ok()?
    };
    let late = !negative && year >= 9999;
    let early = negative || year == 0;
    if !(late || early) {
        return None;
    }
    format!("2000{tail}").parse::<jiff::Timestamp>().ok()?;
    Some(if late { Timestamp::MAX } else { Timestamp::MIN })
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_any(TimestampVisitor)
    }
}

/// RFC 3339 text, or unix seconds as a JSON number (integer or not).
struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 time or unix seconds")
    }

    fn visit_str<E: de::Error>(self, t: &str) -> Result<Timestamp, E> {
        Timestamp::parse_rfc3339(t).ok_or_else(|| E::custom(format!("not an RFC 3339 time: {t:?}")))
    }

    fn visit_i64<E: de::Error>(self, s: i64) -> Result<Timestamp, E> {
        Ok(Timestamp::from_unix_seconds(s))
    }

    fn visit_u64<E: de::Error>(self, s: u64) -> Result<Timestamp, E> {
        Ok(Timestamp::from_unix_seconds(
            i64::try_from(s).unwrap_or(i64::MAX),
        ))
    }

    fn visit_f64<E: de::Error>(self, s: f64) -> Result<Timestamp, E> {
        // `as` saturates (and maps NaN, which JSON cannot hold, to 0).
        Ok(Timestamp((s * 1000.0) as i64).clamped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_and_parses_known_instants() {
        let t = Timestamp(1_795_705_527_123);
        assert_eq!(t.rfc3339(), "2026-11-26T15:05:27.123Z");
        assert_eq!(t.compact(), "20261126T150527Z");
        assert_eq!(t.date(), "2026-11-26");
        assert_eq!(
            Timestamp::parse_rfc3339("2026-11-26T15:05:27.123Z"),
            Some(t)
        );
        assert_eq!(
            Timestamp::parse_rfc3339("2026-11-26T16:05:27.123+01:00"),
            Some(t)
        );
        assert_eq!(Timestamp(0).rfc3339(), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            Timestamp::parse_rfc3339("2024-02-29T00:00:00Z")
                .unwrap()
                .date(),
            "2024-02-29"
        );
    }

    #[test]
    fn impossible_dates_and_other_text_are_refused() {
        for bad in [
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-31T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T15:05:27",
            "",
            "-",
            "10000-02-31T00:00:00Z",
            "+2026-11-26T15:05:27Z",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn years_beyond_four_digits_are_clamped_not_refused() {
        // What an older memcon wrote for years past 9999 and before 0.
        let late = ["10000-01-01T00:00:00.000Z", "292278994-08-17T07:12:55.807Z"];
        for s in late
            .into_iter()
            .chain(["+012026-11-26T15:05:27Z", "9999-12-31T23:59:59.999Z"])
        {
            assert_eq!(Timestamp::parse_rfc3339(s), Some(Timestamp::MAX), "{s}");
        }
        for s in ["-001-12-31T00:00:00.000Z", "-292275055-05-16T16:47:04.192Z"] {
            assert_eq!(Timestamp::parse_rfc3339(s), Some(Timestamp::MIN), "{s}");
        }
        // Within year 0 but an offset puts it before the range.
        assert_eq!(
            Timestamp::parse_rfc3339("0000-01-01T00:00:00+01:00"),
            Some(Timestamp::MIN)
        );
        assert_eq!(Timestamp::MIN.rfc3339(), "0000-01-01T00:00:00.000Z");
        assert_eq!(Timestamp::MAX.rfc3339(), "9999-12-30T22:00:00.000Z");
        assert_eq!(Timestamp(i64::MAX).rfc3339(), Timestamp::MAX.rfc3339());
        assert_eq!(Timestamp(i64::MIN).rfc3339(), Timestamp::MIN.rfc3339());
    }

    #[test]
    fn accepts_unix_seconds_in_json() {
        let t: Timestamp = serde_json::from_str("1795705527").unwrap();
        assert_eq!(t, Timestamp(1_795_705_527_000));
        let back = serde_json::to_string(&t).unwrap();
        assert_eq!(back, "\"2026-11-26T15:05:27.000Z\"");
        let t: Timestamp = serde_json::from_str("1795705527.5").unwrap();
        assert_eq!(t, Timestamp(1_795_705_527_500));
        // Milliseconds stored where seconds belong: far in the future, clamped.
        let t: Timestamp = serde_json::from_str("1795705527123").unwrap();
        assert_eq!(t, Timestamp::MAX);
        let t: Timestamp = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(t, Timestamp::MAX);
        let t: Timestamp = serde_json::from_str("-1e300").unwrap();
        assert_eq!(t, Timestamp::MIN);
        let e = serde_json::from_str::<Timestamp>("\"2026-02-31T00:00:00Z\"").unwrap_err();
        assert!(e.to_string().contains("not an RFC 3339 time"), "{e}");
    }

    #[test]
    fn age_reads_like_a_person_would_say_it() {
        let now = Timestamp(1_795_705_527_000);
        assert_eq!(Timestamp(now.0 - 5_000).age(now), "just now");
        assert_eq!(Timestamp(now.0 - 300_000).age(now), "5 min ago");
        assert_eq!(Timestamp(now.0 - 3 * 86_400_000).age(now), "3 days ago");
        assert_eq!(Timestamp(0).age(now), "1970-01-01");
        assert_eq!(Timestamp(i64::MIN).age(Timestamp(i64::MAX)), "0000-01-01");
    }

    proptest! {
        /// Whatever is held in memory, what is written reads back as the same instant
        /// (after clamping), in JSON as in text.
        #[test]
        fn every_written_time_reads_back(ms in any::<i64>()) {
            let t = Timestamp(ms);
            let text = t.rfc3339();
            prop_assert_eq!(Timestamp::parse_rfc3339(&text), Some(t.clamped()));
            let json = serde_json::to_string(&t).unwrap();
            prop_assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), t.clamped());
        }

        /// Around the ends of the range and the epoch, where off-by-one errors live.
        #[test]
        fn times_near_the_edges_read_back(
            base in prop::sample::select(vec![Timestamp::MIN.0, 0, Timestamp::MAX.0]),
            delta in -100_000_000i64..100_000_000,
        ) {
            let t = Timestamp(base.saturating_add(delta));
            prop_assert_eq!(Timestamp::parse_rfc3339(&t.rfc3339()), Some(t.clamped()));
        }

        /// A time read from text (any year, any offset) is in range and is written in a form
        /// that reads back to itself.
        #[test]
        fn every_read_time_is_written_readably(
            year in -20_000i64..20_000,
            month in 1u32..=12,
            day in 1u32..=28,
            (h, m, s) in (0u32..24, 0u32..60, 0u32..60),
            offset_min in -1439i32..=1439,
        ) {
            let sign = if offset_min < 0 { '-' } else { '+' };
            let (oh, om) = (offset_min.abs() / 60, offset_min.abs() % 60);
            let text = format!(
                "{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}{sign}{oh:02}:{om:02}"
            );
            let t = Timestamp::parse_rfc3339(&text).unwrap();
            prop_assert!((Timestamp::MIN..=Timestamp::MAX).contains(&t), "{text}");
            prop_assert_eq!(Timestamp::parse_rfc3339(&t.rfc3339()), Some(t));
        }
    }
}
