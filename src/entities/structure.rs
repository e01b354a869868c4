//! Rules from the memo's structure: the `Present:` roster, the heading (`Memcon A. Harriman -
//! Soong`, `Mr. Rockhill to Mr. Hay.`), the signature (`WAH`, `ORLOV`, `W. W. Rockhill.`) and
//! the dateline (`Moscow`, `Ottawa, October 2, 1962`, `[Paris,] March 25, 1919.`).

use super::EntityKind;
use super::lexicon::{Lexicon, flag};
use super::scan::{Cand, Evidence, Scanner, SiteId, offset};
use super::tokens;
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
        sc: Scanner::new(lex),
        claims: Claims::new(),
        site: SiteId::MAX_BLOCK,
    };
    let mut prev_kind = None;
    // After a paragraph that is only `Present:`, the participants' lines that follow.
    let mut roster = false;
    for (b, block) in doc.blocks.iter().enumerate() {
        let Some(site) = SiteId::block(b) else {
            break; // past the blocks a candidate can address
        };
        s.site = site;
        let text = super::scanned(&block.text);
        let in_roster = std::mem::take(&mut roster);
        match block.kind {
            BlockKind::Present => {
                s.roster(text, b, out);
                roster = is_roster_label(text);
            }
            BlockKind::Paragraph if in_roster && text.len() < 80 && !text.contains([':', '\n']) => {
                let end = text.find([',', '(', '—', ';']).unwrap_or(text.len());
                roster = s.person(text, b, 0, end, out);
            }
            BlockKind::Paragraph if is_roster_label(text) => roster = true,
            BlockKind::Heading => s.heading(text, b, true, out),
            BlockKind::Signature => s.signature(text, b, out),
            BlockKind::Dateline => s.dateline(text, b, true, out),
            BlockKind::Paragraph | BlockKind::Numbered => {
                let last = b + 1 == doc.body_end();
                let initials = text.len() < 16 && signature_initials(text).is_some();
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

/// The letters of a signature made of initials: two to four capitals, each alone or followed by
/// a period and spaces (`WAH`, `W. J. B.`, `W.J.B.`). `None` for anything else.
pub(super) fn signature_initials(text: &str) -> Option<String> {
    let mut letters = String::new();
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return None;
        }
        letters.push(c);
        if chars.next_if_eq(&'.').is_some() {
            while chars.next_if_eq(&' ').is_some() {}
        }
    }
    (2..=4)
        .contains(&letters.chars().count())
        .then_some(letters)
}

/// `Present:`, `Participants:` alone on a line.
fn is_roster_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':');
    text.trim().ends_with(':')
        && ["present", "participants", "those present"]
            .iter()
            .any(|l| t.eq_ignore_ascii_case(l))
}

/// `Present: W. A. Harriman` → `W. A. Harriman`.
fn strip_label<'a>(line: &'a str, label: &str) -> &'a str {
    let t = line.trim_start();
    match t.get(..label.len()).zip(t.get(label.len()..)) {
        Some((head, rest)) if head.eq_ignore_ascii_case(label) && rest.starts_with(':') => {
            rest.get(1..).unwrap_or("").trim_start()
        }
        _ => t,
    }
}

struct Structure<'l> {
    /// The one gazetteer matcher, run over one short part at a time.
    sc: Scanner<'l>,
    claims: Claims,
    /// The block being read.
    site: SiteId,
}

impl Structure<'_> {
    /// A `Present:` block: one participant a line, titles stripped, roles after the comma.
    fn roster(&mut self, text: &str, b: usize, out: &mut Vec<Cand>) {
        let mut off = 0;
        for line in text.split('\n') {
            let body = strip_label(line, "present");
            let start = off + (line.len() - body.len());
            let end = start + body.find([',', '(', '—', ';']).unwrap_or(body.len());
            self.person(text, b, start, end, out);
            off += line.len() + 1;
        }
    }

    fn push(&mut self, b: usize, c: Cand, out: &mut Vec<Cand>) {
        self.claims
            .entry(b)
            .or_default()
            .push((c.start as usize, c.end as usize));
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
        let trimmed = part.trim_end_matches(['.', ',', ' ', ':', ';']);
        let part = part.get(..trimmed.len()).unwrap_or("");
        let Some(first) = self.person_tokens(part) else {
            return false;
        };
        let toks = &self.sc.toks;
        let (Some(head), Some(tail)) = (toks.first(), toks.last()) else {
            return false;
        };
        let mut c = Cand::new(
            self.site,
            start + head.start,
            start + tail.end,
            Some(EntityKind::Person),
            Evidence::Structure,
        );
        c.set_name_start(offset(start + self.sc.tok(first).start));
        self.push(b, c, out);
        true
    }

    /// When `part` is titles then a personal name, the index of the name's first token (the
    /// tokens stay loaded in the scanner).
    fn person_tokens(&mut self, part: &str) -> Option<usize> {
        let sc = &mut self.sc;
        sc.load(part);
        let n = sc.toks.len();
        if n == 0 || n > 7 {
            return None;
        }
        let mut first = 0;
        while first < n
            && sc.tok(first).has(tokens::CAP)
            && sc.has(part, first, flag::TITLE | flag::TITLE_MODIFIER)
        {
            first += 1;
        }
        let mut caps = 0;
        for k in first..n {
            let t = sc.tok(k);
            if t.has(tokens::INITIAL) || sc.word(part, k).chars().nth(1).is_none() {
                continue;
            }
            if t.has(tokens::LOWER) && sc.has(part, k, flag::PARTICLE) {
                continue;
            }
            if !t.has(tokens::CAP)
                || sc.has(part, k, flag::STOP | flag::HEAD)
                || t.has(tokens::NUM | tokens::ABBREV)
            {
                return None;
            }
            caps += 1;
        }
        let last = sc.last(n);
        if caps == 0 || last.has(tokens::INITIAL) || last.end - last.start == 1 {
            return None;
        }
        // A place is not a person: `Moscow - Soong` keeps Moscow a place.
        if first < n
            && let Some(m) = sc.lookup(part, first)
            && sc.lex.entry(m.entry).kind != EntityKind::Person
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
                .filter_map(|s| text.get(rest..).unwrap_or("").find(s).map(|p| (p, s.len())))
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
            self.sc.load(part);
            // Skip document words in front of the first part: `Memcon A. Harriman`.
            let mut first = 0;
            while k == 0
                && first < self.sc.toks.len()
                && DOCUMENT_WORDS.contains(&self.sc.word(part, first))
            {
                first += 1;
            }
            let Some(lead) = self.sc.toks.get(first).copied() else {
                return;
            };
            let office = self.sc.word(part, first) == "the";
            if office {
                continue;
            }
            let sub = part.get(lead.start..).unwrap_or("");
            let Some(name_at) = self.person_tokens(sub) else {
                return;
            };
            titled |= name_at > 0 || lead.has(tokens::INITIAL);
            names.push((s + lead.start, e));
        }
        // `Mr. Rockhill to Mr. Hay.`, `Memcon A. Harriman - Soong`: titles or initials, or at
        // least two names in a heading block; a lone word (`[Untitled]`) is no address line.
        if !titled && (!heading_block || names.len() < 2) {
            return;
        }
        for (s, e) in names {
            self.person(text, b, s, e, out);
        }
    }

    /// The signature's first line: initials (`WAH`) or a name (`ORLOV`, `M. T. Desrosiers`).
    fn signature(&mut self, text: &str, b: usize, out: &mut Vec<Cand>) {
        let line = text.split('\n').next().unwrap_or("");
        let name = line.trim().trim_end_matches(['.', ',']);
        if name.is_empty() {
            return;
        }
        let start = line.find(name).unwrap_or(0);
        let end = start + name.len();
        if signature_initials(name).is_some() {
            let c = Cand::new(
                self.site,
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
        let head = text.get(..floor_boundary(text, 160)).unwrap_or("");
        // Cheap test first: a dateline in a paragraph puts a comma early.
        if !is_dateline
            && !head
                .get(..floor_boundary(head, 60))
                .is_some_and(|h| h.contains(','))
        {
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
        let sc = &mut self.sc;
        sc.load(part);
        let n = sc.toks.len();
        let mut ok = n > 0 && n <= 5;
        for k in 0..n {
            let t = sc.tok(k);
            let cap = t.has(tokens::CAP) && !t.has(tokens::NUM);
            let connector = t.has(tokens::LOWER)
                && matches!(sc.word(part, k), "de" | "del" | "of" | "the" | "la" | "el");
            if !(cap || connector) || sc.has(part, k, flag::HEAD | flag::TITLE) {
                ok = false;
            }
            if k == 0 && (sc.is_stop(part, k) || !cap) {
                ok = false;
            }
        }
        if ok && sc.lookup(part, 0).is_some_and(|m| m.len == n) {
            ok = false; // the general scan finds it
        }
        if ok {
            let c = Cand::new(
                self.site,
                s,
                e,
                Some(EntityKind::Place),
                Evidence::Structure,
            );
            self.push(b, c, out);
        }
    }
}

fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
