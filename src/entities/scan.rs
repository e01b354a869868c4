//! The rules that find candidate names in one text: gazetteer names, organization words,
//! titles, initials, given names, place affixes and cues, editorial glosses, and bare
//! capitalised names left for `resolve` to identify from the rest of the document.

use super::lexicon::{Lexicon, Match, WordInfo, flag};
use super::tokens::{self, Token};
use super::words::{WordId, Words};
use super::{EntityKind, Mention, Site};
use crate::document::MetaField;

/// Why a candidate was proposed; `resolve` weighs these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A gazetteer entry (or a name from the user's alias file).
    Gazetteer(u32),
    /// The memo's structure: `Present:`, heading, signature, dateline.
    Structure,
    /// Signature initials (`WAH`): a participant whose initials they are.
    SignatureInitials,
    /// A title or honorific before the name.
    Title,
    /// Initials before a surname, or a known given name.
    Initials,
    /// A name in parentheses after an office (`The Consul at Beirut (Steger)`).
    Paren,
    /// A capitalised sequence with an organization word.
    OrgPattern,
    /// A place word in the name (`Thunder Bay`, `Lake Baikal`).
    PlaceAffix,
    /// A preposition before the name (`at Taku`): weak.
    PlaceCue,
    /// The words around the name say it is a person: a verb of speech or thought after it,
    /// a role in apposition, a particle in front (`de Wogack`), the shape of the name.
    PersonCue,
    /// An editorial gloss or abbreviation naming the candidate before it.
    Gloss,
    /// A capitalised name with no cue: an entity only if the document names it elsewhere.
    Bare,
}

/// Where a candidate lies, in four bytes: a descriptive metadata field (by its place in
/// [`MetaField::DESCRIPTIVE`]) or a block. Fields come before blocks, as in [`Site`]'s order,
/// so candidates compare by site without decoding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SiteId(u32);

const FIELDS: u32 = MetaField::DESCRIPTIVE.len() as u32;

impl SiteId {
    /// The last block a candidate can address.
    pub const MAX_BLOCK: SiteId = SiteId(u32::MAX);

    /// Block `b`, or `None` past the last block a candidate can address (4 billion).
    pub fn block(b: usize) -> Option<SiteId> {
        u32::try_from(b)
            .ok()
            .and_then(|b| b.checked_add(FIELDS))
            .map(SiteId)
    }

    /// The `k`th of [`MetaField::DESCRIPTIVE`].
    pub fn field(k: usize) -> Option<SiteId> {
        (k < FIELDS as usize).then_some(SiteId(k as u32))
    }

    pub fn site(self) -> Site {
        match self.0.checked_sub(FIELDS) {
            Some(b) => Site::Block(b),
            None => Site::Field(
                MetaField::DESCRIPTIVE
                    .get(self.0 as usize)
                    .copied()
                    .unwrap_or(MetaField::Title),
            ),
        }
    }
}

/// No candidate: the sentinel of [`Cand`]'s optional indices.
const NONE: u32 = u32::MAX;

// `Cand::bits`: the evidence's tag (low four bits, 0 before it is set), the kind (two
// bits), then flags.
const EV_MASK: u16 = 0xF;
const GAZETTEER: u16 = 1;
const KIND_SHIFT: u16 = 4;
const KIND_MASK: u16 = 0b11 << KIND_SHIFT;
const ADJECTIVAL: u16 = 1 << 6;
const GLOSS: u16 = 1 << 7;
const COORD_AND: u16 = 1 << 8;
/// `rel` is the candidate this one glosses, not the one before it in a list.
const REL_LINK: u16 = 1 << 9;

/// A proposed mention. `start..end` is the mention (title included); `name_start..end` the
/// name without title. Offsets are `u32` (texts are scanned up to [`super::MAX_SCANNED`]).
/// A large document has millions of candidates, so each is 24 bytes: the site packed into
/// four, optional indices with a sentinel, the gazetteer entry sharing a field with the name's
/// start (a gazetteer name has no title: it starts where the mention does), and the evidence,
/// kind and flags in two bytes.
#[derive(Debug, Clone, Copy)]
pub struct Cand {
    site: SiteId,
    pub start: u32,
    pub end: u32,
    /// The entry of `Evidence::Gazetteer`; for any other evidence, where the name starts.
    aux: u32,
    /// Another candidate (index): the one this glosses (with `REL_LINK`), or the one before it
    /// in a list (`Tongku, Lutai and Changli`). A gloss is never part of a list.
    rel: u32,
    bits: u16,
}

/// A byte offset as a candidate stores it.
pub fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

fn ev_tag(ev: Evidence) -> (u16, u32) {
    match ev {
        Evidence::Gazetteer(e) => (GAZETTEER, e),
        Evidence::Structure => (2, NONE),
        Evidence::SignatureInitials => (3, NONE),
        Evidence::Title => (4, NONE),
        Evidence::Initials => (5, NONE),
        Evidence::Paren => (6, NONE),
        Evidence::OrgPattern => (7, NONE),
        Evidence::PlaceAffix => (8, NONE),
        Evidence::PlaceCue => (9, NONE),
        Evidence::PersonCue => (10, NONE),
        Evidence::Gloss => (11, NONE),
        Evidence::Bare => (12, NONE),
    }
}

impl Cand {
    pub fn new(
        site: SiteId,
        start: usize,
        end: usize,
        kind: Option<EntityKind>,
        ev: Evidence,
    ) -> Self {
        let (start, end) = (offset(start), offset(end));
        let mut c = Cand {
            site,
            start,
            end,
            aux: start,
            rel: NONE,
            bits: 0,
        };
        c.set_ev(ev);
        c.set_kind(kind);
        c
    }

    pub fn site(&self) -> Site {
        self.site.site()
    }

    pub fn site_id(&self) -> SiteId {
        self.site
    }

    pub fn ev(&self) -> Evidence {
        match self.bits & EV_MASK {
            GAZETTEER => Evidence::Gazetteer(self.aux),
            2 => Evidence::Structure,
            3 => Evidence::SignatureInitials,
            4 => Evidence::Title,
            5 => Evidence::Initials,
            6 => Evidence::Paren,
            7 => Evidence::OrgPattern,
            8 => Evidence::PlaceAffix,
            9 => Evidence::PlaceCue,
            10 => Evidence::PersonCue,
            11 => Evidence::Gloss,
            _ => Evidence::Bare,
        }
    }

    /// Set the evidence. A gazetteer entry takes the place of the name's start, which is then
    /// the mention's.
    pub fn set_ev(&mut self, ev: Evidence) {
        let was_entry = self.is_gazetteer();
        let (tag, entry) = ev_tag(ev);
        self.bits = (self.bits & !EV_MASK) | tag;
        if tag == GAZETTEER {
            self.aux = entry;
        } else if was_entry {
            self.aux = self.start;
        }
    }

    fn is_gazetteer(&self) -> bool {
        self.bits & EV_MASK == GAZETTEER
    }

    pub fn kind(&self) -> Option<EntityKind> {
        match (self.bits & KIND_MASK) >> KIND_SHIFT {
            1 => Some(EntityKind::Place),
            2 => Some(EntityKind::Person),
            3 => Some(EntityKind::Organization),
            _ => None,
        }
    }

    pub fn set_kind(&mut self, kind: Option<EntityKind>) {
        let k = match kind {
            None => 0,
            Some(EntityKind::Place) => 1,
            Some(EntityKind::Person) => 2,
            Some(EntityKind::Organization) => 3,
        };
        self.bits = (self.bits & !KIND_MASK) | (k << KIND_SHIFT);
    }

    fn flag(&self, f: u16) -> bool {
        self.bits & f != 0
    }

    fn set_flag(&mut self, f: u16, on: bool) {
        if on {
            self.bits |= f;
        } else {
            self.bits &= !f;
        }
    }

    /// The mention is an adjective or demonym of a place.
    pub fn adjectival(&self) -> bool {
        self.flag(ADJECTIVAL)
    }

    pub fn set_adjectival(&mut self, on: bool) {
        self.set_flag(ADJECTIVAL, on);
    }

    /// Inside an editorial bracket.
    pub fn gloss(&self) -> bool {
        self.flag(GLOSS)
    }

    pub fn set_gloss(&mut self, on: bool) {
        self.set_flag(GLOSS, on);
    }

    /// The candidate (index) this one names too: a gloss and what it glosses.
    pub fn link(&self) -> Option<u32> {
        (self.flag(REL_LINK) && self.rel != NONE).then_some(self.rel)
    }

    pub fn set_link(&mut self, target: u32) {
        self.rel = target;
        self.bits |= REL_LINK;
    }

    /// The candidate before this one in a list with it.
    pub fn coord(&self) -> Option<u32> {
        (!self.flag(REL_LINK) && self.rel != NONE).then_some(self.rel)
    }

    /// The two are joined by `and`, `or` or `nor`, not by a comma alone.
    pub fn coord_and(&self) -> bool {
        self.flag(COORD_AND)
    }

    /// Put this candidate in a list after candidate `before`. A gloss keeps its link.
    pub fn set_coord(&mut self, before: u32, and: bool) {
        if !self.flag(REL_LINK) {
            self.rel = before;
            self.set_flag(COORD_AND, and);
        }
    }

    /// Where the name starts (after titles).
    pub fn name_start(&self) -> u32 {
        if self.is_gazetteer() {
            self.start
        } else {
            self.aux
        }
    }

    /// Set where the name starts; a gazetteer name starts with its mention and keeps it.
    pub fn set_name_start(&mut self, at: u32) {
        if !self.is_gazetteer() {
            self.aux = at;
        }
    }

    /// The name's byte range (the mention without titles).
    pub fn name_span(&self) -> std::ops::Range<usize> {
        self.name_start() as usize..self.end as usize
    }

    /// The candidate as a mention.
    pub fn mention(&self) -> Mention {
        Mention {
            site: self.site(),
            start: self.start,
            end: self.end,
            adjectival: self.adjectival(),
        }
    }

    /// The group this candidate was put in by `resolve` (see [`Cand::set_group`]).
    pub(super) fn group(&self) -> u32 {
        self.rel
    }

    /// Reuse the list or gloss index, no longer needed once candidates are grouped, for the
    /// candidate's group.
    pub(super) fn set_group(&mut self, g: u32) {
        self.rel = g;
    }
}

/// Finds candidates in texts, reusing its buffers from one text to the next.
pub struct Scanner<'l> {
    pub(super) lex: &'l Lexicon,
    pub(super) toks: Vec<Token>,
    /// The words of the document so far; `ids[k]` is token `k`'s, or [`NOT_YET`] before the
    /// rules first ask about it.
    words: Words<'l>,
    ids: Vec<WordId>,
}

const NOT_YET: WordId = WordId::MAX;

/// True when `gap` joins two names of one list: a comma, `and`, `or`, `, and`.
fn is_list_gap(gap: &str) -> bool {
    // Spaces trimmed byte by byte (no byte of a longer character is a space): most gaps are
    // long stretches of text, settled by their first and last bytes.
    let g = gap.as_bytes();
    let from = g.iter().position(|&b| b != b' ').unwrap_or(g.len());
    let to = g.iter().rposition(|&b| b != b' ').map_or(from, |p| p + 1);
    matches!(
        g.get(from..to).unwrap_or_default(),
        b"," | b"and" | b", and" | b"or" | b", or" | b"nor" | b", nor"
    )
}

pub(super) fn is_roman(w: &str) -> bool {
    w.len() > 1 && w.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// The text between two tokens (empty when they are not in order).
pub(super) fn gap(text: &str, before: Token, after: Token) -> &str {
    text.get(before.end..after.start).unwrap_or("")
}

/// The text of a token.
pub(super) fn slice(text: &str, t: Token) -> &str {
    text.get(t.start..t.end).unwrap_or("")
}

impl<'l> Scanner<'l> {
    /// Token `k`, or the empty token without flags when there is none: rules look one token
    /// ahead and behind, and the text may end (or start) right there.
    pub(super) fn tok(&self, k: usize) -> Token {
        self.toks.get(k).copied().unwrap_or_default()
    }

    /// The last of the tokens before `end` (the empty token when `end` is 0).
    pub(super) fn last(&self, end: usize) -> Token {
        end.checked_sub(1)
            .map_or_else(Token::default, |k| self.tok(k))
    }

    pub fn new(lex: &'l Lexicon) -> Self {
        Scanner {
            lex,
            toks: Vec::new(),
            words: Words::new(lex),
            ids: Vec::new(),
        }
    }

    /// Tokenize `text` and forget the tokens of the text before (not the words: a word's id
    /// and what is known about it hold for the whole document).
    pub(super) fn load(&mut self, text: &str) {
        tokens::tokenize(text, &mut self.toks);
        let n = self.toks.len();
        self.words.reset_if_full();
        self.ids.clear();
        self.ids.resize(n, NOT_YET);
        // `Thos. Nelson Page`, `A. Ya. Vyshinsky`: a given name written short is an initial
        // when a name follows on the same line.
        const SHAPE: u16 = tokens::CAP | tokens::DOT_AFTER | tokens::INITIAL | tokens::ABBREV;
        for k in 0..n.saturating_sub(1) {
            // Most tokens fail on their flags alone: test those first.
            if self
                .toks
                .get(k)
                .is_none_or(|t| t.flags & SHAPE != tokens::CAP | tokens::DOT_AFTER)
            {
                continue;
            }
            let (t, next) = (self.tok(k), self.tok(k + 1));
            if t.end - t.start <= 5
                && next.has(tokens::CAP)
                && gap(text, t, next)
                    .strip_prefix('.')
                    .is_some_and(|g| !g.is_empty() && g.bytes().all(|b| b == b' '))
                && self.has(text, k, flag::GIVEN_ABBREV)
            {
                tokens::make_initial(text, &mut self.toks, k);
            }
        }
    }

    /// The word id of token `k` (an initial without its period), interned on first use;
    /// `None` when there is no token `k`.
    #[inline]
    fn id(&mut self, text: &str, k: usize) -> Option<WordId> {
        match self.ids.get(k) {
            Some(&id) if id != NOT_YET => Some(id),
            Some(_) => Some(self.intern(text, k)),
            None => None,
        }
    }

    fn intern(&mut self, text: &str, k: usize) -> WordId {
        let t = self.tok(k);
        let w = slice(text, t);
        let w = if t.has(tokens::INITIAL) {
            w.strip_suffix('.').unwrap_or(w)
        } else {
            w
        };
        let id = self.words.id(w);
        if let Some(slot) = self.ids.get_mut(k) {
            *slot = id;
        }
        id
    }

    /// What the lexicon knows about token `k`.
    #[inline]
    fn info(&mut self, text: &str, k: usize) -> WordInfo {
        self.id(text, k)
            .map_or_else(WordInfo::default, |id| self.words.info(id))
    }

    /// Token `k` folded.
    pub(super) fn word(&mut self, text: &str, k: usize) -> &str {
        match self.id(text, k) {
            Some(id) => self.words.folded(id),
            None => "",
        }
    }

    #[inline]
    pub(super) fn has(&mut self, text: &str, k: usize, f: u32) -> bool {
        self.info(text, k).has(f)
    }

    pub(super) fn is_stop(&mut self, text: &str, k: usize) -> bool {
        self.has(text, k, flag::STOP)
    }

    pub(super) fn is_title(&mut self, text: &str, k: usize) -> bool {
        self.tok(k).has(tokens::CAP) && self.has(text, k, flag::TITLE)
    }

    /// The longest gazetteer name starting at capitalised token `i`. This is the one matcher
    /// of gazetteer names: a name does not run across a line break, a bracket, a parenthesis
    /// or a possessive, and every word after the first must fold to the entry's word.
    pub(super) fn lookup(&mut self, text: &str, i: usize) -> Option<Match> {
        if !self.tok(i).has(tokens::CAP) {
            return None;
        }
        let lex = self.lex;
        let info = self.info(text, i);
        if info.patterns == 0 {
            return None;
        }
        'pat: for (rest, entry, adjectival) in lex.patterns(info) {
            if i + rest.len() >= self.toks.len() {
                continue;
            }
            for (k, want) in rest.iter().enumerate() {
                let (prev, u) = (self.tok(i + k), self.tok(i + 1 + k));
                if u.has(tokens::OPEN_BRACKET | tokens::OPEN_PAREN)
                    || prev.has(tokens::POSS)
                    || gap(text, prev, u).contains('\n')
                    || self.word(text, i + 1 + k) != want
                {
                    continue 'pat;
                }
            }
            return Some(Match {
                entry,
                len: rest.len() + 1,
                adjectival,
            });
        }
        None
    }

    /// True when only spaces (or, with `dot`, a period and spaces) separate tokens `k-1` and `k`.
    pub(super) fn joined(&self, text: &str, k: usize, dot: bool) -> bool {
        let (Some(k0), Some(&t)) = (k.checked_sub(1), self.toks.get(k)) else {
            return false;
        };
        if t.has(tokens::PLAIN_GAP) {
            return true;
        }
        if !dot {
            return false;
        }
        let prev = self.tok(k0);
        let gap = text.get(prev.end..t.start).unwrap_or("");
        gap.strip_prefix('.')
            .is_some_and(|g| !g.is_empty() && g.bytes().all(|b| b == b' '))
    }

    /// Scan `text` (at `site`), skipping tokens inside `claims`, and append candidates to `out`.
    pub fn scan(
        &mut self,
        text: &str,
        site: SiteId,
        claims: &[(usize, usize)],
        out: &mut Vec<Cand>,
    ) {
        self.load(text);
        let n = self.toks.len();
        let mut last: Option<(usize, usize)> = None; // (candidate index, end byte)
        let mut i = 0;
        while i < n {
            let t = self.tok(i);
            if claims.iter().any(|&(s, e)| t.start < e && t.end > s) {
                i += 1;
                continue;
            }
            if let Some((ci, end)) = last
                && t.has(tokens::OPEN_BRACKET | tokens::OPEN_PAREN)
                && end <= t.start
                && matches!(text.get(end..t.start).unwrap_or("").trim_start(), "[" | "(")
            {
                let paren = t.has(tokens::OPEN_PAREN);
                // `The Chargé in Colombia (Washington)`: after an office in a place, one word
                // in parentheses is the office holder, even one the gazetteer knows as a place
                // (glosses stand in brackets; a name of the same place is one).
                if paren
                    && t.has(tokens::CAP)
                    && t.has(tokens::CLOSE_PAREN)
                    && !t.has(tokens::NUM | tokens::ALLCAPS | tokens::INITIAL | tokens::ABBREV)
                    && let Some(&place) = out.get(ci)
                    && place.kind() == Some(EntityKind::Place)
                    && self.office_in(text, place.start as usize)
                    // Not another name of that place (`at Mukden (Shenyang)`).
                    && !matches!(
                        (place.ev(), self.lookup(text, i)),
                        (Evidence::Gazetteer(e), Some(m)) if m.entry == e
                    )
                {
                    out.push(Cand::new(
                        site,
                        t.start,
                        t.end,
                        Some(EntityKind::Person),
                        Evidence::Paren,
                    ));
                    last = None;
                    i += 1;
                    continue;
                }
                if let Some(next) = self.gloss(text, site, i, ci, paren, out) {
                    last = None;
                    i = next;
                    continue;
                }
                // `the League of Nations (Avenol)`: the office holder of an organization.
                if paren
                    && let Some(&office) = out.get(ci)
                    && office.kind() == Some(EntityKind::Organization)
                    && self.names_office(text, office.start as usize, office.end as usize)
                    && self.lookup(text, i).is_none()
                    && let Some(end) = self.name_tokens(text, i)
                    && self.last(end).has(tokens::CLOSE_PAREN)
                {
                    let e = self.last(end).end;
                    out.push(Cand::new(
                        site,
                        t.start,
                        e,
                        Some(EntityKind::Person),
                        Evidence::Paren,
                    ));
                    last = None;
                    i = end;
                    continue;
                }
            }
            let before = out.len();
            if t.has(tokens::CAP) {
                i = self.at(text, site, i, out);
            } else if let Some(end) = self.particle_person(text, i) {
                let e = self.last(end).end;
                out.push(Cand::new(
                    site,
                    t.start,
                    e,
                    Some(EntityKind::Person),
                    Evidence::PersonCue,
                ));
                i = end;
            } else {
                i += 1;
                continue;
            }
            let ci = out.len().saturating_sub(1);
            if out.len() > before
                && let Some(c) = out.last_mut()
            {
                if let Some((pi, pend)) = last
                    && pend <= c.start as usize
                    && is_list_gap(text.get(pend..c.start as usize).unwrap_or(""))
                {
                    let and = !text
                        .get(pend..c.start as usize)
                        .unwrap_or("")
                        .trim_matches([' ', ','])
                        .is_empty();
                    c.set_coord(pi as u32, and);
                }
                last = Some((ci, c.end as usize));
            }
        }
    }

    /// Apply the rules at capitalised token `i`; return the next token to look at.
    fn at(&mut self, text: &str, site: SiteId, i: usize, out: &mut Vec<Cand>) -> usize {
        let t = self.tok(i);
        if t.has(tokens::OPEN_PAREN)
            && let Some(end) = self.paren_person(text, i)
        {
            let (s, e) = (t.start, self.last(end).end);
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Person),
                Evidence::Paren,
            ));
            return end;
        }
        if let Some(end) = self.ship_name(text, i) {
            return end;
        }
        if let Some(end) = self.majesty_org(text, i) {
            return self.emit_org(text, site, i, end, out);
        }
        let org = self.org_run(text, i);
        let gaz = self.lookup(text, i);
        let gaz_len = gaz.map_or(0, |m| m.len);
        if let Some(end) = org
            && end - i > gaz_len
        {
            return self.emit_org(text, site, i, end, out);
        }
        if let Some(m) = gaz {
            let end = i + m.len;
            let entry = self.lex.entry(m.entry);
            let (s, e) = (t.start, self.last(end).end);
            let mut c = Cand::new(site, s, e, Some(entry.kind), Evidence::Gazetteer(m.entry));
            c.set_adjectival(m.adjectival);
            out.push(c);
            return end;
        }
        if self.is_title(text, i) || self.title_chain_start(text, i) {
            // `General Clause.` opening a sentence is a heading, not a general: a spelled-out
            // title and one word ending the sentence only count when the name is known from
            // elsewhere.
            if t.has(tokens::SENT) && !t.has(tokens::DOT_AFTER) {
                let before = out.len();
                let next = self.title_person(text, site, i, out);
                let short = next == i + 2
                    && (next == self.toks.len() || self.last(next).has(tokens::DOT_AFTER));
                if out.len() > before && short {
                    let c = out.last_mut().expect("pushed");
                    c.start = c.name_start();
                    c.set_kind(None);
                    c.set_ev(Evidence::Bare);
                }
                return next;
            }
            return self.title_person(text, site, i, out);
        }
        // `B. Naval Matters`: a lone letter opening a sentence labels a list item.
        // So is `I.` after `Part`.
        let numeral = i > 0
            && self.joined(text, i, false)
            && self.last(i).has(tokens::CAP)
            && self.is_stop(text, i - 1);
        // A given name written short (`Thos.`) is no label.
        let label = (t.has(tokens::SENT) || numeral)
            && t.has(tokens::INITIAL)
            && slice(text, t).chars().nth(2).is_none()
            && !self.toks.get(i + 1).is_some_and(|n| n.has(tokens::INITIAL));
        if label {
            // Unless the document names the person elsewhere (`J. Avenol` signing a letter).
            if let Some(end) = self.name_tokens(text, i) {
                let (s, e) = (t.start, self.last(end).end);
                out.push(Cand::new(site, s, e, None, Evidence::Bare));
                return end;
            }
            return i + 1;
        }
        if t.has(tokens::INITIAL)
            && let Some(end) = self.name_tokens(text, i)
        {
            let (s, e) = (t.start, self.last(end).end);
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Person),
                Evidence::Initials,
            ));
            return end;
        }
        if !t.has(tokens::ALLCAPS)
            && self.has(text, i, flag::GIVEN)
            && self.joined(text, i + 1, false)
            && let Some(end) = self.name_tokens(text, i + 1)
        {
            let (s, e) = (t.start, self.last(end).end);
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Person),
                Evidence::Initials,
            ));
            return end;
        }
        if self.has(text, i, flag::PLACE_PREFIX)
            && let Some(end) = self.prefixed_place(text, i)
        {
            let (s, e) = (t.start, self.last(end).end);
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Place),
                Evidence::PlaceAffix,
            ));
            return end;
        }
        self.bare(text, site, i, out)
    }

    /// True when an office stands before the place at byte `start`: a title or role, then `in`
    /// or `at` (`The Chargé in`, `the Consul General at`).
    fn office_in(&mut self, text: &str, start: usize) -> bool {
        let p = self.toks.partition_point(|t| t.start < start);
        let (Some(cue), Some(office)) = (p.checked_sub(1), p.checked_sub(2)) else {
            return false;
        };
        matches!(self.word(text, cue), "in" | "at")
            && self.joined(text, cue, false)
            && self.joined(text, p, false)
            && self.tok(office).has(tokens::CAP)
            && self.has(text, office, flag::TITLE | flag::ROLE)
    }

    /// `Field Marshal`, `Prime Minister`: a modifier followed by a title.
    fn title_chain_start(&mut self, text: &str, i: usize) -> bool {
        i + 1 < self.toks.len()
            && self.has(text, i, flag::TITLE_MODIFIER)
            && self.joined(text, i + 1, false)
            && self.is_title(text, i + 1)
    }

    /// Titles from `i`, then a name: a person whose mention includes the titles.
    fn title_person(&mut self, text: &str, site: SiteId, i: usize, out: &mut Vec<Cand>) -> usize {
        let n = self.toks.len();
        let mut k = i;
        while k < n
            && (k == i || self.joined(text, k, true))
            && (self.is_title(text, k) || self.title_chain_start(text, k))
        {
            k += 1;
        }
        if k < n
            && self.joined(text, k, true)
            && let Some(end) = self
                .name_tokens(text, k)
                .or_else(|| self.addressed_common_surname(text, i, k))
        {
            let mut c = Cand::new(
                site,
                self.tok(i).start,
                self.last(end).end,
                Some(EntityKind::Person),
                Evidence::Title,
            );
            c.set_name_start(offset(self.tok(k).start));
            out.push(c);
            return end;
        }
        k.max(i + 1)
    }

    /// A personal name from `k`: initials, particles and up to three capitalised words, ending
    /// in a capitalised word. Returns the end token (exclusive).
    pub(super) fn name_tokens(&mut self, text: &str, k: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut j = k;
        let mut caps = 0;
        let mut last_cap = None;
        let mut initials = false;
        while j < n {
            let t = self.tok(j);
            if j > k && !self.joined(text, j, false) {
                break;
            }
            if t.has(tokens::INITIAL) {
                initials = true;
                j += 1;
                continue;
            }
            if t.has(tokens::LOWER) {
                let particle = self.has(text, j, flag::PARTICLE);
                if particle && j + 1 < n && self.joined(text, j + 1, t.has(tokens::DOT_AFTER)) {
                    j += 1;
                    continue;
                }
                break;
            }
            if !t.has(tokens::CAP) || t.has(tokens::OPEN_PAREN | tokens::OPEN_BRACKET) && j > k {
                break;
            }
            if self.has(text, j, flag::MONTH) || is_roman(slice(text, t)) {
                break;
            }
            if self.is_stop(text, j) || self.is_title(text, j) {
                // `W. R. Day`, `Thos. Nelson Page`: a common word ends a name begun with
                // initials.
                if initials && self.common_surname(text, j) {
                    last_cap = Some(j + 1);
                    caps += 1;
                }
                break;
            }
            // `D. C. Notify Danes`: a people's name ends a person's.
            if j > k && self.lookup(text, j).is_some_and(|m| m.adjectival) {
                break;
            }
            caps += 1;
            j += 1;
            last_cap = Some(j);
            if t.has(tokens::POSS | tokens::COMMA_AFTER | tokens::DOT_AFTER)
                || t.has(tokens::CLOSE_PAREN | tokens::CLOSE_BRACKET)
                || caps == 3
            {
                break;
            }
        }
        if caps == 0 { None } else { last_cap }
    }

    /// `Mr. West`, `Mrs. Hall`: after a title of address, which only ever stands before a
    /// person's name, a common word that can be a surname is one. Titles run from `i` to `k`.
    fn addressed_common_surname(&mut self, text: &str, i: usize, k: usize) -> Option<usize> {
        let title = k.checked_sub(1).filter(|&t| t >= i)?;
        let addressed = matches!(
            self.word(text, title),
            "mr" | "mrs" | "miss" | "messrs" | "ms" | "mme" | "mlle" | "monsieur" | "madame"
        );
        (addressed && self.common_surname(text, k)).then_some(k + 1)
    }

    /// True when token `j` is a surname that is also a common word (`West`, `Day`, `Page`, from
    /// the gazetteer's list), capitalised, no start of a name the gazetteer knows (`West
    /// Indies`), and the name ends with it (no capitalised word follows it).
    fn common_surname(&mut self, text: &str, j: usize) -> bool {
        let t = self.tok(j);
        let next = self.tok(j + 1);
        t.has(tokens::CAP)
            && self.has(text, j, flag::COMMON_SURNAME)
            && self.lookup(text, j).is_none()
            && !(next.has(tokens::CAP) && self.joined(text, j + 1, false))
    }

    /// `Lake Baikal`, `Gulf of Pechili`.
    fn prefixed_place(&mut self, text: &str, i: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = i + 1;
        if k + 1 < n && self.joined(text, k, false) && self.word(text, k) == "of" {
            k += 1;
        }
        if k >= n || !self.joined(text, k, false) || !self.tok(k).has(tokens::CAP) {
            return None;
        }
        if self.is_stop(text, k) {
            return None;
        }
        // `Gulf of Saint Lawrence`: a name the gazetteer knows is taken whole.
        if let Some(m) = self.lookup(text, k) {
            return Some(k + m.len);
        }
        Some(k + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_gap_is_a_comma_or_a_conjunction_between_spaces() {
        for gap in [
            ",", ", ", "  and ", ", and ", " or", ", or  ", " nor ", ", nor",
        ] {
            assert!(is_list_gap(gap), "{gap:?}");
        }
        for gap in [
            "",
            "   ",
            ";",
            " and the ",
            ",\n",
            "\u{a0}and ",
            " band ",
            ", , ",
        ] {
            assert!(!is_list_gap(gap), "{gap:?}");
        }
    }

    #[test]
    fn a_candidate_keeps_what_it_is_given_in_24_bytes() {
        assert!(std::mem::size_of::<Cand>() <= 24);
        let evidence = [
            Evidence::Gazetteer(0),
            Evidence::Gazetteer(u32::MAX - 1),
            Evidence::Structure,
            Evidence::SignatureInitials,
            Evidence::Title,
            Evidence::Initials,
            Evidence::Paren,
            Evidence::OrgPattern,
            Evidence::PlaceAffix,
            Evidence::PlaceCue,
            Evidence::PersonCue,
            Evidence::Gloss,
            Evidence::Bare,
        ];
        let kinds = [
            None,
            Some(EntityKind::Place),
            Some(EntityKind::Person),
            Some(EntityKind::Organization),
        ];
        let site = SiteId::block(7).expect("a block");
        for ev in evidence {
            for kind in kinds {
                let mut c = Cand::new(site, 10, 30, kind, ev);
                assert_eq!((c.ev(), c.kind()), (ev, kind));
                assert_eq!((c.start, c.end, c.name_span()), (10, 30, 10..30));
                c.set_adjectival(true);
                c.set_coord(3, true);
                assert_eq!((c.ev(), c.kind()), (ev, kind), "flags leave the rest alone");
                assert!(c.adjectival() && !c.gloss() && c.coord_and());
                assert_eq!((c.coord(), c.link()), (Some(3), None));
                assert_eq!(c.site(), Site::Block(7));
            }
        }
    }

    #[test]
    fn a_title_moves_the_name_start_and_a_gazetteer_entry_does_not() {
        let site = SiteId::block(0).expect("a block");
        let mut c = Cand::new(site, 0, 20, Some(EntityKind::Person), Evidence::Title);
        c.set_name_start(4);
        assert_eq!(c.name_span(), 4..20);
        // Read as a bare name from its name on (`General Clause.`).
        c.start = c.name_start();
        c.set_ev(Evidence::Bare);
        assert_eq!((c.start, c.name_span()), (4, 4..20));
        let mut g = Cand::new(site, 5, 9, Some(EntityKind::Place), Evidence::Gazetteer(42));
        g.set_name_start(7);
        assert_eq!((g.ev(), g.name_span()), (Evidence::Gazetteer(42), 5..9));
        g.set_ev(Evidence::Bare);
        assert_eq!(g.name_span(), 5..9, "the entry is no name start");
    }

    #[test]
    fn a_gloss_keeps_its_link_and_joins_no_list() {
        let site = SiteId::block(0).expect("a block");
        let mut c = Cand::new(site, 0, 5, None, Evidence::Gloss);
        assert_eq!((c.link(), c.coord()), (None, None));
        c.set_link(9);
        c.set_gloss(true);
        c.set_coord(2, true);
        assert_eq!((c.link(), c.coord(), c.coord_and()), (Some(9), None, false));
        assert!(c.gloss());
    }

    #[test]
    fn sites_compare_as_fields_then_blocks_in_order() {
        let mut ids: Vec<SiteId> = (0..MetaField::DESCRIPTIVE.len())
            .filter_map(SiteId::field)
            .chain([0, 1, 500].into_iter().filter_map(SiteId::block))
            .collect();
        let sites: Vec<Site> = ids.iter().map(|s| s.site()).collect();
        assert!(ids.is_sorted() && sites.is_sorted());
        assert_eq!(sites[0], Site::Field(MetaField::DESCRIPTIVE[0]));
        assert_eq!(sites.last(), Some(&Site::Block(500)));
        ids.reverse();
        assert!(!ids.is_sorted());
        assert_eq!(SiteId::field(MetaField::DESCRIPTIVE.len()), None);
        assert_eq!(
            SiteId::block(u32::MAX as usize),
            None,
            "past the last block"
        );
    }
}
