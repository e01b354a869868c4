//! Rules from the memo's structure: the `Present:` roster, the heading (`Memcon A. Harriman -
//! Soong`, `Mr. Rockhill to Mr. Hay.`), the signature (`WAH`, `ORLOV`, `W. W. Rockhill.`) and
//! the dateline (`Moscow`, `Ottawa, October 2, 1962`, `[Paris,] March 25, 1919.`).

use super::lexicon::Lexicon;
use super::scan::{Cand, Evidence};
use super::tokens::{self, Token};
use super::{EntityKind, Site};
use crate::document::{BlockKind, Document};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Byte ranges per block that structure rules have claimed; the general scan skips them.
pub type Claims = HashMap<usize, Vec<(usize, usize)>>;

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = "(?:January|February|March|April|May|June|July|August|September|October|\
                     November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|\
                     Oct\\.|Nov\\.|Dec\\.)";
        Regex::new(&format!(
            r"{month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}}"
        ))
        .expect("date pattern")
    })
}

/// Words that open a heading before the names: `Memcon A. Harriman - Soong`.
const DOCUMENT_WORDS: &[&str] = &[
    "memcon",
    "memorandum",
    "memo",
    "conversation",
    "telegram",
    "ciphered",
    "cable",
    "letter",
    "note",
    "of",
];

/// Find structural candidates in `doc`; return the ranges they claim.
pub fn scan(doc: &Document, lex: &Lexicon, out: &mut Vec<Cand>) -> Claims {
    let mut s = Structure {
        lex,
        toks: Vec::new(),
        buf: String::new(),
        claims: Claims::new(),
    };
    let mut prev_kind = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        let text = block.text.as_str();
        match block.kind {
            BlockKind::Present => {
                let mut off = 0;
                for line in text.split('\n') {
                    let body = strip_label(line, "present");
                    let start = off + (line.len() - body.len());
                    let end = start + body.find([',', '(', '—', ';']).unwrap_or(body.len());
                    s.person(text, b, start, end, out);
                    off += line.len() + 1;
                }
            }
            BlockKind::Heading => s.heading(text, b, true, out),
            BlockKind::Signature => s.signature(text, b, out),
            BlockKind::Dateline => s.dateline(text, b, true, out),
            BlockKind::Paragraph | BlockKind::Numbered => {
                let last = b + 1 == doc.body_end();
                let initials =
                    (2..=3).contains(&text.len()) && text.bytes().all(|c| c.is_ascii_uppercase());
                let closed = prev_kind == Some(BlockKind::Closing);
                if (closed || last && initials) && !text.contains('\n') && text.len() < 60 {
                    s.signature(text, b, out);
                } else if text.len() < 100 && text.contains(" to ") && !text.contains('\n') {
                    s.heading(text, b, false, out);
                }
                s.dateline(text, b, false, out);
            }
            _ => {}
        }
        if block.kind != BlockKind::Footnote {
            prev_kind = Some(block.kind);
        }
    }
    s.claims
}

/// `Present: W. A. Harriman` → `W. A. Harriman`.
fn strip_label<'a>(line: &'a str, label: &str) -> &'a str {
    let t = line.trim_start();
    match t.get(..label.len()).zip(t.get(label.len()..)) {
        Some((head, rest)) if head.eq_ignore_ascii_case(label) => {
            rest.strip_prefix(':').map_or(t, str::trim_start)
        }
        _ => t,
    }
}

struct Structure<'l> {
    lex: &'l Lexicon,
    toks: Vec<Token>,
    buf: String,
    claims: Claims,
}

impl Structure<'_> {
    fn folded(&mut self, text: &str, t: Token) -> &str {
        let w = text.get(t.start..t.end).unwrap_or("");
        let w = if t.has(tokens::INITIAL) {
            w.strip_suffix('.').unwrap_or(w)
        } else {
            w
        };
        super::fold::fold_into(w, &mut self.buf);
        &self.buf
    }

    fn push(&mut self, b: usize, c: Cand, out: &mut Vec<Cand>) {
        self.claims.entry(b).or_default().push((c.start, c.end));
        out.push(c);
    }

    /// A person named by `text[start..end]`, titles allowed in front. Returns whether it was
    /// one.
    fn person(
        &mut self,
        text: &str,
        b: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Cand>,
    ) -> bool {
        let part = text.get(start..end).unwrap_or("");
        let part = part.trim_end_matches(['.', ',', ' ', ':', ';']);
        let mut toks = std::mem::take(&mut self.toks);
        tokens::tokenize(part, &mut toks);
        let ok = self.person_tokens(part, &toks);
        if let Some(first) = ok
            && let (Some(a), Some(z), Some(name)) = (toks.first(), toks.last(), toks.get(first))
        {
            let mut c = Cand::new(
                Site::Block(b),
                start + a.start,
                start + z.end,
                Some(EntityKind::Person),
                Evidence::Structure,
            );
            c.name_start = start + name.start;
            self.push(b, c, out);
        }
        self.toks = toks;
        ok.is_some()
    }

    /// When `toks` are titles then a personal name, the index of the name's first token.
    fn person_tokens(&mut self, part: &str, toks: &[Token]) -> Option<usize> {
        if toks.is_empty() || toks.len() > 7 {
            return None;
        }
        let lex = self.lex;
        let mut first = 0;
        while let Some(&t) = toks.get(first) {
            let w = self.folded(part, t);
            if t.has(tokens::CAP)
                && (lex.words.titles.contains(w) || lex.words.title_modifiers.contains(w))
            {
                first += 1;
            } else {
                break;
            }
        }
        let mut caps = 0;
        for &t in toks.get(first..).unwrap_or_default() {
            let w = self.folded(part, t).to_string();
            if t.has(tokens::INITIAL) || w.chars().nth(1).is_none() {
                continue;
            }
            if t.has(tokens::LOWER) && lex.words.particles.contains(&w) {
                continue;
            }
            if !t.has(tokens::CAP)
                || lex.words.stop.contains(&w)
                || lex.words.heads.contains(&w)
                || t.has(tokens::NUM | tokens::ABBREV)
            {
                return None;
            }
            caps += 1;
        }
        let &last = toks.last()?;
        if caps == 0 || last.has(tokens::INITIAL) || last.end - last.start == 1 {
            return None;
        }
        // A place is not a person: `Moscow - Soong` keeps Moscow a place.
        let mut scratch = String::new();
        if let Some(m) = lex.lookup(part, toks, first, &mut scratch)
            && lex.entry(m.entry).kind != EntityKind::Person
        {
            return None;
        }
        Some(first)
    }

    /// `Memcon A. Harriman - Soong`, `Mr. Rockhill to Mr. Hay.`,
    /// `M. de Cologan to Prince Ching and Li Hung-chang.` Every part must be a name (parts that
    /// start with a lowercase word or a document word are offices, `the Secretary of State`);
    /// otherwise the line is not an address line and the general rules handle it.
    fn heading(&mut self, text: &str, b: usize, heading_block: bool, out: &mut Vec<Cand>) {
        let mut parts = Vec::new();
        let mut rest = 0;
        let seps = [" - ", " – ", " — ", " and ", " to ", " / ", ", "];
        loop {
            let next = seps
                .iter()
                .filter_map(|s| text.get(rest..)?.find(s).map(|p| (p, s.len())))
                .min();
            match next {
                Some((p, len)) => {
                    parts.push((rest, rest + p));
                    rest += p + len;
                }
                None => {
                    parts.push((rest, text.len()));
                    break;
                }
            }
        }
        let mut names = Vec::new();
        let mut titled = false;
        for (k, (s, e)) in parts.into_iter().enumerate() {
            let part = text.get(s..e).unwrap_or("");
            let mut toks = std::mem::take(&mut self.toks);
            tokens::tokenize(part, &mut toks);
            // Skip document words in front of the first part: `Memcon A. Harriman`.
            let mut first = 0;
            while k == 0
                && let Some(&t) = toks.get(first)
            {
                let w = self.folded(part, t).to_string();
                if DOCUMENT_WORDS.contains(&w.as_str()) {
                    first += 1;
                } else {
                    break;
                }
            }
            let ok = if let Some(name_toks @ [lead, ..]) = toks.get(first..) {
                let sub_start = lead.start;
                let sub = part.get(sub_start..).unwrap_or("");
                let shifted: Vec<Token> = name_toks
                    .iter()
                    .map(|t| Token {
                        start: t.start - sub_start,
                        end: t.end - sub_start,
                        flags: t.flags,
                    })
                    .collect();
                let lead = shifted.first().copied().unwrap_or_default();
                let office = self.folded(sub, lead) == "the";
                if office {
                    true
                } else if let Some(name_at) = self.person_tokens(sub, &shifted) {
                    titled |= name_at > 0 || lead.has(tokens::INITIAL);
                    names.push((s + sub_start, e));
                    true
                } else {
                    false
                }
            } else {
                false
            };
            self.toks = toks;
            if !ok {
                return;
            }
        }
        if !heading_block && !titled {
            return;
        }
        for (s, e) in names {
            self.person(text, b, s, e, out);
        }
    }

    /// The signature's first line: initials (`WAH`) or a name (`ORLOV`, `M. T. Desrosiers`).
    fn signature(&mut self, text: &str, b: usize, out: &mut Vec<Cand>) {
        let line = text.split('\n').next().unwrap_or("");
        // `T. R. Jernigan, Consul-General`: the name ends at the comma.
        let line = line.split(", ").next().unwrap_or(line);
        let name = line.trim().trim_end_matches(['.', ',']);
        if name.is_empty() {
            return;
        }
        let start = line.find(name).unwrap_or(0);
        let end = start + name.len();
        let letters = name.chars().count();
        if (2..=3).contains(&letters) && name.chars().all(|c| c.is_uppercase()) {
            let c = Cand::new(
                Site::Block(b),
                start,
                end,
                Some(EntityKind::Person),
                Evidence::SignatureInitials,
            );
            self.push(b, c, out);
            return;
        }
        self.person(text, b, start, end, out);
    }

    /// `Moscow`, `Ottawa, October 2, 1962`, `Army Headquarters, Peking, Winter Palace, April 13,
    /// 1901.`: the names before the date are places. Names the gazetteer knows are left to the
    /// general scan.
    fn dateline(&mut self, text: &str, b: usize, is_dateline: bool, out: &mut Vec<Cand>) {
        let head = text.get(..floor_boundary(text, 160)).unwrap_or(text);
        // Cheap test first: a dateline in a paragraph puts a comma early.
        let early = head.get(..floor_boundary(head, 60)).unwrap_or(head);
        if !is_dateline && !early.contains(',') {
            return;
        }
        let prefix_end = match date_re().find(head) {
            Some(m) => m.start(),
            None if is_dateline => text.len(),
            None => return,
        };
        let prefix = text.get(..prefix_end).unwrap_or("");
        if !is_dateline && (prefix.trim().is_empty() || !prefix.trim_end().ends_with([',', ']'])) {
            return;
        }
        let mut off = 0;
        for seg in prefix.split(',') {
            let s0 = off;
            off += seg.len() + 1;
            let trimmed = seg.trim_matches(|c: char| c.is_whitespace() || c == '[' || c == ']');
            if trimmed.is_empty() || trimmed.len() > 40 {
                continue;
            }
            let s = s0 + seg.find(trimmed).unwrap_or(0);
            self.place_segment(text, b, s, s + trimmed.len(), out);
        }
    }

    fn place_segment(&mut self, text: &str, b: usize, s: usize, e: usize, out: &mut Vec<Cand>) {
        let part = text.get(s..e).unwrap_or("");
        let mut toks = std::mem::take(&mut self.toks);
        tokens::tokenize(part, &mut toks);
        let lex = self.lex;
        let mut ok = !toks.is_empty() && toks.len() <= 5;
        for (k, t) in toks.iter().enumerate() {
            let w = self.folded(part, *t).to_string();
            let cap = t.has(tokens::CAP) && !t.has(tokens::NUM);
            let connector = t.has(tokens::LOWER)
                && matches!(w.as_str(), "de" | "del" | "of" | "the" | "la" | "el");
            if !(cap || connector) || lex.words.heads.contains(&w) || lex.words.titles.contains(&w)
            {
                ok = false;
            }
            if k == 0 && (lex.words.stop.contains(&w) || !cap) {
                ok = false;
            }
        }
        let mut scratch = String::new();
        if ok
            && let Some(m) = lex.lookup(part, &toks, 0, &mut scratch)
            && m.len == toks.len()
        {
            ok = false; // the general scan finds it
        }
        if ok {
            let c = Cand::new(
                Site::Block(b),
                s,
                e,
                Some(EntityKind::Place),
                Evidence::Structure,
            );
            self.push(b, c, out);
        }
        self.toks = toks;
    }
}

fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
