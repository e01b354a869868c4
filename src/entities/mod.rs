//! Named entities: the places, people and organizations a document names, each with every
//! mention as a range in the document.
//!
//! Pure functions over a [`Document`]: [`extract`] finds candidates with the rules in `scan`
//! (gazetteer, titles, initials, organization words, place cues) and `structure` (the memo's
//! `Present:` list, heading, dateline, signature), links editorial glosses, and `resolve` merges
//! them into entities. The user's alias file ([`aliases`]) adds names, merges and hides
//! entities; reading it is the only IO here and stays at the edge.
//!
//! Every text here is the document's, so nothing indexes or slices it unchecked: `get` and
//! iterators, or a reasoned `allow` where an index is proven.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::string_slice))]

pub mod aliases;
pub mod lexicon;
pub mod output;
mod resolve;
mod rules;
mod scan;
pub mod stops;
mod structure;
mod tokens;
mod words;

use crate::document::{Document, MetaField, TextRange};
use serde::{Deserialize, Serialize};

pub use crate::fold::fold;
pub use aliases::UserAliases;
pub use lexicon::Lexicon;

/// Hash maps and sets for short keys (folded words, ids): foldhash with a fixed seed, so that
/// extraction is deterministic; SipHash, the standard one, dominated extraction time.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Place,
    Person,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Place => "place",
            Self::Person => "person",
            Self::Organization => "organization",
        }
    }
}

/// Where a mention lies: in a metadata field or in a block of the transcript (its index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Site {
    Field(MetaField),
    Block(u32),
}

impl Site {
    /// The text this site addresses.
    pub fn text(self, doc: &Document) -> &str {
        match self {
            Site::Field(f) => f.text(&doc.metadata).unwrap_or(""),
            Site::Block(b) => doc.blocks.get(b as usize).map_or("", |b| b.text.as_str()),
        }
    }
}

/// One place where an entity is named: `start..end` are byte offsets into the site's text.
/// Offsets are `u32` (a large document has millions of mentions): offsets past 4 GiB into one
/// block are not scanned (see [`MAX_SCANNED`]). 20 bytes: a site is 8 (a metadata field's
/// line number is a `u32`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    pub site: Site,
    pub start: u32,
    pub end: u32,
    /// The mention is an adjective or demonym of a place (`Siberian`, `Japanese`).
    pub adjectival: bool,
}

impl Mention {
    /// The mention as a body range, or `None` for a metadata mention.
    pub fn range(&self) -> Option<TextRange> {
        match self.site {
            Site::Block(b) => Some(TextRange::new(
                b as usize,
                self.start as usize,
                self.end as usize,
            )),
            Site::Field(_) => None,
        }
    }

    /// The mention's text in `doc`.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        self.site
            .text(doc)
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// A person, place or organization named in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The canonical name: titles and possessives stripped, the fullest form the document uses.
    pub name: String,
    /// Other names of the same entity in the document, editorial glosses and modern names.
    pub aliases: Vec<String>,
    /// Every mention, metadata first, then in document order.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// Mentions in the transcript, as ranges the reader can highlight and jump to.
    pub fn ranges(&self) -> impl Iterator<Item = TextRange> + '_ {
        self.mentions.iter().filter_map(Mention::range)
    }

    /// True when `name` (folded) is the entity's name or one of its aliases.
    pub fn is_named(&self, name: &str) -> bool {
        let f = fold(name);
        fold(&self.name) == f || self.aliases.iter().any(|a| fold(a) == f)
    }
}

/// The bytes of one text (a block or a field) that extraction reads: mentions are `u32`
/// offsets, so a single block longer than 4 GiB is scanned up to there.
pub const MAX_SCANNED: usize = u32::MAX as usize;

/// The part of `text` that extraction reads (all of it below [`MAX_SCANNED`] bytes).
pub(crate) fn scanned(text: &str) -> &str {
    if text.len() <= MAX_SCANNED {
        return text;
    }
    let mut end = MAX_SCANNED;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Find the entities of `doc` with the built-in lexicon and no user aliases.
pub fn extract(doc: &Document) -> Vec<Entity> {
    extract_with(doc, Lexicon::builtin(), &UserAliases::default())
}

/// Find the entities of `doc` with `lexicon` (see [`UserAliases::lexicon`]) and apply the
/// user's merges and hidden names.
pub fn extract_with(doc: &Document, lexicon: &Lexicon, user: &UserAliases) -> Vec<Entity> {
    let mut cands = Vec::new();
    let claimed = structure::scan(doc, lexicon, &mut cands);
    let mut scanner = scan::Scanner::new(lexicon);
    for (k, field) in MetaField::DESCRIPTIVE.into_iter().enumerate() {
        if let Some(site) = scan::SiteId::field(k) {
            let text = Site::Field(field).text(doc);
            scanner.scan(scanned(text), site, &[], &mut cands);
        }
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let Some(site) = scan::SiteId::block(b) else {
            break; // more than 4 billion blocks: the rest is not scanned
        };
        let claims = claimed.get(&b).map_or(&[][..], Vec::as_slice);
        scanner.scan(scanned(&block.text), site, claims, &mut cands);
    }
    let mut entities = resolve::resolve(doc, lexicon, cands);
    user.apply(&mut entities);
    entities
}

/// Find the entities of `doc` with the user's alias file (its path and size cap) applied. A
/// problem with the file is passed to `warn` and extraction goes on without it. This is the
/// one entry point that reads the disk.
pub fn extract_for_user(
    doc: &Document,
    alias_file: Option<(std::path::PathBuf, u64)>,
    warn: impl FnOnce(&str),
) -> Vec<Entity> {
    let (user, problem) = match alias_file {
        Some((p, cap)) => aliases::load(&p, cap),
        None => (UserAliases::default(), None),
    };
    if let Some(p) = problem {
        warn(&p);
    }
    extract_with_user(doc, &user)
}

/// Find the entities of `doc` with the user's aliases (already read) applied.
pub fn extract_with_user(doc: &Document, user: &UserAliases) -> Vec<Entity> {
    if *user == UserAliases::default() {
        return extract(doc);
    }
    extract_with(doc, &user.lexicon(), user)
}

/// `(kind, name)` of each entity, in order: a compact view for tests and logs.
pub fn names_of(entities: &[Entity]) -> Vec<(&'static str, String)> {
    entities
        .iter()
        .map(|e| (e.kind.as_str(), e.name.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_orgs;
#[cfg(test)]
mod tests_people;
