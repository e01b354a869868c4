//! JSON written as it is produced: serde_json's compact or pretty layout, byte for byte, with
//! the millions of small records of a large document (blocks, mentions) written by hand and
//! everything else by serde at the same depth.
//!
//! [`Layout`] is serde_json's `CompactFormatter` or `PrettyFormatter` (two-space indent) with
//! its state in the open: the hand-written records call the same formatter methods serde
//! does, and a value handed to serde starts at the writer's current depth.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// The layout of serde_json's two formatters, as a value that can be copied into a
/// serializer for one value and resumed afterwards.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pretty: bool,
    /// Open objects and arrays.
    depth: usize,
    /// Whether the innermost open container has a value yet (pretty only).
    has_value: bool,
}

impl Layout {
    fn newline(&self, w: &mut (impl Write + ?Sized), comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn close(&mut self, w: &mut (impl Write + ?Sized), bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.pretty && self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.pretty {
            self.newline(w, !first)
        } else {
            CompactFormatter.begin_array_value(w, first)
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if self.pretty {
            self.newline(w, !first)
        } else {
            CompactFormatter.begin_object_key(w, first)
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A JSON writer: objects and arrays opened and closed by hand, keys and elements placed
/// between them, values written by hand (strings, numbers) or by serde.
pub struct JsonOut<W: Write> {
    w: W,
    layout: Layout,
    /// Nothing written yet in the innermost open container.
    first: bool,
}

impl<W: Write> JsonOut<W> {
    pub fn new(w: W, pretty: bool) -> Self {
        Self {
            w,
            layout: Layout {
                pretty,
                depth: 0,
                has_value: false,
            },
            first: true,
        }
    }

    pub fn begin_object(&mut self) -> io::Result<()> {
        self.first = true;
        self.layout.begin_object(&mut self.w)
    }

    pub fn end_object(&mut self) -> io::Result<()> {
        self.layout.end_object(&mut self.w)?;
        self.done();
        Ok(())
    }

    pub fn begin_array(&mut self) -> io::Result<()> {
        self.first = true;
        self.layout.begin_array(&mut self.w)
    }

    pub fn end_array(&mut self) -> io::Result<()> {
        self.layout.end_array(&mut self.w)?;
        self.done();
        Ok(())
    }

    /// A value is complete: its container has one (what serde's `end_object_value` and
    /// `end_array_value` record).
    fn done(&mut self) {
        self.first = false;
        self.layout.has_value = true;
    }

    /// Start the next element of the open array; its value follows.
    pub fn element(&mut self) -> io::Result<()> {
        let first = std::mem::replace(&mut self.first, false);
        self.layout.begin_array_value(&mut self.w, first)?;
        self.layout.has_value = true;
        Ok(())
    }

    /// Start the next member of the open object: its key (plain ASCII, written as it is); its
    /// value follows.
    pub fn key(&mut self, key: &str) -> io::Result<()> {
        let first = std::mem::replace(&mut self.first, false);
        self.layout.begin_object_key(&mut self.w, first)?;
        self.w.write_all(b"\"")?;
        self.w.write_all(key.as_bytes())?;
        self.w.write_all(b"\"")?;
        self.layout.begin_object_value(&mut self.w)?;
        self.layout.has_value = true;
        Ok(())
    }

    /// A string, escaped as serde_json escapes it.
    pub fn string(&mut self, s: &str) -> io::Result<()> {
        if needs_escape(s.as_bytes()) {
            serde_json::to_writer(&mut self.w, s).map_err(io::Error::from)
        } else {
            self.w.write_all(b"\"")?;
            self.w.write_all(s.as_bytes())?;
            self.w.write_all(b"\"")
        }
    }

    /// A number.
    pub fn number(&mut self, n: impl itoa::Integer) -> io::Result<()> {
        self.w.write_all(itoa::Buffer::new().format(n).as_bytes())
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, b: bool) -> io::Result<()> {
        self.w.write_all(if b { b"true" } else { b"false" })
    }

    /// Bytes that are already the JSON of a value (see [`json_of`]).
    pub fn raw(&mut self, json: &[u8]) -> io::Result<()> {
        self.w.write_all(json)
    }

    /// Any value, by serde, laid out at the current depth.
    pub fn value(&mut self, v: &(impl Serialize + ?Sized)) -> io::Result<()> {
        let mut ser = serde_json::Serializer::with_formatter(&mut self.w, self.layout);
        v.serialize(&mut ser).map_err(io::Error::from)?;
        self.done();
        Ok(())
    }

    /// `key` and its value, by serde.
    pub fn field(&mut self, key: &str, v: &(impl Serialize + ?Sized)) -> io::Result<()> {
        self.key(key)?;
        self.value(v)
    }

    /// The writer, to flush or finish.
    pub fn into_inner(self) -> W {
        self.w
    }
}

/// The compact JSON of a small value (an enum's name, say), to write many times with
/// [`JsonOut::raw`].
pub fn json_of(v: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// Does `s` hold a byte JSON escapes (a control character, `"` or `\`)? Eight bytes at a
/// time: a string without one (nearly every text) is written as it is.
fn needs_escape(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGHS != 0;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
        if control || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * 0x5c)) {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The same value written by hand and by serde_json, in both layouts.
    fn both(pretty: bool) -> (String, String) {
        let aliases = ["Dairen", "Dalian \"new\""];
        // Keys in order: serde_json's `Value` sorts them.
        let mut out = JsonOut::new(Vec::new(), pretty);
        out.begin_object().unwrap();
        out.key("empty").unwrap();
        out.begin_array().unwrap();
        out.end_array().unwrap();
        out.key("list").unwrap();
        out.begin_array().unwrap();
        for (i, a) in aliases.iter().enumerate() {
            out.element().unwrap();
            out.begin_object().unwrap();
            out.key("flag").unwrap();
            out.boolean(i == 0).unwrap();
            out.key("name").unwrap();
            out.string(a).unwrap();
            out.key("nested").unwrap();
            out.value(&json!({"a": [1, 2], "b": {}, "c": []})).unwrap();
            out.key("none").unwrap();
            out.begin_array().unwrap();
            out.end_array().unwrap();
            out.end_object().unwrap();
        }
        out.end_array().unwrap();
        out.key("n").unwrap();
        out.number(7u32).unwrap();
        out.field("tail", &json!([{"x": null}])).unwrap();
        out.end_object().unwrap();
        let hand = String::from_utf8(out.into_inner()).unwrap();
        let value = json!({
            "n": 7,
            "empty": [],
            "list": [
                {"flag": true, "name": "Dairen", "nested": {"a": [1, 2], "b": {}, "c": []}, "none": []},
                {"flag": false, "name": "Dalian \"new\"", "nested": {"a": [1, 2], "b": {}, "c": []}, "none": []}
            ],
            "tail": [{"x": null}]
        });
        let serde = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        (hand, serde)
    }

    #[test]
    fn written_by_hand_as_serde_writes_it() {
        for pretty in [false, true] {
            let (hand, serde) = both(pretty);
            assert_eq!(hand, serde);
        }
        assert!(both(true).0.contains("\n      \"name\": \"Dairen\""));
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        for s in [
            "",
            "plain text of some length, no escapes at all",
            "a \"quoted\" word",
            "back\\slash in the eighth byte",
            "tab\there",
            "\u{1}\u{1f} controls",
            "caf\u{e9} \u{2028} \u{7f} past ASCII",
            "1234567\"",
            "12345678\\",
        ] {
            let mut out = JsonOut::new(Vec::new(), false);
            out.string(s).unwrap();
            assert_eq!(
                String::from_utf8(out.into_inner()).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }
}
