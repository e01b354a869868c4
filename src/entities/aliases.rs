//! The user's alias file: names to add, names to merge, names to hide.
//!
//! ```toml
//! # aliases.toml in the configuration directory (`crate::paths`; `memcon entities --help`)
//! hide = ["Joint Note"]
//!
//! [[add]]
//! name = "Chiang Ching-kuo"
//! kind = "person"
//! aliases = ["CCK"]
//!
//! [[merge]]
//! into = "Chiang Kai-shek"
//! names = ["Generalissimo", "Gimo"]
//! ```
//!
//! Parsing and applying are pure; [`load`] is the one function that reads the disk.

use super::lexicon::{Entry, Lexicon};
use super::{Entity, EntityKind, fold};
use crate::document::sanitize::sanitize_str;
use serde::Deserialize;
use std::path::Path;

/// What the user's alias file asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserAliases {
    /// Names to recognise, with their kind.
    #[serde(default)]
    pub add: Vec<AddName>,
    /// Entities to merge into one.
    #[serde(default)]
    pub merge: Vec<Merge>,
    /// Names (or aliases) of entities never to list.
    #[serde(default)]
    pub hide: Vec<String>,
}

/// `[[add]]`: a name memcon should recognise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddName {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `[[merge]]`: the entities called `names` are the entity called `into`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    pub into: String,
    pub names: Vec<String>,
}

/// A problem with the alias file, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct AliasError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl UserAliases {
    /// Parse the alias file's text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Self, AliasError> {
        let err = |line: usize, message: String| AliasError {
            path: path.to_string(),
            line,
            message,
        };
        let aliases: UserAliases = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text.get(..s.start).unwrap_or(text).matches('\n').count() + 1
            });
            err(line, e.message().trim().to_string())
        })?;
        let aliases = aliases.sanitised();
        for a in &aliases.add {
            if a.name.trim().is_empty() {
                let line = line_of(text, "name").unwrap_or(1);
                return Err(err(line, "an [[add]] entry has an empty name".into()));
            }
        }
        Ok(aliases)
    }

    /// Every name cleaned like document text (`document::sanitize`): a name from this file
    /// may be listed and printed, and it can only match text that was cleaned the same way.
    fn sanitised(mut self) -> Self {
        let clean = |s: &mut String| *s = sanitize_str(s);
        for a in &mut self.add {
            clean(&mut a.name);
            a.aliases.iter_mut().for_each(clean);
        }
        for m in &mut self.merge {
            clean(&mut m.into);
            m.names.iter_mut().for_each(clean);
        }
        self.hide.iter_mut().for_each(clean);
        self
    }

    /// The built-in lexicon with the names this file adds.
    pub fn lexicon(&self) -> Lexicon {
        let extra = self
            .add
            .iter()
            .map(|a| Entry {
                kind: a.kind,
                name: a.name.trim().to_string(),
                modern: None,
                aliases: a.aliases.clone(),
                adjectives: Vec::new(),
            })
            .collect();
        Lexicon::with_entries(extra)
    }

    /// Apply merges and hidden names to extracted entities.
    pub fn apply(&self, entities: &mut Vec<Entity>) {
        for m in &self.merge {
            let Some(into) = entities.iter().position(|e| e.is_named(&m.into)) else {
                continue;
            };
            let from: Vec<usize> = (0..entities.len())
                .filter(|&k| {
                    k != into
                        && entities
                            .get(k)
                            .is_some_and(|e| m.names.iter().any(|n| e.is_named(n)))
                })
                .collect();
            // Remove from the back so the indices still to come stay valid.
            let mut target = into;
            for &k in from.iter().rev() {
                let e = entities.remove(k);
                if k < target {
                    target -= 1;
                }
                if let Some(t) = entities.get_mut(target) {
                    absorb(t, e);
                }
            }
        }
        if !self.hide.is_empty() {
            entities.retain(|e| !self.hide.iter().any(|h| e.is_named(h)));
        }
    }
}

fn absorb(into: &mut Entity, from: Entity) {
    let folded = fold(&into.name);
    for a in std::iter::once(from.name).chain(from.aliases) {
        if fold(&a) != folded && !into.aliases.iter().any(|b| fold(b) == fold(&a)) {
            into.aliases.push(a);
        }
    }
    into.mentions.extend(from.mentions);
    into.mentions.sort();
    into.mentions.dedup();
}

fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// Read the alias file at `path` (at most `cap` bytes, see `crate::source`). A missing file
/// is no aliases; an unreadable, oversized or bad file is no aliases plus a message naming
/// the file and line, so the reader still opens.
pub fn load(path: &Path, cap: u64) -> (UserAliases, Option<String>) {
    let shown = path.display().to_string();
    match crate::source::read_text(path, cap, crate::source::Cap::AliasFile) {
        Ok(Some(text)) => match UserAliases::parse(&shown, &text) {
            Ok(a) => (a, None),
            Err(e) => (
                UserAliases::default(),
                Some(format!("alias file ignored: {e}")),
            ),
        },
        Ok(None) => (UserAliases::default(), None),
        Err(e) => (
            UserAliases::default(),
            Some(format!("alias file ignored: {e}")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::entities::{extract_with, names_of};

    const MEMO: &str = "Notes\n\nMr. Zorbal met the Gimo in Peking. Later the Board of Trade \
                        wrote to Generalissimo Chiang at Peking.";

    #[test]
    fn a_good_file_adds_merges_and_hides() {
        let text = r#"
hide = ["Board of Trade"]

[[add]]
name = "Gimo"
kind = "person"

[[merge]]
into = "Chiang"
names = ["Gimo"]
"#;
        let user = UserAliases::parse("aliases.toml", text).expect("valid");
        let doc = Document::from_text("t", MEMO);
        let ents = extract_with(&doc, &user.lexicon(), &user);
        assert_eq!(
            names_of(&ents),
            [
                ("place", "Peking".to_string()),
                ("person", "Zorbal".to_string()),
                ("person", "Chiang".to_string())
            ]
        );
        let chiang = ents.iter().find(|e| e.name == "Chiang").expect("merged");
        assert_eq!(chiang.aliases, ["Gimo"]);
        assert_eq!(chiang.mentions.len(), 2);
        // Without the file the board is listed and the Gimo is not a name.
        let plain = crate::entities::extract(&doc);
        assert!(plain.iter().any(|e| e.name == "Board of Trade"));
        assert!(!plain.iter().any(|e| e.is_named("Gimo")));
    }

    #[test]
    fn names_from_the_file_are_cleaned_like_document_text() {
        let text = "hide = [\"x\\u001b[2J\"]\n[[add]]\nname = \"Zorbal\\u001b]0;PWNED\\u0007\"\n\
                    kind = \"person\"\naliases = [\"Z\\u202e\"]\n";
        let user = UserAliases::parse("aliases.toml", text).expect("valid");
        assert_eq!(user.add[0].name, "Zorbal\u{241B}]0;PWNED\u{2407}");
        assert_eq!(user.add[0].aliases, ["Z"]);
        assert_eq!(user.hide, ["x\u{241B}[2J"]);
    }

    #[test]
    fn a_bad_file_names_the_line() {
        let text = "hide = [\"x\"]\n\n[[add]]\nname = \"Gimo\"\nkind = \"planet\"\n";
        let e = UserAliases::parse("aliases.toml", text).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        assert!(e.to_string().starts_with("aliases.toml:5: "), "{e}");
        let e = UserAliases::parse(
            "a.toml",
            "[[add]]\nname = \"X\"\nkind = \"place\"\ncolour = 1\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert!(e.message.contains("colour"), "{e}");
        let e = UserAliases::parse("a.toml", "hide = [\n").unwrap_err();
        assert!(e.line >= 1);
    }

    #[test]
    fn loading_a_missing_file_is_no_aliases_and_a_bad_one_a_message() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("aliases.toml");
        assert_eq!(load(&path, 1 << 20), (UserAliases::default(), None));
        std::fs::write(&path, "hide = 3\n").expect("write");
        let (aliases, msg) = load(&path, 1 << 20);
        assert_eq!(aliases, UserAliases::default());
        let msg = msg.expect("a message");
        assert!(msg.contains(&format!("{}:1:", path.display())), "{msg}");
    }

    #[test]
    fn an_alias_file_over_its_cap_is_ignored_with_the_way_to_raise_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("aliases.toml");
        std::fs::write(&path, format!("hide = [{}]\n", "\"x\", ".repeat(100))).expect("write");
        let (aliases, msg) = load(&path, 64);
        assert_eq!(aliases, UserAliases::default());
        let msg = msg.expect("a message");
        assert!(
            msg.contains("over the 64 bytes limit for the alias file"),
            "{msg}"
        );
        assert!(msg.contains(crate::source::ENV_MAX_ALIAS_SIZE), "{msg}");
    }
}
