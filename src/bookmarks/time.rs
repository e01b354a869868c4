//! Timestamps for bookmarks: milliseconds since the Unix epoch, written as RFC 3339 in UTC
//! (`2026-11-26T15:05:27.123Z`) so the file stays readable; plain unix seconds are accepted too.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::time::{SystemTime, UNIX_EPOCH};

/// A point in time, to the millisecond, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current time (the epoch if the clock is set before 1970).
    pub fn now() -> Self {
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        Self(ms)
    }

    pub fn from_unix_seconds(s: i64) -> Self {
        Self(s.saturating_mul(1000))
    }

    /// `2026-11-26T15:05:27.123Z`.
    pub fn rfc3339(self) -> String {
        let (days, ms) = (self.0.div_euclid(86_400_000), self.0.rem_euclid(86_400_000));
        let (y, m, d) = civil_from_days(days);
        let s = ms / 1000;
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
            s / 3600,
            s / 60 % 60,
            s % 60,
            ms % 1000
        )
    }

    /// `20261126T150527Z`: safe in a file name.
    pub fn compact(self) -> String {
        let r = self.rfc3339();
        let mut out: String = r[..19].chars().filter(|c| *c != '-' && *c != ':').collect();
        out.push('Z');
        out
    }

    /// `2026-11-26`.
    pub fn date(self) -> String {
        self.rfc3339()[..10].to_string()
    }

    /// Parse RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`).
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let t = s.get(r)?;
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())?
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let mut i = 19;
        let mut ms = 0;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let frac = &s[start..i];
            if frac.is_empty() {
                return None;
            }
            let digits: String = frac.chars().chain("000".chars()).take(3).collect();
            ms = digits.parse().ok()?;
        }
        let offset_min = match s.get(i..)? {
            "Z" | "z" => 0,
            tz if tz.len() == 6 && (tz.starts_with('+') || tz.starts_with('-')) => {
                let oh: i64 = tz.get(1..3)?.parse().ok()?;
                let om: i64 = tz.get(4..6)?.parse().ok()?;
                let sign = if tz.starts_with('-') { -1 } else { 1 };
                sign * (oh * 60 + om)
            }
            _ => return None,
        };
        let days = days_from_civil(y, mo, d);
        let secs = days * 86_400 + h * 3600 + mi * 60 + se - offset_min * 60;
        Some(Self(secs * 1000 + ms))
    }

    /// How long ago, in words a list can show: `just now`, `5 min ago`, `3 h ago`, `12 days ago`.
    pub fn age(self, now: Timestamp) -> String {
        let s = (now.0 - self.0).max(0) / 1000;
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

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Seconds(i64),
        }
        match Raw::deserialize(de)? {
            Raw::Seconds(s) => Ok(Self::from_unix_seconds(s)),
            Raw::Text(t) => Self::parse_rfc3339(&t)
                .ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 time: {t:?}"))),
        }
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_known_instants() {
        let t = Timestamp(1_795_705_527_123);
        assert_eq!(t.rfc3339(), "2026-11-26T15:05:27.123Z");
        assert_eq!(t.compact(), "20261126T150527Z");
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
        assert_eq!(Timestamp::parse_rfc3339("yesterday"), None);
        assert_eq!(Timestamp::parse_rfc3339("2026-13-01T00:00:00Z"), None);
    }

    #[test]
    fn accepts_unix_seconds_in_json() {
        let t: Timestamp = serde_json::from_str("1795705527").unwrap();
        assert_eq!(t, Timestamp(1_795_705_527_000));
        let back = serde_json::to_string(&t).unwrap();
        assert_eq!(back, "\"2026-11-26T15:05:27.000Z\"");
    }

    #[test]
    fn age_reads_like_a_person_would_say_it() {
        let now = Timestamp(1_795_705_527_000);
        assert_eq!(Timestamp(now.0 - 5_000).age(now), "just now");
        assert_eq!(Timestamp(now.0 - 300_000).age(now), "5 min ago");
        assert_eq!(Timestamp(now.0 - 3 * 86_400_000).age(now), "3 days ago");
        assert_eq!(Timestamp(0).age(now), "1970-01-01");
    }
}
