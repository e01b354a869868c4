//! Accent-blind patterns: `Lushunkou` finds `Lüshunkou`, `Konigsberg` finds `Königsberg`, with
//! the one folding of [`crate::fold`].
//!
//! Rather than folding the document (which would cost a
//! copy and an offset map for every block searched), the compiled pattern is widened: every
//! letter it can match becomes the class of all letters that fold to the same base, followed
//! by any run of combining accents (for text stored decomposed). The regex then runs over the
//! original text, so every match is a range of original byte offsets on char boundaries.

use crate::fold::{ACCENTS, fold_char, is_accent};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};
use std::sync::OnceLock;

/// Every base letter that has accented forms, with those forms (the base included).
fn groups() -> &'static [(char, Vec<char>)] {
    static GROUPS: OnceLock<Vec<(char, Vec<char>)>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = ('\u{80}'..='\u{FFFF}')
            .filter_map(|c| fold_char(c).filter(|&b| b != c).map(|b| (b, c)))
            .collect();
        pairs.sort_unstable();
        let mut groups: Vec<(char, Vec<char>)> = Vec::new();
        for (base, c) in pairs {
            match groups.last_mut() {
                Some((b, forms)) if *b == base => forms.push(c),
                _ => groups.push((base, vec![base, c])),
            }
        }
        groups
    })
}

fn contains(class: &ClassUnicode, c: char) -> bool {
    class
        .ranges()
        .binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The class widened so that it matches every letter folding to the same base as a member.
fn widen(class: &ClassUnicode) -> ClassUnicode {
    let mut added = Vec::new();
    for (_, forms) in groups() {
        if forms.iter().any(|&c| contains(class, c)) {
            added.extend(forms.iter().map(|&c| ClassUnicodeRange::new(c, c)));
        }
    }
    let mut out = class.clone();
    out.union(&ClassUnicode::new(added));
    out
}

fn accents_run() -> Hir {
    let class = ClassUnicode::new(
        ACCENTS
            .iter()
            .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
    );
    Hir::repetition(Repetition {
        min: 0,
        max: None,
        greedy: true,
        sub: Box::new(Hir::class(Class::Unicode(class))),
    })
}

/// Which text a widened pattern will run over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Any text: letters widened to all their accented forms, trailing accents allowed.
    Any,
    /// Text known to be ASCII: the same pattern cut down to ASCII, which lets the regex engine
    /// use its fast literal search. It matches exactly what `Any` matches on ASCII text.
    Ascii,
}

fn letter(class: &ClassUnicode, target: Target) -> Hir {
    let mut wide = widen(class);
    match target {
        Target::Any => Hir::concat(vec![Hir::class(Class::Unicode(wide)), accents_run()]),
        Target::Ascii => {
            wide.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7F')]));
            Hir::class(Class::Unicode(wide))
        }
    }
}

/// Rewrite a parsed pattern so that it ignores accents (see the module comment).
pub fn widen_hir(hir: &Hir, target: Target) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(s) => Hir::concat(
                s.chars()
                    .filter(|&c| !is_accent(c))
                    .map(|c| letter(&ClassUnicode::new([ClassUnicodeRange::new(c, c)]), target))
                    .collect(),
            ),
            Err(_) => hir.clone(),
        },
        HirKind::Class(Class::Unicode(class)) => letter(class, target),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(widen_hir(&rep.sub, target)),
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(widen_hir(&cap.sub, target)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| widen_hir(h, target)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| widen_hir(h, target)).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_hold_the_accented_forms_of_a_letter() {
        let u = groups()
            .iter()
            .find(|(b, _)| *b == 'u')
            .expect("u has accented forms");
        for c in ['u', 'ü', 'ú', 'ù', 'û', 'ū'] {
            assert!(u.1.contains(&c), "{c} missing");
        }
        assert!(!u.1.contains(&'U'), "case is the regex engine's business");
    }
}
