//! JSON written as it is produced: serde_json's compact or pretty layout, byte for byte, with
//! the millions of small records of a large document (blocks, mentions) written by hand and
//! everything else by serde at the same depth.
//!
//! [`Layout`] is serde_json's `CompactFormatter` or `PrettyFormatter` (two-space indent) with
//! its state in the open: the hand-written records call the same formatter methods serde
//! does, and a value handed to serde starts at the writer's current depth.

use crate::document::sanitize::{acts_on_terminal, any_suspect, escape_json, has_byte};
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::borrow::Cow;
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
///
/// Everything it writes is safe to print on a terminal: every character a terminal would act
/// on ([`acts_on_terminal`]) is written as its `\uXXXX` escape, which means the same to a JSON
/// reader. It buffers what it writes and hands it to `w` in large pieces; [`JsonOut::finish`]
/// writes the rest.
pub struct JsonOut<W: Write> {
    w: W,
    /// Written, not yet handed to `w`.
    buf: Vec<u8>,
    layout: Layout,
    /// Nothing written yet in the innermost open container.
    first: bool,
}

/// How much is buffered before it goes to the writer.
const SPILL_AT: usize = 1 << 16;

impl<W: Write> JsonOut<W> {
    pub fn new(w: W, pretty: bool) -> Self {
        Self {
            w,
            buf: Vec::with_capacity(SPILL_AT + 4096),
            layout: Layout {
                pretty,
                depth: 0,
                has_value: false,
            },
            first: true,
        }
    }

    /// Hand the buffer to the writer once it is large.
    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= SPILL_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub fn begin_object(&mut self) -> io::Result<()> {
        self.first = true;
        self.layout.begin_object(&mut self.buf)
    }

    pub fn end_object(&mut self) -> io::Result<()> {
        self.layout.end_object(&mut self.buf)?;
        self.done();
        self.spill()
    }

    pub fn begin_array(&mut self) -> io::Result<()> {
        self.first = true;
        self.layout.begin_array(&mut self.buf)
    }

    pub fn end_array(&mut self) -> io::Result<()> {
        self.layout.end_array(&mut self.buf)?;
        self.done();
        self.spill()
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
        self.layout.begin_array_value(&mut self.buf, first)?;
        self.layout.has_value = true;
        Ok(())
    }

    /// Start the next member of the open object: its key (plain ASCII, written as it is); its
    /// value follows.
    pub fn key(&mut self, key: &str) -> io::Result<()> {
        let first = std::mem::replace(&mut self.first, false);
        self.layout.begin_object_key(&mut self.buf, first)?;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.push(b'"');
        self.layout.begin_object_value(&mut self.buf)?;
        self.layout.has_value = true;
        Ok(())
    }

    /// A string, escaped as serde_json escapes it, and every character a terminal would act
    /// on as its `\uXXXX` escape.
    pub fn string(&mut self, s: &str) -> io::Result<()> {
        self.buf.push(b'"');
        escape_into(&mut self.buf, s);
        self.buf.push(b'"');
        Ok(())
    }

    /// A number.
    pub fn number(&mut self, n: impl itoa::Integer) -> io::Result<()> {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
        Ok(())
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, b: bool) -> io::Result<()> {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
        Ok(())
    }

    /// Bytes that are already the terminal-safe JSON of a value (see [`json_of`]).
    pub fn raw(&mut self, json: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(json);
        Ok(())
    }

    /// Any value, by serde, laid out at the current depth.
    pub fn value(&mut self, v: &(impl Serialize + ?Sized)) -> io::Result<()> {
        let start = self.buf.len();
        let mut ser = serde_json::Serializer::with_formatter(&mut self.buf, self.layout);
        v.serialize(&mut ser).map_err(io::Error::from)?;
        terminal_safe_from(&mut self.buf, start);
        self.done();
        self.spill()
    }

    /// `key` and its value, by serde.
    pub fn field(&mut self, key: &str, v: &(impl Serialize + ?Sized)) -> io::Result<()> {
        self.key(key)?;
        self.value(v)
    }

    /// The fixed parts of an object with `keys` written as the elements of the open array,
    /// laid out at the current depth: for the millions of records of a large document, each
    /// key and its punctuation is then one copy.
    pub fn record(&self, keys: &[&str]) -> Record {
        let mut inner = self.layout;
        inner.depth += 1;
        let key = |comma: bool, k: &str| {
            let mut out = Vec::new();
            let mut l = inner;
            // Errors cannot happen writing into a `Vec`.
            let _ = l.begin_object_key(&mut out, !comma);
            out.push(b'"');
            out.extend_from_slice(k.as_bytes());
            out.push(b'"');
            let _ = l.begin_object_value(&mut out);
            out
        };
        let mut close = Vec::new();
        if self.layout.pretty {
            let _ = self.layout.newline(&mut close, false);
        }
        close.push(b'}');
        Record {
            first: keys.iter().map(|k| key(false, k)).collect(),
            next: keys.iter().map(|k| key(true, k)).collect(),
            close,
        }
    }

    /// Open the next element of the open array as a record (see [`JsonOut::record`]).
    pub fn begin_record(&mut self) -> io::Result<()> {
        self.element()?;
        self.buf.push(b'{');
        // A value written by serde inside the record is laid out one level deeper.
        self.layout.depth += 1;
        Ok(())
    }

    /// Key `i` of `r` (its place in the keys given to [`JsonOut::record`]), the record's
    /// first key or a later one; its value follows.
    pub fn record_key(&mut self, r: &Record, i: usize, first: bool) {
        let part = if first { &r.first } else { &r.next };
        self.buf
            .extend_from_slice(part.get(i).map(Vec::as_slice).unwrap_or_default());
    }

    /// Close the record opened by [`JsonOut::begin_record`].
    pub fn end_record(&mut self, r: &Record) -> io::Result<()> {
        self.buf.extend_from_slice(&r.close);
        self.layout.depth -= 1;
        self.done();
        self.spill()
    }

    /// Write what is buffered and give back the writer (not flushed).
    pub fn finish(mut self) -> io::Result<W> {
        self.w.write_all(&self.buf)?;
        Ok(self.w)
    }
}

/// The keys of an object written many times, with their punctuation and indentation (see
/// [`JsonOut::record`]).
pub struct Record {
    /// Each key as the first of its object.
    first: Vec<Vec<u8>>,
    /// Each key after another.
    next: Vec<Vec<u8>>,
    /// The end of the object.
    close: Vec<u8>,
}

/// Replace the JSON text in `buf[start..]` by its terminal-safe form (see [`escape_json`]).
fn terminal_safe_from(buf: &mut Vec<u8>, start: usize) {
    let Some(Ok(json)) = buf.get(start..).map(std::str::from_utf8) else {
        return;
    };
    if let Cow::Owned(safe) = escape_json(json) {
        buf.truncate(start);
        buf.extend_from_slice(safe.as_bytes());
    }
}

/// The compact, terminal-safe JSON of a small value (an enum's name, say), to write many
/// times with [`JsonOut::raw`].
pub fn json_of(v: &impl Serialize) -> Vec<u8> {
    let mut json = serde_json::to_vec(v).unwrap_or_default();
    terminal_safe_from(&mut json, 0);
    json
}

/// Does any byte of `x` need a look before it is written into a JSON string: a control
/// character, `"`, `\\`, DEL, or the lead byte of a C1 control (`C2`) or of a bidi control or
/// line separator (`E2`)? Eight bytes at a time: nearly all text has none.
#[inline(always)]
fn any_special(x: u64) -> bool {
    any_suspect(x) || has_byte(x, b'"') || has_byte(x, b'\\')
}

/// Which bytes are [`any_special`], by value: one load a byte for a string's last few.
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2;
        b += 1;
    }
    table
};

fn special(b: u8) -> bool {
    SPECIAL[usize::from(b)]
}

/// Index of the first [`special`] byte at or after `from`, or `bytes.len()`.
#[inline(always)]
fn next_special(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        if any_special(u64::from_le_bytes(word.try_into().unwrap_or([0; 8]))) {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if special(b) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// `s` as the inside of a JSON string: serde_json's escapes (`\"`, `\\`, `\n` and the other
/// short forms, `\u00XX` for the other control characters), then every character a terminal
/// would act on as `\uXXXX`, as [`escape_json`] writes it over serde's output.
fn escape_into(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = next_special(bytes, 0);
    while let Some(&b) = bytes.get(i) {
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            _ => b"",
        };
        // A character past ASCII starts here only at `C2` or `E2`, a lead byte.
        let c = if b < 0x80 {
            char::from(b)
        } else {
            s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ')
        };
        let len = c.len_utf8();
        if short.is_empty() && !(b < 0x20 || acts_on_terminal(c)) {
            i = next_special(bytes, i + len);
            continue;
        }
        buf.extend_from_slice(bytes.get(copied..i).unwrap_or_default());
        if short.is_empty() {
            let n = c as u32;
            buf.extend_from_slice(b"\\u");
            for shift in [12, 8, 4, 0] {
                buf.push(HEX[((n >> shift) & 0xF) as usize]);
            }
        } else {
            buf.extend_from_slice(short);
        }
        i += len;
        copied = i;
        i = next_special(bytes, i);
    }
    buf.extend_from_slice(bytes.get(copied..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The same value written by hand and by serde_json, in both layouts.
    fn both(pretty: bool, records: bool) -> (String, String) {
        let aliases = ["Dairen", "Dalian \"new\""];
        // Keys in order: serde_json's `Value` sorts them.
        let mut out = JsonOut::new(Vec::new(), pretty);
        out.begin_object().unwrap();
        out.key("empty").unwrap();
        out.begin_array().unwrap();
        out.end_array().unwrap();
        out.key("list").unwrap();
        out.begin_array().unwrap();
        let r = out.record(&["flag", "name", "nested", "none"]);
        for (i, a) in aliases.iter().enumerate() {
            // The same object, key by key or as a record of fixed keys.
            let key = |out: &mut JsonOut<Vec<u8>>, k: usize, name: &str| {
                if records {
                    out.record_key(&r, k, k == 0);
                } else {
                    out.key(name).unwrap();
                }
            };
            if records {
                out.begin_record().unwrap();
            } else {
                out.element().unwrap();
                out.begin_object().unwrap();
            }
            key(&mut out, 0, "flag");
            out.boolean(i == 0).unwrap();
            key(&mut out, 1, "name");
            out.string(a).unwrap();
            key(&mut out, 2, "nested");
            out.value(&json!({"a": [1, 2], "b": {}, "c": []})).unwrap();
            key(&mut out, 3, "none");
            out.begin_array().unwrap();
            out.end_array().unwrap();
            if records {
                out.end_record(&r).unwrap();
            } else {
                out.end_object().unwrap();
            }
        }
        out.end_array().unwrap();
        out.key("n").unwrap();
        out.number(7u32).unwrap();
        out.field("tail", &json!([{"x": null}])).unwrap();
        out.end_object().unwrap();
        let hand = String::from_utf8(out.finish().unwrap()).unwrap();
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
            for records in [false, true] {
                let (hand, serde) = both(pretty, records);
                assert_eq!(hand, serde, "pretty {pretty}, records {records}");
            }
        }
        assert!(both(true, true).0.contains("\n      \"name\": \"Dairen\""));
    }

    /// What `string` writes for `s`.
    fn string_of(s: &str) -> String {
        let mut out = JsonOut::new(Vec::new(), false);
        out.string(s).unwrap();
        String::from_utf8(out.finish().unwrap()).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_escapes_them_then_made_terminal_safe() {
        let mut texts: Vec<String> = [
            "",
            "plain text of some length, no escapes at all",
            "a \"quoted\" word",
            "back\\slash in the eighth byte",
            "tab\there",
            "\u{1}\u{1f} controls",
            "caf\u{e9} \u{2028} \u{7f} past ASCII",
            "1234567\"",
            "12345678\\",
            "\u{1b}]52;c;aGk=\u{7}",
            "right-to-left \u{202e}override\u{202c} and \u{2066}isolate\u{2069}",
            "\u{a0}no-break, \u{201c}curly\u{201d} \u{2014} and \u{9b} a C1 control",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character whose first byte a terminal-safe writer must look at, alone and
        // at every position of an eight-byte word.
        for c in ('\u{0}'..='\u{ff}').chain('\u{2000}'..='\u{20ff}') {
            for pad in 0..9 {
                texts.push(format!("{}{c}tail", "x".repeat(pad)));
            }
        }
        for s in &texts {
            let serde = serde_json::to_string(s).unwrap();
            let written = string_of(s);
            assert_eq!(written, escape_json(&serde), "{s:?}");
            assert!(!written.chars().any(acts_on_terminal), "{s:?}");
            let back: String = serde_json::from_str(&written).unwrap();
            assert_eq!(&back, s);
        }
        // Text with nothing to escape is written as it is.
        assert_eq!(string_of("caf\u{e9} \u{2014}"), "\"caf\u{e9} \u{2014}\"");
    }

    #[test]
    fn values_written_by_serde_are_terminal_safe_too() {
        let mut out = JsonOut::new(Vec::new(), false);
        out.begin_array().unwrap();
        out.element().unwrap();
        out.value(&["bidi \u{202e} and DEL \u{7f}"]).unwrap();
        out.element().unwrap();
        out.raw(&json_of(&"C1 \u{9b}")).unwrap();
        out.end_array().unwrap();
        let written = String::from_utf8(out.finish().unwrap()).unwrap();
        assert_eq!(written, r#"[["bidi \u202e and DEL \u007f"],"C1 \u009b"]"#);
    }
}
