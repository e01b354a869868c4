//! From candidates to entities: identify bare names by what the rest of the document says about
//! them, merge short and long forms of a person's name, link glosses, pick canonical names.

use super::HashMap;
use super::lexicon::Lexicon;
use super::scan::{Cand, Evidence};
use super::structure::signature_initials;
use super::{Entity, EntityKind};
use crate::document::Document;
use crate::document::{is_one_line, one_line};
use crate::fold::fold_into;
use std::hash::BuildHasher;

struct UnionFind(Vec<u32>);

// Every entry is an index into the same vector: `resolve` fills it with `0..n`, `union` only
// stores roots, and callers pass candidate indices `< n`.
#[allow(clippy::indexing_slicing)]
impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] as usize != x {
            let up = self.0[self.0[x] as usize];
            self.0[x] = up;
            x = up as usize;
        }
        x
    }
    /// Put each living candidate's group number in it ([`Cand::set_group`]), numbering
    /// groups in the order of their first living member, and `NONE` in a dead one; return how
    /// many groups there are.
    fn number(mut self, cands: &mut [Cand], alive: &[bool]) -> usize {
        // A parent precedes its child (`union` keeps the earlier root), so one pass in order
        // points every entry at its root.
        for i in 0..self.0.len() {
            let parent = self.0[i] as usize;
            self.0[i] = self.0[parent];
        }
        let mut groups = 0;
        for i in 0..cands.len() {
            let root = self.0[i] as usize;
            let live = alive[i];
            // A root, once passed, holds its group's number (`NONE` while it has no living
            // member), even a dead root.
            let mut g = if root == i { NONE } else { cands[root].group() };
            if g == NONE && live {
                g = groups;
                groups += 1;
                cands[root].set_group(g);
            }
            cands[i].set_group(if live { g } else { NONE });
        }
        for (c, &live) in cands.iter_mut().zip(alive) {
            if !live {
                c.set_group(NONE);
            }
        }
        groups as usize
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier candidate stays the root, so groups keep document order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo as u32;
        }
    }
}

/// Interned folded names, each stored once: all of them in one string, found by their hash
/// (names with the same hash are chained), not by a second copy of each as a map key.
#[derive(Default)]
struct Keys {
    /// The last key given for each hash; `next` leads to the one before it with that hash.
    by_hash: HashMap<u64, u32>,
    next: Vec<u32>,
    /// The names one after another; key `k` ends at `ends[k]`, where key `k + 1` starts.
    text: String,
    ends: Vec<usize>,
    /// The key of each key's surname, once computed.
    surnames: Vec<u32>,
    /// The given initials of each key (see [`given_initials`]), once computed.
    initials: Vec<u64>,
    scratch: String,
}

// A key is an index into `next`, `ends`, `surnames` and `initials`, which `id` grows together.
#[allow(clippy::indexing_slicing)]
impl Keys {
    fn id(&mut self, folded: &str) -> u32 {
        let hash = foldhash::fast::FixedState::default().hash_one(folded);
        let last = self.by_hash.get(&hash).copied().unwrap_or(NONE);
        let mut k = last;
        while k != NONE {
            if self.name(k) == folded {
                return k;
            }
            k = self.next[k as usize];
        }
        let id = self.ends.len() as u32;
        self.text.push_str(folded);
        self.ends.push(self.text.len());
        self.next.push(last);
        self.by_hash.insert(hash, id);
        self.surnames.push(u32::MAX);
        self.initials.push(u64::MAX);
        id
    }
    /// The given initials of the name with key `k`.
    fn initials(&mut self, k: u32) -> u64 {
        let memo = self.initials[k as usize];
        if memo != u64::MAX {
            return memo;
        }
        let v = given_initials(self.name(k));
        self.initials[k as usize] = v;
        v
    }
    /// The key of the surname of the name with key `k` (adding it if new).
    fn surname(&mut self, k: u32) -> u32 {
        let memo = self.surnames[k as usize];
        if memo != u32::MAX {
            return memo;
        }
        let mut name = std::mem::take(&mut self.scratch);
        name.clear();
        name.push_str(surname(self.name(k)));
        let s = self.id(&name);
        self.scratch = name;
        self.surnames[k as usize] = s;
        s
    }
    /// The folded name with key `k`.
    fn name(&self, k: u32) -> &str {
        let k = k as usize;
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p]);
        self.text.get(start..self.ends[k]).unwrap_or("")
    }
    fn is_one_word(&self, k: u32) -> bool {
        !self.name(k).contains(' ')
    }
}

fn name_text<'a>(doc: &'a Document, c: &Cand) -> &'a str {
    c.site().text(doc).get(c.name_span()).unwrap_or("")
}

/// The last word of a folded name that is not an initial: its surname.
fn surname(folded: &str) -> &str {
    folded
        .rsplit(' ')
        .find(|w| !w.ends_with('.') && w.chars().count() > 1)
        .unwrap_or(folded)
}

/// `W. A. Harriman` → `WAH`; particles are skipped.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// No candidate, no group.
const NONE: u32 = u32::MAX;

/// The first candidate seen with each key (a name's key or a gazetteer entry): a vector
/// indexed by the key, which is dense, rather than a hash map looked up for every candidate.
#[derive(Default)]
struct FirstOf(Vec<u32>);

impl FirstOf {
    fn get(&self, k: u32) -> Option<usize> {
        self.0
            .get(k as usize)
            .filter(|&&i| i != NONE)
            .map(|&i| i as usize)
    }

    /// The first candidate with key `k`, which is `i` when there was none.
    fn first(&mut self, k: u32, i: usize) -> usize {
        let k = k as usize;
        if k >= self.0.len() {
            self.0.resize(k + 1, NONE);
        }
        match self.0.get_mut(k) {
            Some(slot) if *slot == NONE => {
                *slot = i as u32;
                i
            }
            Some(slot) => *slot as usize,
            None => i,
        }
    }
}

/// The key of a candidate's name. A name is folded once per spelling (`spelled`), not once
/// per mention: most mentions repeat a spelling the document used before.
fn intern<'a>(
    doc: &'a Document,
    c: &Cand,
    spelled: &mut HashMap<&'a str, u32>,
    keys: &mut Keys,
    buf: &mut String,
) -> u32 {
    let text = name_text(doc, c);
    if let Some(&k) = spelled.get(text) {
        return k;
    }
    fold_into(text, buf);
    let k = keys.id(buf);
    spelled.insert(text, k);
    k
}

// `key_of`, `kind`, `alive`, `chain`, `conj` and the union-find hold one entry per candidate;
// every index here is a candidate index (from `enumerate`, a range `0..n` or a map of candidate
// indices), so `< n`.
#[allow(clippy::indexing_slicing)]
pub fn resolve(doc: &Document, lex: &Lexicon, mut cands: Vec<Cand>) -> Vec<Entity> {
    let n = cands.len();
    let mut keys = Keys::default();
    let mut buf = String::new();
    let mut uf = UnionFind((0..n as u32).collect());
    let mut alive = vec![true; n];
    let mut kind: Vec<Option<EntityKind>> = Vec::with_capacity(n);
    let mut key_of = Vec::with_capacity(n);
    let mut spelled: HashMap<&str, u32> = HashMap::default();
    // Each candidate in a list after another, with that other: the list passes below walk
    // these, not every candidate.
    let mut pairs: Vec<(u32, u32)> = Vec::new();

    // One pass over the candidates: each name's key; glosses joined to what they gloss;
    // strong candidates grouped by gazetteer entry, by person surname, by name; the first
    // person of each name by initials (signature initials like `WAH` name the first person
    // with those initials).
    let mut by_entry = FirstOf::default();
    let mut by_name: [FirstOf; 3] = Default::default();
    let by_name_of = |k: EntityKind| k as usize;
    let mut by_surname = FirstOf::default();
    let mut known = FirstOf::default();
    let mut by_org_place: HashMap<(u32, u32), usize> = HashMap::default();
    let mut people = People::default();
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    let mut seen_names = FirstOf::default();
    for (i, c) in cands.iter().enumerate() {
        let key = intern(doc, c, &mut spelled, &mut keys, &mut buf);
        key_of.push(key);
        kind.push(c.kind());
        if let Some(j) = c.link() {
            uf.union(j as usize, i);
        }
        if let Some(j) = c.coord() {
            pairs.push((i as u32, j));
        }
        let ev = c.ev();
        if c.kind() == Some(EntityKind::Person)
            && !matches!(ev, Evidence::SignatureInitials | Evidence::Bare)
            && seen_names.first(key, i) == i
        {
            by_initials.entry(initials(name_text(doc, c))).or_insert(i);
        }
        if matches!(
            ev,
            Evidence::Bare | Evidence::PlaceCue | Evidence::Gloss | Evidence::SignatureInitials
        ) {
            continue;
        }
        let Some(k) = c.kind() else { continue };
        known.first(key, i);
        match ev {
            Evidence::Gazetteer(e) if k != EntityKind::Person => {
                let first = by_entry.first(e, i);
                uf.union(first, i);
            }
            _ if k == EntityKind::Person => {
                let s = keys.surname(key);
                by_surname.first(s, i);
                let first = people.join(s, keys.initials(key), i);
                uf.union(first, i);
                known.first(s, i);
            }
            _ => {
                let first = by_name[by_name_of(k)].first(key, i);
                uf.union(first, i);
                if let Some((entry, rest)) = org_place_key(doc, lex, &cands, i, &mut buf) {
                    let rest = keys.id(&rest);
                    let first = *by_org_place.entry((entry, rest)).or_insert(i);
                    uf.union(first, i);
                }
            }
        }
    }
    drop((spelled, seen_names));

    // Weak candidates: named elsewhere in the document, or a place by their cue.
    let mut placed = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let ev = c.ev();
        match ev {
            Evidence::Bare | Evidence::PlaceCue => {
                let hit = known.get(key_of[i]).or_else(|| {
                    let s = keys.surname(key_of[i]);
                    let j = by_surname.get(s)?;
                    (!keys.is_one_word(key_of[i]) || s == key_of[i]).then_some(j)
                });
                match hit {
                    Some(j) => {
                        kind[i] = kind[j];
                        uf.union(j, i);
                    }
                    None if ev == Evidence::PlaceCue => {
                        let first = by_name[by_name_of(EntityKind::Place)].first(key_of[i], i);
                        uf.union(first, i);
                        placed.push(i);
                    }
                    None => alive[i] = false,
                }
            }
            Evidence::SignatureInitials => match signature_initials(name_text(doc, c))
                .and_then(|letters| by_initials.get(&letters))
            {
                Some(&j) => uf.union(j, i),
                None => alive[i] = false,
            },
            _ => {}
        }
    }
    // A name placed by a cue is that place wherever else it stands bare.
    for &i in &placed {
        known.first(key_of[i], i);
    }
    // Lists: a bare name in a list with people or places is one of them (`Lloyd George and
    // Curzon`, `Tongku, Lutai and Changli`), and so are its other mentions. A forward pass
    // carries a kind rightwards along a list, a backward pass leftwards. A name the document
    // already gives a kind keeps it.
    let mut listed = !placed.is_empty();
    // `Gilchrist, Librarian of the Commission`: a comma alone may set off an apposition; a
    // list has an `and` or an `or` somewhere.
    let conj = conjoined(n, &pairs, &cands);
    for forward in [true, false] {
        let order: Box<dyn Iterator<Item = &(u32, u32)>> = if forward {
            Box::new(pairs.iter())
        } else {
            Box::new(pairs.iter().rev())
        };
        for &(i, j) in order {
            let (i, j) = (i as usize, j as usize);
            let (a, b) = if forward { (i, j) } else { (j, i) };
            // A bare name that a list has named elsewhere meanwhile is that entity.
            for x in [a, b] {
                if !alive[x]
                    && cands[x].ev() == Evidence::Bare
                    && let Some(y) = known.get(key_of[x])
                {
                    alive[x] = true;
                    kind[x] = kind[y];
                    uf.union(y, x);
                }
            }
            // `Kurdish and Assyrian areas`: an adjective lists no name.
            let pending =
                !alive[a] && conj[i] && cands[a].ev() == Evidence::Bare && !cands[b].adjectival();
            let Some(k) = kind[b].filter(|k| *k != EntityKind::Organization) else {
                continue;
            };
            if !pending || !alive[b] {
                continue;
            }
            kind[a] = Some(k);
            alive[a] = true;
            listed = true;
            if k == EntityKind::Person {
                let s = keys.surname(key_of[a]);
                let first = by_surname.first(s, a);
                uf.union(first, a);
                known.first(s, a);
            } else {
                let first = by_name[by_name_of(k)].first(key_of[a], a);
                uf.union(first, a);
            }
            known.first(key_of[a], a);
        }
    }
    drop(conj);
    // `Siku, Tientsin`, `Monclova, Mexico`: a bare name set off by a comma before a known
    // place, with no list going on, lies in that place.
    let mut continued = vec![false; n];
    for &(_, j) in &pairs {
        continued[j as usize] = true;
    }
    for &(i, a) in &pairs {
        let (i, a) = (i as usize, a as usize);
        let c = &cands[i];
        let known_place = matches!(c.ev(), Evidence::Gazetteer(_))
            && kind[i] == Some(EntityKind::Place)
            && !c.adjectival();
        if known_place
            && !c.coord_and()
            && !continued[i]
            && cands[a].coord().is_none()
            && !alive[a]
            && cands[a].ev() == Evidence::Bare
        {
            alive[a] = true;
            kind[a] = Some(EntityKind::Place);
            let first = by_name[by_name_of(EntityKind::Place)].first(key_of[a], a);
            uf.union(first, a);
            known.first(key_of[a], a);
            listed = true;
        }
    }
    drop((continued, pairs));
    if listed {
        for (i, c) in cands.iter().enumerate() {
            if !alive[i]
                && c.ev() == Evidence::Bare
                && let Some(j) = known.get(key_of[i])
            {
                alive[i] = true;
                kind[i] = kind[j];
                uf.union(j, i);
            }
        }
    }
    drop((
        by_entry,
        by_name,
        by_surname,
        known,
        by_org_place,
        people,
        by_initials,
    ));
    merge_inner_surnames(&keys, &cands, &kind, &alive, &key_of, &mut uf);

    // Number the groups in the order of their first living member; a dead candidate has none.
    let groups = uf.number(&mut cands, &alive);
    drop(alive);
    let gathered = gather(doc, lex, &cands, &kind, &key_of, &keys, groups);
    drop((kind, key_of));
    build(lex, cands, gathered)
}

/// For each candidate, whether the list it is in (if any) joins two of its names with `and`,
/// `or` or `nor` somewhere. A candidate's list predecessor comes before it, so the answer
/// flows along each list: from its start to every member (what the members before say), back
/// to the start (what the members after say), and down to every member again.
// `pairs` holds, in order, each candidate `i < n` with a list predecessor `j < i`.
#[allow(clippy::indexing_slicing)]
fn conjoined(n: usize, pairs: &[(u32, u32)], cands: &[Cand]) -> Vec<bool> {
    let mut conj = vec![false; n];
    for &(i, j) in pairs {
        let (i, j) = (i as usize, j as usize);
        conj[i] = cands[i].coord_and() || conj[j];
    }
    for &(i, j) in pairs.iter().rev() {
        conj[j as usize] |= conj[i as usize];
    }
    for &(i, j) in pairs {
        conj[i as usize] = conj[j as usize];
    }
    conj
}

/// People grouped by surname and given initials: `J. F. Dulles` and `John Foster Dulles` are
/// one, `A. W. Dulles` another (no initial in common); `W. A. Harriman` and `Averell Harriman`
/// one. A name without a given name joins the first of its surname.
#[derive(Default)]
struct People {
    /// Per surname key: the initials seen in each group (a bit per letter) and its first
    /// candidate.
    groups: HashMap<u32, Vec<(u64, usize)>>,
}

impl People {
    /// The first candidate of the group that candidate `i` (surname key `s`, given initials
    /// `initials`) joins.
    fn join(&mut self, s: u32, initials: u64, i: usize) -> usize {
        let groups = self.groups.entry(s).or_default();
        if initials == 0 {
            return match groups.first() {
                Some(&(_, first)) => first,
                None => {
                    groups.push((0, i));
                    i
                }
            };
        }
        if let Some((mask, first)) = groups.iter_mut().find(|(m, _)| *m & initials != 0) {
            *mask |= initials;
            return *first;
        }
        // A surname seen alone so far takes the first given names that come.
        if let [(mask @ 0, first)] = groups.as_mut_slice() {
            *mask = initials;
            return *first;
        }
        groups.push((initials, i));
        i
    }
}

/// The initials of a folded name's given names, a bit per letter (particles and `M.`, which in
/// diplomatic letters is Monsieur more often than an initial, left out).
fn given_initials(folded: &str) -> u64 {
    let s = surname(folded);
    let mut words: Vec<&str> = folded.split(' ').collect();
    if let Some(at) = words.iter().rposition(|w| *w == s) {
        words.truncate(at);
    }
    let mut mask = 0;
    for w in words {
        let skip = matches!(
            w,
            "de" | "da"
                | "di"
                | "du"
                | "del"
                | "della"
                | "des"
                | "van"
                | "von"
                | "der"
                | "den"
                | "la"
                | "le"
                | "y"
                | "m."
        );
        if let Some(c) = w.chars().next().filter(|_| !skip) {
            mask |= 1 << (c as u32 % 64);
        }
    }
    mask
}

/// `Government of Brazil`, `Brazilian Government`, `Brazil Government`: the same organization
/// words around one known place name one body. Returns the place's entry and the other words,
/// folded, without `of` and `the`.
fn org_place_key(
    doc: &Document,
    lex: &Lexicon,
    cands: &[Cand],
    i: usize,
    buf: &mut String,
) -> Option<(u32, String)> {
    let c = cands.get(i)?;
    if c.ev() != Evidence::OrgPattern {
        return None;
    }
    let mut entry = None;
    let mut spans = Vec::new();
    for p in cands.get(..i)?.iter().rev() {
        if p.site_id() != c.site_id() || p.start < c.start || p.end > c.end {
            break;
        }
        if let Evidence::Gazetteer(e) = p.ev()
            && lex.entry(e).kind == EntityKind::Place
        {
            if entry.is_some_and(|x| x != e) {
                return None;
            }
            entry = Some(e);
            spans.push(((p.start - c.start) as usize, (p.end - c.start) as usize));
        }
    }
    let entry = entry?;
    let text = name_text(doc, c);
    let mut rest = String::new();
    let mut at = 0;
    for &(s, e) in spans.iter().rev() {
        rest.push_str(text.get(at..s)?);
        rest.push(' ');
        at = e;
    }
    rest.push_str(text.get(at..)?);
    fold_into(&rest, buf);
    let words: Vec<&str> = buf
        .split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | ""))
        .collect();
    Some((entry, words.join(" ")))
}

/// `Vargas` and `Alberto Vargas Nariño`: a one-word name that is an inner word of exactly one
/// longer name (and the surname of none) is that person.
fn merge_inner_surnames(
    keys: &Keys,
    cands: &[Cand],
    kind: &[Option<EntityKind>],
    alive: &[bool],
    key_of: &[u32],
    uf: &mut UnionFind,
) {
    let mut seen: super::HashSet<u32> = Default::default();
    // Each person's name folded: its key's name.
    let persons: Vec<(usize, &str)> = cands
        .iter()
        .zip(kind.iter().zip(alive).zip(key_of))
        .enumerate()
        .filter(|(_, (_, ((k, a), key)))| {
            **a && **k == Some(EntityKind::Person) && seen.insert(**key)
        })
        .map(|(i, (_, (_, key)))| (i, keys.name(*key)))
        .collect();
    let mut surnames: super::HashSet<&str> = Default::default();
    // Inner word → (first name that has it, how many names have it).
    let mut inner: HashMap<&str, (usize, usize)> = HashMap::default();
    let mut singles: Vec<(usize, &str)> = Vec::new();
    let mut single_seen: super::HashSet<&str> = Default::default();
    for &(i, f) in &persons {
        if !f.contains(' ') {
            if single_seen.insert(f) {
                singles.push((i, f));
            }
            continue;
        }
        surnames.insert(surname(f));
        let words: Vec<&str> = f.split(' ').collect();
        let Some(middle) = words.get(1..words.len().saturating_sub(1)) else {
            continue;
        };
        let mut counted: Vec<&str> = Vec::with_capacity(middle.len());
        for &w in middle {
            if counted.contains(&w) {
                continue;
            }
            counted.push(w);
            inner.entry(w).or_insert((i, 0)).1 += 1;
        }
    }
    for (i, single) in singles {
        if surnames.contains(single) {
            continue;
        }
        if let Some(&(j, 1)) = inner.get(single) {
            uf.union(j, i);
        }
    }
}

/// How a name is written in one group, and how often.
struct Form<'a> {
    text: &'a str,
    /// The text folded (every text of a form folds alike: the form is a key).
    folded: &'a str,
    count: usize,
    structural: bool,
    gloss_only: bool,
    adjectival: bool,
    allcaps: bool,
}

fn is_allcaps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// How strong a candidate's evidence is (0 the strongest): the strongest decides a group's
/// kind.
fn rank(ev: Evidence) -> u8 {
    match ev {
        Evidence::Gazetteer(_) => 0,
        Evidence::Structure => 1,
        Evidence::Title | Evidence::Initials | Evidence::OrgPattern | Evidence::Paren => 2,
        Evidence::PlaceAffix | Evidence::PersonCue => 3,
        Evidence::SignatureInitials => 4,
        Evidence::PlaceCue => 5,
        Evidence::Gloss | Evidence::Bare => 6,
    }
}

/// What the members of one group say about it, gathered in one pass over the candidates.
struct Group<'a> {
    /// The rank and kind of the first member with the strongest evidence that has a kind.
    best: Option<(u8, EntityKind)>,
    /// The first gazetteer entry of each kind the members name.
    entries: [u32; 3],
    /// Each spelling (by key) and how the group writes it, in the order of first use.
    forms: Vec<(u32, Form<'a>)>,
    members: usize,
}

/// Gather each group's members (in candidate order): its evidence, entries and spellings.
// `cands`, `kind` and `key_of` have one entry per candidate, and a group number is `< groups`.
#[allow(clippy::indexing_slicing)]
fn gather<'a>(
    doc: &'a Document,
    lex: &Lexicon,
    cands: &[Cand],
    kind: &[Option<EntityKind>],
    key_of: &[u32],
    keys: &'a Keys,
    groups: usize,
) -> Vec<Group<'a>> {
    let mut out: Vec<Group> = (0..groups)
        .map(|_| Group {
            best: None,
            entries: [NONE; 3],
            forms: Vec::new(),
            members: 0,
        })
        .collect();
    for (i, c) in cands.iter().enumerate() {
        let g = c.group();
        if g == NONE {
            continue;
        }
        let group = &mut out[g as usize];
        group.members += 1;
        let ev = c.ev();
        if let Some(k) = kind[i] {
            let r = rank(ev);
            if group.best.is_none_or(|(best, _)| r < best) {
                group.best = Some((r, k));
            }
        }
        if let Evidence::Gazetteer(e) = ev {
            let slot = &mut group.entries[lex.entry(e).kind as usize];
            if *slot == NONE {
                *slot = e;
            }
        }
        if ev == Evidence::SignatureInitials {
            continue;
        }
        let structural = ev == Evidence::Structure;
        // Touch the text only for a new spelling: reading it for every mention of a large
        // document costs more than everything else here.
        match group.forms.iter_mut().find(|(key, _)| *key == key_of[i]) {
            Some((_, f)) => {
                f.count += 1;
                f.structural |= structural;
                f.gloss_only &= c.gloss();
                if f.allcaps {
                    let text = name_text(doc, c);
                    if !is_allcaps(text) {
                        f.text = text;
                        f.allcaps = false;
                    }
                }
            }
            None => {
                let text = name_text(doc, c);
                group.forms.push((
                    key_of[i],
                    Form {
                        text,
                        folded: keys.name(key_of[i]),
                        count: 1,
                        structural,
                        gloss_only: c.gloss(),
                        adjectival: c.adjectival(),
                        allcaps: is_allcaps(text),
                    },
                ));
            }
        }
    }
    out
}

/// The entities of the gathered groups, with their mentions from the candidates; in the
/// order of kinds, then of first mentions.
// A group number indexes `slot`, and a slot indexes `entities`.
#[allow(clippy::indexing_slicing)]
fn build(lex: &Lexicon, cands: Vec<Cand>, groups: Vec<Group>) -> Vec<Entity> {
    // Each group's entity, named before any mention is copied.
    let mut slot = vec![NONE; groups.len()];
    let mut entities = Vec::new();
    for (g, group) in groups.into_iter().enumerate() {
        let Some((_, k)) = group.best else {
            continue;
        };
        let entry = Some(group.entries[k as usize])
            .filter(|&e| e != NONE)
            .map(|e| lex.entry(e));
        if let Some((name, aliases)) = name(k, entry, &group.forms) {
            slot[g] = entities.len() as u32;
            entities.push(Entity {
                kind: k,
                name,
                aliases,
                mentions: Vec::with_capacity(group.members),
            });
        }
    }
    // Copy the mentions from the last candidate back, giving the candidates' memory back as
    // the mentions take theirs: a large document has millions of both.
    let mut cands = cands;
    while !cands.is_empty() {
        let from = cands.len().saturating_sub(1 << 16);
        for c in cands.get(from..).unwrap_or_default().iter().rev() {
            let g = c.group();
            if g != NONE && slot[g as usize] != NONE {
                entities[slot[g as usize] as usize]
                    .mentions
                    .push(c.mention());
            }
        }
        cands.truncate(from);
        if cands.capacity() - from >= (from / 8).max(1 << 16) {
            cands.shrink_to_fit();
        }
    }
    for e in &mut entities {
        e.mentions.reverse();
        if !e.mentions.is_sorted() {
            // Runs of mentions in order (each pass of the rules): a stable sort merges them.
            e.mentions.sort();
        }
        e.mentions
            .dedup_by(|a, b| a.site == b.site && a.start == b.start && a.end == b.end);
    }
    entities.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.mentions[0].cmp(&b.mentions[0])));
    entities
}

/// The name and aliases of an entity of kind `k` written in `forms`, named by gazetteer
/// `entry` if any; `None` when the group has no name to give.
fn name(
    k: EntityKind,
    entry: Option<&super::lexicon::Entry>,
    forms: &[(u32, Form)],
) -> Option<(String, Vec<String>)> {
    let words = |s: &str| s.split_whitespace().count();
    let names: Vec<&Form> = forms
        .iter()
        .map(|(_, f)| f)
        .filter(|f| !f.adjectival)
        .collect();
    let pick = match k {
        // The fullest form; one in capitals only (`WILLIAM H. SEWARD`, a signature) in the
        // document's case when the document also writes the name in lowercase letters.
        EntityKind::Person => {
            // Of two forms as long, the one with more words written out (`Victor Andres
            // Belaunde` before `V. A. Belaunde`).
            let spelled = |s: &str| s.split_whitespace().filter(|w| !w.ends_with('.')).count();
            let rank = |f: &&&Form| (words(f.text), spelled(f.text), f.structural, f.count);
            let full = names.iter().filter(|f| f.allcaps).max_by_key(rank);
            let mixed = names.iter().filter(|f| !f.allcaps).max_by_key(rank);
            match (full, mixed) {
                (Some(full), Some(mixed)) if words(full.text) > words(mixed.text) => {
                    Some(recase(full.text, &names))
                }
                (_, Some(f)) | (Some(f), None) => Some(f.text.to_string()),
                (None, None) => None,
            }
        }
        // The form the document uses most; of two as frequent, the gazetteer's name, then
        // the shorter (`Brazilian Government` before `Government of Brazil`).
        _ => {
            let entry_name = entry.map(|e| super::fold(&e.name));
            let listed = |f: &Form| entry_name.as_ref().is_some_and(|e| f.folded == e);
            names
                .iter()
                .max_by_key(|f| {
                    let w = words(f.text);
                    (
                        !f.gloss_only,
                        !f.allcaps,
                        f.count,
                        listed(f),
                        usize::MAX - w,
                    )
                })
                .map(|f| {
                    let e = entry.filter(|_| listed(f));
                    e.map_or_else(|| f.text.to_string(), |e| e.name.clone())
                })
        }
    };
    let name = match entry {
        Some(e) if k == EntityKind::Organization => e.name.clone(),
        Some(e) if k == EntityKind::Place => pick.unwrap_or_else(|| e.name.clone()),
        _ => pick?,
    };
    let name = if is_one_line(&name) {
        name
    } else {
        one_line(&name)
    };

    let mut aliases: Vec<String> = Vec::new();
    let folded_name = super::fold(&name);
    // Folded: the name, then each alias.
    let mut seen = vec![folded_name.clone()];
    // Where each alias's folded form is in `seen`.
    let mut alias_folds: Vec<usize> = Vec::new();
    // Each form with its folded text when that is known, then the modern name.
    let mut candidates: Vec<(&str, Option<&str>)> =
        names.iter().map(|f| (f.text, Some(f.folded))).collect();
    if let Some(m) = entry.and_then(|e| e.modern.as_deref()) {
        candidates.push((m, None));
    }
    for (a, folded) in candidates {
        // Most forms are written with single spaces already (their folded text is then the
        // form's), and most fold to a name seen before: copy a form only once it is an alias.
        let squashed;
        let (a, folded) = if is_one_line(a) {
            (a, folded)
        } else {
            squashed = one_line(a);
            (squashed.as_str(), None)
        };
        if folded.is_some_and(|f| seen.iter().any(|s| s == f)) {
            continue;
        }
        let f = folded.map_or_else(|| super::fold(a), str::to_string);
        if seen.contains(&f) {
            continue;
        }
        if k == EntityKind::Person && is_token_suffix(&f, &folded_name) {
            seen.push(f);
            continue;
        }
        aliases.push(a.to_string());
        seen.push(f);
        alias_folds.push(seen.len() - 1);
    }
    // A short form that ends a longer alias adds nothing (`Harriman` beside `Averell Harriman`).
    // Aliases differ in their folded forms, so no alias is a token suffix of itself.
    if k == EntityKind::Person {
        let folds: Vec<&str> = alias_folds
            .iter()
            .map(|&x| seen.get(x).map_or("", String::as_str))
            .collect();
        let mut keep = folds
            .iter()
            .map(|f| !folds.iter().any(|g| is_token_suffix(f, g)))
            .collect::<Vec<_>>()
            .into_iter();
        aliases.retain(|_| keep.next().unwrap_or(true));
    }
    Some((name, aliases))
}

/// `WILLIAM H. SEWARD` → `William H. Seward`: each word as another form of the name writes it
/// (`Seward`), else with its first letter a capital and the rest lowercase.
fn recase(text: &str, forms: &[&Form]) -> String {
    let mixed: Vec<&str> = forms
        .iter()
        .filter(|f| !f.allcaps)
        .flat_map(|f| f.text.split_whitespace())
        .collect();
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let f = super::fold(w);
            if let Some(m) = mixed.iter().find(|m| super::fold(m) == f) {
                return (*m).to_string();
            }
            let mut c = w.chars();
            c.next()
                .map(|first| {
                    first
                        .to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    words.join(" ")
}

/// `harriman` and `a. harriman` are token suffixes of `w. a. harriman`.
fn is_token_suffix(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::scan::SiteId;

    #[test]
    fn a_name_keeps_its_key_and_its_surname_is_a_name_of_its_own() {
        let mut keys = Keys::default();
        let names: Vec<String> = (0..5000).map(|n| format!("w. a. harriman {n}")).collect();
        let ids: Vec<u32> = names.iter().map(|n| keys.id(n)).collect();
        let harriman = keys.id("w. a. harriman");
        for (n, &k) in names.iter().zip(&ids) {
            assert_eq!(keys.id(n), k, "{n}");
            assert_eq!(keys.name(k), n);
        }
        assert_eq!(
            ids,
            (0..5000).collect::<Vec<u32>>(),
            "keys are given in order"
        );
        assert_eq!(keys.name(harriman), "w. a. harriman");
        let s = keys.surname(harriman);
        assert_eq!(keys.id("harriman"), s);
        assert_eq!(keys.name(s), "harriman");
        assert!(keys.is_one_word(s) && !keys.is_one_word(harriman));
        assert_eq!(keys.surname(s), s);
        assert_eq!(keys.id(""), keys.id(""));
    }

    #[test]
    fn groups_are_numbered_by_their_first_living_member_and_the_dead_have_none() {
        let site = SiteId::block(0).expect("a block");
        let mut cands: Vec<Cand> = (0..6)
            .map(|i| Cand::new(site, i, i + 1, None, Evidence::Bare))
            .collect();
        let mut uf = UnionFind((0..6).collect());
        // {0, 3, 5} with 0 dead, {1, 4} all dead, {2} alone.
        uf.union(0, 3);
        uf.union(5, 3);
        uf.union(1, 4);
        let alive = [false, false, true, true, false, true];
        assert_eq!(uf.number(&mut cands, &alive), 2);
        let groups: Vec<u32> = cands.iter().map(Cand::group).collect();
        assert_eq!(groups, [NONE, NONE, 0, 1, NONE, 1]);
    }

    #[test]
    fn an_and_anywhere_in_a_list_makes_every_member_listed() {
        let site = SiteId::block(0).expect("a block");
        let mut cands: Vec<Cand> = (0..6)
            .map(|i| Cand::new(site, i, i + 1, None, Evidence::Bare))
            .collect();
        // `A, B and C`; `D, E` (a comma alone); `F` in no list.
        cands[1].set_coord(0, false);
        cands[2].set_coord(1, true);
        cands[4].set_coord(3, false);
        let pairs: Vec<(u32, u32)> = cands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some((i as u32, c.coord()?)))
            .collect();
        assert_eq!(
            conjoined(cands.len(), &pairs, &cands),
            [true, true, true, false, false, false]
        );
    }
}
