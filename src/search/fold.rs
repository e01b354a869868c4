//! Accent folding: `Lushunkou` finds `Lüshunkou`, `Konigsberg` finds `Königsberg`.
//!
//! A character folds to its base letter when its canonical decomposition (NFD) is that letter
//! followed only by diacritical marks. Rather than folding the document (which would cost a
//! copy and an offset map for every block searched), the compiled pattern is widened: every
//! letter it can match becomes the class of all letters that fold to the same base, followed
//! by any run of combining accents (for text stored decomposed). The regex then runs over the
//! original text, so every match is a range of original byte offsets on char boundaries.

use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};
use std::sync::OnceLock;
use unicode_normalization::char::decompose_canonical;

/// The Unicode blocks of combining diacritical marks. Other combining marks (Indic vowel
/// signs, the kana voicing marks) change the letter rather than accent it, so they stay.
const ACCENTS: &[(char, char)] = &[
    ('\u{0300}', '\u{036F}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{20D0}', '\u{20FF}'),
    ('\u{FE20}', '\u{FE2F}'),
];

/// Letters with a stroke that NFD leaves whole but that romanisations drop all the same
/// (`Łódź` is written `Lodz`, `Tromsø` `Tromso`), and typographic punctuation.
const STROKES: &[(char, char)] = &[
    ('ø', 'o'),
    ('Ø', 'O'),
    ('ł', 'l'),
    ('Ł', 'L'),
    ('đ', 'd'),
    ('Đ', 'D'),
    ('ħ', 'h'),
    ('Ħ', 'H'),
    // Typographic quotes and dashes, which exports use and keyboards do not type:
    // `Soong's` finds `Soong’s`.
    ('\u{2018}', '\''),
    ('\u{2019}', '\''),
    ('\u{201C}', '"'),
    ('\u{201D}', '"'),
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
    ('\u{2013}', '-'),
    ('\u{2014}', '-'),
];

/// True for a combining diacritical mark (an accent written as its own character).
pub fn is_accent(c: char) -> bool {
    ACCENTS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// The base a character folds to: `ü` → `u`, `Ö` → `O`; `None` for an accent on its own
/// (it folds to nothing); the character itself when it carries no accent.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if is_accent(c) {
        return None;
    }
    if let Some(&(_, base)) = STROKES.iter().find(|&&(s, _)| s == c) {
        return Some(base);
    }
    let mut first = None;
    let mut rest_are_accents = true;
    decompose_canonical(c, |d| match first {
        None => first = Some(d),
        Some(_) => rest_are_accents &= is_accent(d),
    });
    match first {
        Some(base) if rest_are_accents && !is_accent(base) => Some(base),
        _ => Some(c),
    }
}

/// Fold a whole string: every character to its base, accents dropped.
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

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
    fn folds_precomposed_letters_to_their_base() {
        assert_eq!(fold_str("Lüshunkou"), "Lushunkou");
        assert_eq!(fold_str("Königsberg"), "Konigsberg");
        assert_eq!(fold_str("Łódź"), "Lodz");
        assert_eq!(fold_str("Ἀθῆναι"), "Αθηναι");
        assert_eq!(
            fold_str("Soong’s “port” – Dalian"),
            "Soong's \"port\" - Dalian"
        );
    }

    #[test]
    fn drops_combining_accents_and_keeps_other_scripts() {
        assert_eq!(fold_str("Lu\u{308}shunkou"), "Lushunkou");
        assert_eq!(fold_str("大連"), "大連");
        // The voicing mark changes a kana, it is not an accent.
        assert_eq!(fold_str("が"), "が");
    }

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
