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
mod fold;
pub mod lexicon;
pub mod output;
mod resolve;
mod rules;
mod scan;
pub mod stops;
mod structure;
mod tokens;

use crate::document::{Document, MetaField, TextRange};
use serde::{Deserialize, Serialize};

pub use aliases::UserAliases;
pub use fold::fold;
pub use lexicon::Lexicon;

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

/// Where a mention lies: in a metadata field or in a block of the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Site {
    Field(MetaField),
    Block(usize),
}

impl Site {
    /// The text this site addresses.
    pub fn text(self, doc: &Document) -> &str {
        match self {
            Site::Field(f) => f.text(&doc.metadata).unwrap_or(""),
            Site::Block(b) => doc.blocks.get(b).map_or("", |b| b.text.as_str()),
        }
    }
}

/// One place where an entity is named: `start..end` are byte offsets into the site's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    pub site: Site,
    pub start: usize,
    pub end: usize,
    /// The mention is an adjective or demonym of a place (`Siberian`, `Japanese`).
    pub adjectival: bool,
}

impl Mention {
    /// The mention as a body range, or `None` for a metadata mention.
    pub fn range(&self) -> Option<TextRange> {
        match self.site {
            Site::Block(b) => Some(TextRange::new(b, self.start, self.end)),
            Site::Field(_) => None,
        }
    }

    /// The mention's text in `doc`.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        self.site.text(doc).get(self.start..self.end).unwrap_or("")
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
    for field in MetaField::PROSE {
        let site = Site::Field(field);
        scanner.scan(site.text(doc), site, &[], &mut cands);
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let site = Site::Block(b);
        let claims = claimed.get(&b).map_or(&[][..], Vec::as_slice);
        scanner.scan(&block.text, site, claims, &mut cands);
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
