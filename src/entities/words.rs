//! The distinct words of a document, each folded and looked up in the lexicon once.
//!
//! A text repeats its words: the rules ask about the same few thousand words hundreds of
//! thousands of times (a 4 MB volume has 700,000 tokens, a 100 MB one 17 million). Each word
//! as written gets a dense id the first time it is asked about; its folded form and what the
//! lexicon knows about it are kept under that id for the rest of the document.

use super::HashMap;
use super::lexicon::{Lexicon, WordInfo, short_key};
use crate::fold::fold_into;

/// A word as written, interned: an index into the table's folded forms and lexicon facts.
pub type WordId = u32;

/// More distinct words than this and the table starts over at the next text (see
/// [`Words::reset_if_full`]): a bound on its memory and on its ids, whatever the document.
const MAX_WORDS: usize = 1 << 20;

/// The words met so far, by how they are written (case and accents kept): the same spelling is
/// the same id, and two spellings that fold alike are two ids with the same folded form.
pub struct Words<'l> {
    lex: &'l Lexicon,
    /// Spellings of up to seven bytes, as one integer ([`short_key`]).
    short: HashMap<u64, WordId>,
    long: HashMap<Box<[u8]>, WordId>,
    /// Per id: where its folded form lies in `folded`, and the lexicon's facts.
    spans: Vec<(u32, u32)>,
    info: Vec<WordInfo>,
    folded: String,
    scratch: String,
}

impl<'l> Words<'l> {
    pub fn new(lex: &'l Lexicon) -> Self {
        Words {
            lex,
            short: HashMap::default(),
            long: HashMap::default(),
            spans: Vec::new(),
            info: Vec::new(),
            folded: String::new(),
            scratch: String::new(),
        }
    }

    /// Forget every word once the table holds more than [`MAX_WORDS`]. Ids given before are
    /// then void: call this only between texts.
    pub fn reset_if_full(&mut self) {
        if self.spans.len() > MAX_WORDS {
            self.short.clear();
            self.long.clear();
            self.spans.clear();
            self.info.clear();
            self.folded.clear();
        }
    }

    /// The id of `word` as written, folding it and looking it up the first time.
    pub fn id(&mut self, word: &str) -> WordId {
        let known = match short_key(word) {
            Some(k) => self.short.get(&k),
            None => self.long.get(word.as_bytes()),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.add(word);
        match short_key(word) {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(word.as_bytes().into(), id),
        };
        id
    }

    /// Fold `word`, look it up and give it the next id.
    #[cold]
    fn add(&mut self, word: &str) -> WordId {
        fold_into(word, &mut self.scratch);
        let start = self.folded.len();
        self.folded.push_str(&self.scratch);
        let end = self.folded.len();
        // Below 2^32: a text has fewer words than bytes, and the table is bounded between
        // texts; `u32::MAX` stays free for callers' sentinels.
        let id = self.spans.len() as WordId;
        self.spans.push((start as u32, end as u32));
        self.info.push(self.lex.word(&self.scratch));
        id
    }

    /// The folded form of word `id` (empty for an id this table never gave).
    pub fn folded(&self, id: WordId) -> &str {
        self.spans
            .get(id as usize)
            .and_then(|&(s, e)| self.folded.get(s as usize..e as usize))
            .unwrap_or("")
    }

    /// What the lexicon knows about word `id`.
    pub fn info(&self, id: WordId) -> WordInfo {
        self.info.get(id as usize).copied().unwrap_or_default()
    }

    /// How many distinct spellings the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::flag;
    use super::*;

    #[test]
    fn a_spelling_is_folded_and_looked_up_once_and_keeps_its_id() {
        let mut w = Words::new(Lexicon::builtin());
        let the = w.id("The");
        let harbin = w.id("Harbin");
        let long = w.id("Lüshunkou-District");
        assert_eq!((w.id("The"), w.id("Harbin")), (the, harbin));
        assert_eq!(w.id("Lüshunkou-District"), long);
        assert_eq!(w.len(), 3, "no spelling was added twice");
        assert_eq!(w.folded(the), "the");
        assert_eq!(w.folded(long), "lushunkou-district");
        assert!(w.info(the).has(flag::STOP));
        assert!(
            w.info(harbin).patterns > 0,
            "Harbin starts a gazetteer name"
        );
        assert_eq!(w.info(long), WordInfo::default());
    }

    #[test]
    fn spellings_that_fold_alike_share_a_folded_form_not_an_id() {
        let mut w = Words::new(Lexicon::builtin());
        let ids = [
            w.id("harbin"),
            w.id("Harbin"),
            w.id("HARBIN"),
            w.id("Hárbin"),
        ];
        for pair in ids.windows(2) {
            assert_ne!(pair[0], pair[1]);
        }
        for id in ids {
            assert_eq!(w.folded(id), "harbin");
            assert_eq!(w.info(id), w.info(ids[1]));
        }
        // Seven bytes and eight: the two kinds of key do not mix words up.
        let (seven, eight) = (w.id("Kirinsk"), w.id("Kirinskx"));
        assert_ne!(seven, eight);
        assert_eq!((w.folded(seven), w.folded(eight)), ("kirinsk", "kirinskx"));
        assert_eq!(w.folded(u32::MAX), "");
    }

    #[test]
    fn a_full_table_starts_over() {
        let mut w = Words::new(Lexicon::builtin());
        for k in 0..=MAX_WORDS {
            w.id(&format!("w{k}"));
        }
        w.reset_if_full();
        assert_eq!(w.len(), 0);
        let id = w.id("Harbin");
        assert_eq!((id, w.folded(id)), (0, "harbin"));
        w.reset_if_full();
        assert_eq!(w.len(), 1, "a table below the bound is kept");
    }
}
