//! The two JSON files and how two versions of one are merged.
//!
//! Merging is what lets two memcon processes share the files: under the lock, a writer
//! re-reads what is on disk and merges it into what it holds before writing. Bookmarks are a
//! union by id where the newer `updated` wins; a deletion leaves a tombstone (id and time) so
//! a merge with an older copy cannot bring the bookmark back. Tombstones are kept for good:
//! they are small, and dropping them would let a long-open process resurrect a deletion.

use super::model::{Anchor, Bookmark, DocRef, Extra};
use super::time::Timestamp;
use serde::de::{Deserializer, Error as _, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The schema this build reads and writes.
pub const SCHEMA: u32 = 1;

/// `bookmarks.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookmarkFile {
    pub schema: u32,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Deleted bookmark ids and when they were deleted.
    #[serde(default)]
    pub deleted: BTreeMap<String, Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for BookmarkFile {
    fn default() -> Self {
        Self {
            schema: SCHEMA,
            bookmarks: Vec::new(),
            deleted: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

impl BookmarkFile {
    /// Merge `disk` (just re-read under the lock) into `self`.
    pub fn merge(&mut self, disk: BookmarkFile) {
        for (id, at) in disk.deleted {
            let entry = self.deleted.entry(id).or_insert(at);
            *entry = (*entry).min(at);
        }
        let mut index: HashMap<String, usize> = self
            .bookmarks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), i))
            .collect();
        for theirs in disk.bookmarks {
            match index.get(&theirs.id) {
                Some(&i) if theirs.updated > self.bookmarks[i].updated => {
                    self.bookmarks[i] = theirs;
                }
                Some(_) => {}
                None => {
                    index.insert(theirs.id.clone(), self.bookmarks.len());
                    self.bookmarks.push(theirs);
                }
            }
        }
        for (k, v) in disk.extra {
            self.extra.entry(k).or_insert(v);
        }
        self.tidy();
    }

    /// Drop what a tombstone covers; keep a stable order (oldest first).
    pub fn tidy(&mut self) {
        let deleted = &self.deleted;
        self.bookmarks.retain(|b| !deleted.contains_key(&b.id));
        self.bookmarks
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    }
}

/// `positions.json`: where each document was last read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionsFile {
    pub schema: u32,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for PositionsFile {
    fn default() -> Self {
        Self {
            schema: SCHEMA,
            positions: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// The reading position in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub document: DocRef,
    /// The top of the screen, with its words, so a changed text still finds it.
    pub anchor: Anchor,
    pub updated: Timestamp,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How many documents' positions are remembered; the oldest are forgotten first.
pub const MAX_POSITIONS: usize = 2000;

impl PositionsFile {
    /// The position saved for `doc`, newest first if several match.
    pub fn find(&self, doc: &DocRef) -> Option<&Position> {
        self.positions
            .iter()
            .filter(|p| p.document.same_document(doc))
            .max_by_key(|p| p.updated)
    }

    /// Record `pos`, replacing any older position of the same document.
    pub fn set(&mut self, pos: Position) {
        self.positions
            .retain(|p| !p.document.same_document(&pos.document));
        self.positions.push(pos);
    }

    /// Merge `disk` into `self`: per document the newer position wins.
    pub fn merge(&mut self, disk: PositionsFile) {
        for theirs in disk.positions {
            let newer = self
                .find(&theirs.document)
                .is_none_or(|ours| theirs.updated > ours.updated);
            if newer {
                self.set(theirs);
            }
        }
        for (k, v) in disk.extra {
            self.extra.entry(k).or_insert(v);
        }
        self.positions.sort_by_key(|p| p.updated);
        let excess = self.positions.len().saturating_sub(MAX_POSITIONS);
        self.positions.drain(..excess);
    }
}

// The two files are read by hand, field by field, rather than with `#[serde(flatten)]` on
// `extra`: flatten makes serde buffer the whole object first, which for a 50 MB file meant a
// copy of every bookmark as a generic tree before the real one was built.

/// Read the fields of a top-level object: `known` takes the fields it knows (returning false
/// for others), the rest go to `extra`; `schema` must be there.
fn read_object<'de, A: MapAccess<'de>>(
    mut map: A,
    extra: &mut Extra,
    mut known: impl FnMut(&str, &mut A) -> Result<bool, A::Error>,
) -> Result<u32, A::Error> {
    let mut schema = None;
    while let Some(key) = map.next_key::<String>()? {
        if key == "schema" {
            schema = Some(map.next_value()?);
        } else if !known(&key, &mut map)? {
            extra.insert(key, map.next_value()?);
        }
    }
    schema.ok_or_else(|| A::Error::missing_field("schema"))
}

impl<'de> Deserialize<'de> for BookmarkFile {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BookmarkFile;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a bookmarks file (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BookmarkFile, A::Error> {
                let mut out = BookmarkFile::default();
                let (bookmarks, deleted) = (&mut out.bookmarks, &mut out.deleted);
                out.schema = read_object(map, &mut out.extra, |key, map| {
                    match key {
                        "bookmarks" => *bookmarks = map.next_value()?,
                        "deleted" => *deleted = map.next_value()?,
                        _ => return Ok(false),
                    }
                    Ok(true)
                })?;
                Ok(out)
            }
        }
        de.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for PositionsFile {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PositionsFile;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a reading positions file (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PositionsFile, A::Error> {
                let mut out = PositionsFile::default();
                let positions = &mut out.positions;
                out.schema = read_object(map, &mut out.extra, |key, map| {
                    if key != "positions" {
                        return Ok(false);
                    }
                    *positions = map.next_value()?;
                    Ok(true)
                })?;
                Ok(out)
            }
        }
        de.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(bookmarks: Vec<Bookmark>) -> BookmarkFile {
        BookmarkFile {
            bookmarks,
            ..BookmarkFile::default()
        }
    }

    fn bm(id: &str, updated: i64, note: &str) -> Bookmark {
        let mut b = Bookmark::new(DocRef::default(), Anchor::default(), Some(note.into()));
        b.id = id.into();
        b.created = Timestamp(1);
        b.updated = Timestamp(updated);
        b
    }

    #[test]
    fn merge_is_a_union_where_the_newer_edit_wins() {
        let mut ours = files(vec![bm("a", 10, "ours"), bm("b", 10, "ours")]);
        let disk = files(vec![
            bm("a", 20, "theirs"),
            bm("b", 5, "theirs"),
            bm("c", 1, "c"),
        ]);
        ours.merge(disk);
        let notes: Vec<_> = ours
            .bookmarks
            .iter()
            .map(|b| (b.id.as_str(), b.note.as_deref().unwrap()))
            .collect();
        assert_eq!(notes, [("a", "theirs"), ("b", "ours"), ("c", "c")]);
    }

    #[test]
    fn a_deletion_is_not_undone_by_an_older_copy() {
        // We deleted "a"; the other process still has it.
        let mut ours = BookmarkFile::default();
        ours.deleted.insert("a".into(), Timestamp(30));
        let disk = files(vec![bm("a", 20, "stale")]);
        ours.merge(disk);
        assert!(ours.bookmarks.is_empty());
        // The other process deleted "a"; we still hold it.
        let mut ours = files(vec![bm("a", 20, "stale")]);
        let mut disk = BookmarkFile::default();
        disk.deleted.insert("a".into(), Timestamp(30));
        ours.merge(disk);
        assert!(ours.bookmarks.is_empty());
        assert!(ours.deleted.contains_key("a"));
    }

    #[test]
    fn unknown_top_level_fields_are_kept() {
        let disk: BookmarkFile =
            serde_json::from_str(r#"{"schema":1,"bookmarks":[],"sync":{"peer":"x"}}"#).unwrap();
        let mut ours = BookmarkFile::default();
        ours.merge(disk);
        let json = serde_json::to_value(&ours).unwrap();
        assert_eq!(json["sync"]["peer"], "x");
        let positions: PositionsFile =
            serde_json::from_str(r#"{"positions":[],"sync":[1],"schema":1}"#).unwrap();
        assert_eq!(serde_json::to_value(&positions).unwrap()["sync"][0], 1);
        let e = serde_json::from_str::<BookmarkFile>(r#"{"bookmarks":[]}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `schema`"), "{e}");
        assert!(serde_json::from_str::<BookmarkFile>("[1]").is_err());
    }

    #[test]
    fn positions_keep_the_newest_per_document() {
        let doc = |fp: &str| DocRef {
            fingerprint: fp.into(),
            ..DocRef::default()
        };
        let pos = |fp, block, t| Position {
            document: doc(fp),
            anchor: Anchor {
                block,
                ..Anchor::default()
            },
            updated: Timestamp(t),
            extra: Extra::new(),
        };
        let mut ours = PositionsFile::default();
        ours.set(pos("x", 3, 10));
        let mut disk = PositionsFile::default();
        disk.set(pos("x", 7, 20));
        disk.set(pos("y", 1, 5));
        ours.merge(disk);
        assert_eq!(ours.find(&doc("x")).unwrap().anchor.block, 7);
        assert_eq!(ours.find(&doc("y")).unwrap().anchor.block, 1);
        assert_eq!(ours.positions.len(), 2);
    }

    mod round_trip {
        use super::*;
        use proptest::prelude::*;
        use serde_json::{Value, json};

        /// Times as files hold them: RFC 3339 in and out of the four-digit years, with offsets,
        /// unix seconds as integers and as fractions.
        fn time() -> impl Strategy<Value = Value> {
            prop_oneof![
                any::<i64>().prop_map(Value::from),
                any::<f64>()
                    .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
                    .prop_map(Value::from),
                any::<i64>().prop_map(|ms| Value::from(Timestamp(ms).rfc3339())),
                (-20_000i64..20_000, 1u32..=12, 1u32..=28, -1439i32..=1439).prop_map(
                    |(y, m, d, off)| {
                        let sign = if off < 0 { '-' } else { '+' };
                        let (h, mi) = (off.abs() / 60, off.abs() % 60);
                        Value::from(format!("{y:04}-{m:02}-{d:02}T12:00:00{sign}{h:02}:{mi:02}"))
                    }
                ),
            ]
        }

        /// Values another program might have added: numbers of every kind, text, nesting.
        fn extra() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                any::<f64>()
                    .prop_filter("finite", |f| f.is_finite())
                    .prop_map(Value::from),
                ".*".prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
                Just(Value::Null),
            ];
            leaf.prop_recursive(2, 8, 3, |inner| {
                prop::collection::vec(inner, 0..3).prop_map(Value::from)
            })
        }

        fn bookmark() -> impl Strategy<Value = Value> {
            (time(), time(), ".*", extra(), 0usize..50).prop_map(
                |(created, updated, note, extra, block)| {
                    json!({
                        "id": format!("b-{block}"),
                        "document": {"fingerprint": "f", "shelf": extra.clone()},
                        "anchor": {"block": block, "offset": 0, "quote": note.clone()},
                        "note": note,
                        "created": created,
                        "updated": updated,
                        "tags": extra,
                    })
                },
            )
        }

        proptest! {
            /// Read, write, read: the same file, and a second write gives the same bytes.
            #[test]
            fn a_file_read_and_written_reads_back_the_same(
                bookmarks in prop::collection::vec(bookmark(), 0..4),
                deleted in prop::collection::btree_map("b-[0-9]", time(), 0..3),
                extra in extra(),
            ) {
                let text = json!({
                    "schema": 1,
                    "bookmarks": bookmarks,
                    "deleted": deleted,
                    "sync": extra,
                })
                .to_string();
                let first: BookmarkFile = serde_json::from_str(&text).unwrap();
                let written = serde_json::to_string_pretty(&first).unwrap();
                let second: BookmarkFile = serde_json::from_str(&written).unwrap();
                prop_assert_eq!(&first, &second);
                prop_assert_eq!(serde_json::to_string_pretty(&second).unwrap(), written);
            }
        }
    }
}
