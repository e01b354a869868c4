//! From candidates to entities: identify bare names by what the rest of the document says about
//! them, merge short and long forms of a person's name, link glosses, pick canonical names.

use super::fold::fold_into;
use super::lexicon::FxMap as HashMap;
use super::lexicon::Lexicon;
use super::scan::{Cand, Evidence};
use super::{Entity, EntityKind, Mention};
use crate::document::Document;

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
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier candidate stays the root, so groups keep document order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo as u32;
        }
    }
}

/// Interned folded names.
#[derive(Default)]
struct Keys {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// The key of each key's surname, once computed.
    surnames: Vec<u32>,
}

// A key is an index into `names` and `surnames`, which `id` grows together.
#[allow(clippy::indexing_slicing)]
impl Keys {
    fn id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(folded.into(), id);
        self.names.push(folded.into());
        self.surnames.push(u32::MAX);
        id
    }
    /// The key of the surname of the name with key `k` (adding it if new).
    fn surname(&mut self, k: u32) -> u32 {
        let memo = self.surnames[k as usize];
        if memo != u32::MAX {
            return memo;
        }
        let name = self.names[k as usize].clone();
        let s = self.id(surname(&name));
        self.surnames[k as usize] = s;
        s
    }
    fn is_one_word(&self, k: u32) -> bool {
        !self.names[k as usize].contains(' ')
    }
}

fn name_text<'a>(doc: &'a Document, c: &Cand) -> &'a str {
    c.site.text(doc).get(c.name_start..c.name_end).unwrap_or("")
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

// `key_of`, `kind`, `alive` and the union-find hold one entry per candidate; every index here
// is a candidate index (from `enumerate` or from a map of candidate indices), so `< n`.
#[allow(clippy::indexing_slicing)]
pub fn resolve(doc: &Document, lex: &Lexicon, cands: Vec<Cand>) -> Vec<Entity> {
    let n = cands.len();
    let mut keys = Keys::default();
    let mut buf = String::new();
    let mut key_of = Vec::with_capacity(n);
    for c in &cands {
        fold_into(name_text(doc, c), &mut buf);
        key_of.push(keys.id(&buf));
    }
    let mut uf = UnionFind((0..n as u32).collect());
    let mut kind: Vec<Option<EntityKind>> = cands.iter().map(|c| c.kind).collect();
    let mut alive = vec![true; n];

    // Strong candidates: group by gazetteer entry, by person surname, by name.
    let mut by_entry: HashMap<u32, usize> = HashMap::default();
    let mut by_name: HashMap<(EntityKind, u32), usize> = HashMap::default();
    let mut by_surname: HashMap<u32, usize> = HashMap::default();
    let mut known: HashMap<u32, usize> = HashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if matches!(
            c.ev,
            Evidence::Bare | Evidence::PlaceCue | Evidence::Gloss | Evidence::SignatureInitials
        ) {
            continue;
        }
        let Some(k) = c.kind else { continue };
        known.entry(key_of[i]).or_insert(i);
        match c.ev {
            Evidence::Gazetteer(e) if k != EntityKind::Person => {
                let first = *by_entry.entry(e).or_insert(i);
                uf.union(first, i);
            }
            _ if k == EntityKind::Person => {
                let s = keys.surname(key_of[i]);
                let first = *by_surname.entry(s).or_insert(i);
                uf.union(first, i);
                known.entry(s).or_insert(i);
            }
            _ => {
                let first = *by_name.entry((k, key_of[i])).or_insert(i);
                uf.union(first, i);
            }
        }
    }

    // Signature initials (`WAH`) name the first person with those initials.
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    let mut seen_names: super::lexicon::FxSet<u32> = Default::default();
    for (i, c) in cands.iter().enumerate() {
        let strong = c.kind == Some(EntityKind::Person)
            && !matches!(c.ev, Evidence::SignatureInitials | Evidence::Bare);
        if strong && seen_names.insert(key_of[i]) {
            by_initials.entry(initials(name_text(doc, c))).or_insert(i);
        }
    }

    // Weak candidates: named elsewhere in the document, or a place by their cue.
    for (i, c) in cands.iter().enumerate() {
        match c.ev {
            Evidence::Bare | Evidence::PlaceCue => {
                let hit = known.get(&key_of[i]).copied().or_else(|| {
                    let s = keys.surname(key_of[i]);
                    let j = *by_surname.get(&s)?;
                    (!keys.is_one_word(key_of[i]) || s == key_of[i]).then_some(j)
                });
                match hit {
                    Some(j) => {
                        kind[i] = kind[j];
                        uf.union(j, i);
                    }
                    None if c.ev == Evidence::PlaceCue => {
                        let first = *by_name.entry((EntityKind::Place, key_of[i])).or_insert(i);
                        uf.union(first, i);
                    }
                    None => alive[i] = false,
                }
            }
            Evidence::SignatureInitials => match by_initials.get(name_text(doc, c)) {
                Some(&j) => uf.union(j, i),
                None => alive[i] = false,
            },
            _ => {}
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if let Some(j) = c.link {
            uf.union(j, i);
        }
    }
    merge_inner_surnames(doc, &cands, &kind, &alive, &key_of, &mut uf);

    // Collect groups.
    let mut group_of_root = vec![u32::MAX; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, _) in alive.iter().enumerate().filter(|(_, a)| **a) {
        let r = uf.find(i);
        if group_of_root[r] == u32::MAX {
            group_of_root[r] = groups.len() as u32;
            groups.push(Vec::new());
        }
        groups[group_of_root[r] as usize].push(i);
    }
    let mut entities = Vec::new();
    for members in &groups {
        if let Some(e) = build(doc, lex, &cands, &kind, &key_of, members) {
            entities.push(e);
        }
    }
    entities.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(a.mentions.first().cmp(&b.mentions.first()))
    });
    entities
}

/// `Vargas` and `Alberto Vargas Nariño`: a one-word name that is an inner word of exactly one
/// longer name (and the surname of none) is that person.
///
/// One pass over the distinct person names builds the surnames of the longer names and, for each
/// inner word, its first owner and how many names own it; each one-word name is then looked up.
/// Linear in the number of names (comparing every one-word name with every longer name was
/// quadratic: 16,000 people took seconds).
fn merge_inner_surnames(
    doc: &Document,
    cands: &[Cand],
    kind: &[Option<EntityKind>],
    alive: &[bool],
    key_of: &[u32],
    uf: &mut UnionFind,
) {
    let mut seen: super::lexicon::FxSet<u32> = Default::default();
    let persons: Vec<(usize, String)> = cands
        .iter()
        .zip(kind.iter().zip(alive).zip(key_of))
        .enumerate()
        .filter(|(_, (_, ((k, a), key)))| {
            **a && **k == Some(EntityKind::Person) && seen.insert(**key)
        })
        .map(|(i, (c, _))| (i, super::fold(name_text(doc, c))))
        .collect();
    let mut surnames: super::lexicon::FxSet<&str> = Default::default();
    // Inner word → (first name that has it, how many names have it).
    let mut inner: HashMap<&str, (usize, usize)> = HashMap::default();
    let mut singles: Vec<(usize, &str)> = Vec::new();
    let mut single_seen: super::lexicon::FxSet<&str> = Default::default();
    for (i, f) in &persons {
        if !f.contains(' ') {
            if single_seen.insert(f) {
                singles.push((*i, f));
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
            inner.entry(w).or_insert((*i, 0)).1 += 1;
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
    count: usize,
    structural: bool,
    gloss_only: bool,
    adjectival: bool,
    allcaps: bool,
}

fn is_allcaps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

// `members` are candidate indices, and `cands`, `kind` and `key_of` have one entry per candidate.
#[allow(clippy::indexing_slicing)]
fn build(
    doc: &Document,
    lex: &Lexicon,
    cands: &[Cand],
    kind: &[Option<EntityKind>],
    key_of: &[u32],
    members: &[usize],
) -> Option<Entity> {
    // The strongest evidence decides the kind.
    let rank = |c: &Cand| match c.ev {
        Evidence::Gazetteer(_) => 0,
        Evidence::Structure => 1,
        Evidence::Title | Evidence::Initials | Evidence::OrgPattern | Evidence::Paren => 2,
        Evidence::PlaceAffix => 3,
        Evidence::SignatureInitials => 4,
        Evidence::PlaceCue => 5,
        Evidence::Gloss | Evidence::Bare => 6,
    };
    let best = members
        .iter()
        .filter(|&&i| kind[i].is_some())
        .min_by_key(|&&i| rank(&cands[i]))?;
    let k = kind[*best]?;
    let entry = members.iter().find_map(|&i| match cands[i].ev {
        Evidence::Gazetteer(e) if lex.entry(e).kind == k => Some(lex.entry(e)),
        _ => None,
    });

    let mut forms: Vec<(u32, Form)> = Vec::new();
    let mut mentions = Vec::with_capacity(members.len());
    for &i in members {
        let c = &cands[i];
        mentions.push(Mention {
            site: c.site,
            start: c.start,
            end: c.end,
            adjectival: c.adjectival,
        });
        if c.ev == Evidence::SignatureInitials {
            continue;
        }
        let structural = c.ev == Evidence::Structure;
        // Touch the text only for a new spelling: reading it for every mention of a large
        // document costs more than everything else here.
        match forms.iter_mut().find(|(key, _)| *key == key_of[i]) {
            Some((_, f)) => {
                f.count += 1;
                f.structural |= structural;
                f.gloss_only &= c.gloss;
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
                forms.push((
                    key_of[i],
                    Form {
                        text,
                        count: 1,
                        structural,
                        gloss_only: c.gloss,
                        adjectival: c.adjectival,
                        allcaps: is_allcaps(text),
                    },
                ));
            }
        }
    }
    if !mentions.is_sorted() {
        mentions.sort_unstable();
    }
    mentions.dedup_by(|a, b| a.site == b.site && a.start == b.start && a.end == b.end);

    let words = |s: &str| s.split_whitespace().count();
    let names: Vec<&Form> = forms
        .iter()
        .map(|(_, f)| f)
        .filter(|f| !f.adjectival)
        .collect();
    let pick = match k {
        EntityKind::Person => names
            .iter()
            .max_by_key(|f| (!f.allcaps, words(f.text), f.structural, f.count))
            .map(|f| f.text.to_string()),
        _ => names
            .iter()
            .max_by_key(|f| (!f.gloss_only, !f.allcaps, f.count, words(f.text)))
            .map(|f| f.text.to_string()),
    };
    let name = match entry {
        Some(e) if k == EntityKind::Organization => e.name.clone(),
        Some(e) if k == EntityKind::Place => {
            let named = names
                .iter()
                .any(|f| super::fold(f.text) == super::fold(&e.name));
            if named {
                e.name.clone()
            } else {
                pick.unwrap_or_else(|| e.name.clone())
            }
        }
        _ => pick?,
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");

    let mut aliases: Vec<String> = Vec::new();
    let folded_name = super::fold(&name);
    let mut seen = vec![folded_name.clone()];
    let mut candidates: Vec<&str> = names.iter().map(|f| f.text).collect();
    if let Some(m) = entry.and_then(|e| e.modern.as_deref()) {
        candidates.push(m);
    }
    for a in candidates {
        let a = a.split_whitespace().collect::<Vec<_>>().join(" ");
        let f = super::fold(&a);
        if seen.contains(&f) {
            continue;
        }
        seen.push(f.clone());
        if k == EntityKind::Person && is_token_suffix(&f, &folded_name) {
            continue;
        }
        aliases.push(a);
    }
    // A short form that ends a longer alias adds nothing (`Harriman` beside `Averell Harriman`).
    if k == EntityKind::Person {
        let all = aliases.clone();
        aliases.retain(|a| {
            let f = super::fold(a);
            !all.iter()
                .any(|b| b != a && is_token_suffix(&f, &super::fold(b)))
        });
    }
    Some(Entity {
        kind: k,
        name,
        aliases,
        mentions,
    })
}

/// `harriman` and `a. harriman` are token suffixes of `w. a. harriman`.
fn is_token_suffix(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::entities::{EntityKind, extract};

    fn people(text: &str) -> Vec<(String, usize)> {
        let doc = Document::from_text("test", text);
        extract(&doc)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.name, e.mentions.len()))
            .collect()
    }

    #[test]
    fn an_inner_word_of_one_longer_name_is_that_person() {
        let p = people("Notes\n\nMr. Alberto Vargas Nariño spoke first.\n\nMr. Vargas then left.");
        assert_eq!(p, [("Alberto Vargas Nariño".to_string(), 2)]);
    }

    #[test]
    fn an_inner_word_shared_by_two_names_stays_apart() {
        let p = people(
            "Notes\n\nMr. Juan Vargas Pérez and Mr. Luis Vargas Soto came.\n\nMr. Vargas then left.",
        );
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p.contains(&("Vargas".to_string(), 1)), "{p:?}");
    }

    #[test]
    fn many_distinct_people_each_stay_one_entity() {
        let letter = |i: usize| char::from(b'a' + (i % 26) as u8);
        let text: String = (0..300)
            .map(|i| format!("Mr. Zq{}{}x spoke.\n\n", letter(i % 26), letter(i / 26)))
            .collect();
        assert_eq!(people(&text).len(), 300);
    }
}
