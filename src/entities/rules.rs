//! The rules for organizations, glosses, office holders in parentheses and bare capitalised
//! names, as methods of the [`Scanner`].

use super::EntityKind;
use super::lexicon::flag;
use super::scan::{Cand, Evidence, Scanner, SiteId, is_roman, slice};
use super::tokens;

/// `text` without the spaces and opening quotation marks (`"`, `'`, `“`, `‘`) it ends with.
/// Byte by byte: it runs before every capitalised word.
pub(super) fn trim_quotes_end(text: &str) -> &str {
    let b = text.as_bytes();
    let mut end = b.len();
    loop {
        match b.get(..end) {
            Some([.., b' ' | b'"' | b'\'']) => end -= 1,
            // `‘` and `“` (U+2018, U+201C).
            Some([.., 0xE2, 0x80, 0x98 | 0x9C]) => end -= 3,
            _ => break,
        }
    }
    text.get(..end).unwrap_or("")
}

impl Scanner<'_> {
    /// A capitalised sequence with an organization word: returns its end token.
    pub(super) fn org_run(&mut self, text: &str, i: usize) -> Option<usize> {
        let n = self.toks.len();
        if self.has(text, i, flag::FUNCTION | flag::MONTH) {
            return None;
        }
        // `C. Russian Section`: a letter opening a sentence labels a list item.
        if self.tok(i).has(tokens::INITIAL) && self.tok(i).has(tokens::SENT) {
            return None;
        }
        let mut j = i;
        let mut last_cap = i;
        let mut head = false;
        let mut names = 0;
        while j < n {
            let t = self.tok(j);
            if j > i && !self.joined(text, j, false) {
                break;
            }
            if t.has(tokens::AMP) || t.has(tokens::LOWER) {
                // `Ministry of ...`, `Committee on ...`: a connector comes after an organization
                // word, or the words before it are not part of the name (`Traffic on the ...`).
                if !head && !t.has(tokens::AMP) {
                    return None;
                }
                // `Commission to Negotiate Peace`: `to` right after an organization word.
                // Not before an adjective: `that Government to American citizens`.
                let to_ok = j > i
                    && self.has(text, j - 1, flag::HEAD)
                    && self.toks.get(j + 1).is_some_and(|u| u.has(tokens::CAP))
                    && !self.lookup(text, j + 1).is_some_and(|m| m.adjectival);
                let w = self.word(text, j);
                let to = to_ok && w == "to";
                let connector = t.has(tokens::AMP)
                    || to
                    || matches!(w, "of" | "the" | "for" | "and" | "on" | "de" | "du" | "des");
                // `the Economic Section and the Legal Section` are two names.
                let and_lower =
                    w == "and" && self.toks.get(j + 1).is_some_and(|u| u.has(tokens::LOWER));
                if !connector || and_lower {
                    break;
                }
                j += 1;
                continue;
            }
            if !t.has(tokens::CAP) {
                break;
            }
            let is_head = self.has(text, j, flag::HEAD);
            let inner = self.has(text, j, flag::ORG_INNER);
            if self.has(text, j, flag::MONTH)
                || self.has(text, j, flag::FUNCTION) && !inner
                || is_roman(slice(text, t))
            {
                break;
            }
            // `Council of Four`, `Committee of Three`.
            let counted = head
                && j > i
                && self.last(j).has(tokens::LOWER)
                && self.word(text, j - 1) == "of"
                && matches!(
                    self.word(text, j),
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                );
            if counted {
                names += 1;
                last_cap = j;
                break;
            }
            if !is_head && !inner && self.is_stop(text, j) {
                break;
            }
            head |= is_head;
            names += 1;
            last_cap = j;
            j += 1;
            if t.has(tokens::COMMA_AFTER | tokens::DOT_AFTER | tokens::CLOSE_PAREN)
                || t.has(tokens::CLOSE_BRACKET)
            {
                break;
            }
            if t.has(tokens::POSS) && !(j < n && self.tok(j).has(tokens::CAP)) {
                break;
            }
        }
        // `Legation Interpreter`, `Embassy Counselor`: a title after the organization word
        // names a person's post.
        while names >= 2
            && last_cap > i
            && self.has(text, last_cap, flag::TITLE | flag::ROLE)
            && !self.has(text, last_cap, flag::HEAD)
        {
            last_cap -= 1;
            names -= 1;
            while last_cap > i && !self.tok(last_cap).has(tokens::CAP) {
                last_cap -= 1;
            }
        }
        // `Fear Navy will object`: a word opening a sentence before the name of a fighting
        // service or a government is more likely a verb than part of the name.
        let service = matches!(
            self.word(text, last_cap),
            "navy" | "army" | "fleet" | "government"
        );
        let opener = names == 2
            && last_cap == i + 1
            && service
            && self.tok(i).has(tokens::SENT)
            && !self.has(text, i, flag::HEAD | flag::ORG_INNER)
            && self.lookup(text, i).is_none();
        (head && names >= 2 && !opener).then_some(last_cap + 1)
    }

    /// `the steamer Massachusetts`, `U.S.S. Oregon`, `M/V Lake Superior`, `her Majesty's ship
    /// “Dido”`: a ship's name, which names no place, person or organization. Returns the end
    /// of the name, to be skipped.
    pub(super) fn ship_name(&mut self, text: &str, i: usize) -> Option<usize> {
        let t = self.tok(i);
        let before = trim_quotes_end(text.get(..t.start).unwrap_or(""));
        let prefix = before.ends_with("M/V") || before.ends_with("M/S") || before.ends_with("S/S");
        // Only a word shaped like a ship word is looked up: most names follow `the` or `of`.
        let ship_word = i > 0
            && before.len() == self.last(i).end
            && self.lex.may_be_ship(
                before
                    .as_bytes()
                    .get(self.last(i).start..)
                    .unwrap_or_default(),
            )
            && self.has(text, i - 1, flag::SHIP)
            && (self.last(i).has(tokens::LOWER | tokens::ABBREV));
        if !prefix && !ship_word {
            return None;
        }
        let mut end = i + 1;
        while end < self.toks.len()
            && end < i + 3
            && self.tok(end).has(tokens::CAP)
            && self.joined(text, end, false)
            && !self.last(end).has(tokens::POSS)
        {
            end += 1;
        }
        Some(end)
    }

    /// `His Majesty's Government`, `Her Britannic Majesty's Government`: a government named
    /// by its sovereign. Returns the end token.
    pub(super) fn majesty_org(&mut self, text: &str, i: usize) -> Option<usize> {
        if !matches!(self.word(text, i), "his" | "her") {
            return None;
        }
        let n = self.toks.len();
        let mut k = i + 1;
        if k < n && self.tok(k).has(tokens::CAP) && !self.tok(k).has(tokens::POSS) {
            k += 1; // `Britannic`, `Imperial`, `Catholic`
        }
        let ok = k + 1 < n
            && self.tok(k).has(tokens::POSS)
            && self.word(text, k) == "majesty"
            && (i + 1..=k + 1)
                .all(|j| self.joined(text, j, false) || self.last(j).has(tokens::POSS))
            && self.tok(k + 1).has(tokens::CAP)
            && self.has(text, k + 1, flag::HEAD);
        ok.then_some(k + 2)
    }

    pub(super) fn emit_org(
        &mut self,
        text: &str,
        site: SiteId,
        i: usize,
        end: usize,
        out: &mut Vec<Cand>,
    ) -> usize {
        let (s, e) = (self.tok(i).start, self.last(end).end);
        out.push(Cand::new(
            site,
            s,
            e,
            Some(EntityKind::Organization),
            Evidence::OrgPattern,
        ));
        let org = out.len() - 1;
        // Places named inside the organization's name are mentions of those places too.
        let mut k = i;
        while k < end {
            if let Some(m) = self.lookup(text, k)
                && k + m.len <= end
                && self.lex.entry(m.entry).kind == EntityKind::Place
            {
                let (ps, pe) = (self.tok(k).start, self.tok(k + m.len - 1).end);
                let mut c = Cand::new(
                    site,
                    ps,
                    pe,
                    Some(EntityKind::Place),
                    Evidence::Gazetteer(m.entry),
                );
                c.set_adjectival(m.adjectival);
                out.push(c);
                k += m.len;
                continue;
            }
            k += 1;
        }
        // Keep the organization last so that a gloss after it finds it.
        let c = out.remove(org);
        out.push(c);
        end
    }

    /// True when a title stands in or just before `text.get(start..end).unwrap_or("")` (`Deputy Secretary
    /// General of the League of Nations`).
    pub(super) fn names_office(&mut self, text: &str, start: usize, end: usize) -> bool {
        let first = self.toks.partition_point(|t| t.start < start);
        let last = self.toks.partition_point(|t| t.end <= end);
        (first.saturating_sub(5)..last).any(|k| self.is_title(text, k))
    }

    /// `(Steger)` after an office: the office holder.
    pub(super) fn paren_person(&mut self, text: &str, i: usize) -> Option<usize> {
        // `… in Europe. (Signed) Ferdinand`: a sentence ends before the parenthesis.
        if i == 0 || self.last(i).has(tokens::DOT_AFTER) || self.lookup(text, i).is_some() {
            return None;
        }
        let prev_ok = self.has(text, i - 1, flag::ROLE_TAIL)
            || self.is_title(text, i - 1)
            || (i.saturating_sub(4)..i).any(|k| {
                self.lookup(text, k).is_some_and(|m| {
                    k + m.len == i && self.lex.entry(m.entry).kind == EntityKind::Place
                })
            });
        if !prev_ok {
            return None;
        }
        if let Some(end) = self.name_tokens(text, i) {
            return self.last(end).has(tokens::CLOSE_PAREN).then_some(end);
        }
        // `The Ambassador in Italy (Page)`: one word alone in the parentheses is the office
        // holder even when it is a common word.
        let t = self.tok(i);
        let alone = t.has(tokens::CLOSE_PAREN)
            && !t.has(tokens::NUM | tokens::ALLCAPS)
            && !self.has(text, i, flag::FUNCTION | flag::MONTH);
        alone.then_some(i + 1)
    }

    /// An editorial gloss (`[Dalian]`, `[Lüshunkou District, Dalian]`) or an abbreviation in
    /// parentheses after candidate `target`. Returns the token after it, or `None` when the
    /// bracket holds no names.
    pub(super) fn gloss(
        &mut self,
        text: &str,
        site: SiteId,
        i: usize,
        target: usize,
        paren: bool,
        out: &mut Vec<Cand>,
    ) -> Option<usize> {
        let n = self.toks.len();
        let close = if paren {
            tokens::CLOSE_PAREN
        } else {
            tokens::CLOSE_BRACKET
        };
        let mut end = i;
        while end < n {
            end += 1;
            if self.last(end).has(close) {
                break;
            }
            if end < n && self.tok(end).has(tokens::OPEN_BRACKET | tokens::OPEN_PAREN) {
                return None;
            }
        }
        if !self.last(end).has(close) {
            return None;
        }
        if paren {
            // Only an abbreviation: `Archive of Foreign Policy (AVPRF)`.
            let t = self.tok(i);
            if end != i + 1
                || !t.has(tokens::ALLCAPS | tokens::ABBREV)
                || self.lookup(text, i).is_some()
            {
                return None;
            }
        }
        let (target_entry, target_kind) = match out.get(target) {
            Some(c) => match c.ev() {
                Evidence::Gazetteer(e) => (Some(e), c.kind()),
                _ => (None, c.kind()),
            },
            None => return None,
        };
        let before = out.len();
        let mut k = i;
        while k < end {
            let mut e = k + 1;
            while e < end && !self.last(e).has(tokens::COMMA_AFTER) {
                e += 1;
            }
            let t = self.tok(k);
            let named = t.has(tokens::CAP) && !self.is_stop(text, k) && !t.has(tokens::NUM);
            if named {
                let (s, pe) = (t.start, self.last(e).end);
                let gaz = self.lookup(text, k).filter(|m| k + m.len == e);
                let mut c = match gaz {
                    Some(m) => {
                        let entry = self.lex.entry(m.entry);
                        let mut c =
                            Cand::new(site, s, pe, Some(entry.kind), Evidence::Gazetteer(m.entry));
                        c.set_adjectival(m.adjectival);
                        // A different known place is where the glossed place lies, not its name.
                        if target_entry.is_none() || target_entry == Some(m.entry) {
                            c.set_link(target as u32);
                        }
                        c
                    }
                    None => {
                        let mut c = Cand::new(site, s, pe, target_kind, Evidence::Gloss);
                        c.set_link(target as u32);
                        c
                    }
                };
                c.set_gloss(true);
                out.push(c);
            }
            k = e;
        }
        (out.len() > before).then_some(end)
    }

    /// A capitalised sequence without a rule of its own.
    pub(super) fn bare(
        &mut self,
        text: &str,
        site: SiteId,
        i: usize,
        out: &mut Vec<Cand>,
    ) -> usize {
        let n = self.toks.len();
        let mut j = i;
        let mut caps = 0;
        let mut last_cap = i;
        while j < n {
            let t = self.tok(j);
            if j > i && !self.joined(text, j, false) {
                break;
            }
            if t.has(tokens::LOWER) {
                let particle = self.has(text, j, flag::PARTICLE);
                if caps > 0 && particle && j + 1 < n && self.joined(text, j + 1, false) {
                    j += 1;
                    continue;
                }
                break;
            }
            if !t.has(tokens::CAP) || t.has(tokens::INITIAL | tokens::ABBREV) {
                break;
            }
            // `Paoting Fu`, `Thunder Bay`: a place word ends the name.
            if j > i && self.has(text, j, flag::PLACE_SUFFIX) {
                break;
            }
            // A lone letter (`M/V`, `Plan B`) is not a name.
            if text
                .get(t.start..t.end)
                .unwrap_or("")
                .chars()
                .nth(1)
                .is_none()
            {
                break;
            }
            if j > i && t.has(tokens::OPEN_PAREN | tokens::OPEN_BRACKET) {
                break;
            }
            if self.has(text, j, flag::MONTH) || is_roman(slice(text, t)) {
                break;
            }
            if self.is_stop(text, j)
                || self.is_title(text, j)
                || self.has(text, j, flag::HEAD | flag::TITLE_MODIFIER | flag::ROLE)
                || self.lookup(text, j).is_some()
            {
                break;
            }
            caps += 1;
            last_cap = j;
            j += 1;
            if t.has(tokens::POSS | tokens::COMMA_AFTER | tokens::DOT_AFTER)
                || t.has(tokens::CLOSE_PAREN | tokens::CLOSE_BRACKET)
                || caps == 4
            {
                break;
            }
        }
        if caps == 0 {
            return i + 1;
        }
        let end = last_cap + 1;
        let (s, mut e) = (self.tok(i).start, self.tok(last_cap).end);
        let last = self.tok(last_cap);
        // `Thunder Bay`, `Kola Inlet`.
        if end < n
            && !last.has(tokens::POSS)
            && self.joined(text, end, false)
            && self.tok(end).has(tokens::CAP)
            && self.has(text, end, flag::PLACE_SUFFIX)
        {
            e = self.tok(end).end;
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Place),
                Evidence::PlaceAffix,
            ));
            return end + 1;
        }
        // `Economic Adviser`, `Legation Interpreter`: words that qualify a title or an
        // organization word after them are not a name.
        if end < n
            && !last.has(tokens::POSS)
            && self.joined(text, end, false)
            && self.tok(end).has(tokens::CAP)
            && self.has(text, end, flag::TITLE | flag::ROLE | flag::HEAD)
        {
            return end;
        }
        // `Southeastern Europe`, `Northwestern Persia`: a compass adjective qualifies the
        // known place after it and names no place of its own.
        if caps == 1
            && end < n
            && self.joined(text, end, false)
            && self.word(text, i).ends_with("ern")
            && self
                .lookup(text, end)
                .is_some_and(|m| self.lex.entry(m.entry).kind == EntityKind::Place)
        {
            return end;
        }
        // `Paoting-fu`, `Wu-an-hsien`: the romanised Chinese words for prefecture, county and
        // department end a place's name.
        let w = self.word(text, last_cap);
        let seat = ["-fu", "-hsien", "-chou", "-chow"]
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s));
        if seat {
            out.push(Cand::new(
                site,
                s,
                e,
                Some(EntityKind::Place),
                Evidence::PlaceAffix,
            ));
            return end;
        }
        let cue = self.place_cue(text, i, end) && !last.has(tokens::POSS);
        let c = if self.person_cue(text, i, end, cue) {
            Cand::new(site, s, e, Some(EntityKind::Person), Evidence::PersonCue)
        } else if cue {
            Cand::new(site, s, e, Some(EntityKind::Place), Evidence::PlaceCue)
        } else {
            Cand::new(site, s, e, None, Evidence::Bare)
        };
        out.push(c);
        end
    }

    /// The words around tokens `i..end` say they name a person. After a place cue only a
    /// verb of telling before `to` does (`show this telegram to Patchin`).
    pub(super) fn person_cue(&mut self, text: &str, i: usize, end: usize, cue: bool) -> bool {
        if cue {
            return self.told_to(text, i) || self.addressed(text, i, end);
        }
        // `The Times has suggested`: a person's name takes no article; `Grey of Fallodon,
        // Secretary of State`: a name after `of` is not the one in apposition.
        // `the Christians of Ourfa have felt`: after a preposition the name is not the
        // subject of the verb that follows.
        let (article, object, of) = match i.checked_sub(1) {
            Some(k) if self.tok(i).has(tokens::PLAIN_GAP) => {
                let w = self.word(text, k);
                let object = matches!(
                    w,
                    "of" | "for"
                        | "from"
                        | "in"
                        | "at"
                        | "to"
                        | "by"
                        | "with"
                        | "on"
                        | "into"
                        | "upon"
                        | "near"
                        | "via"
                        | "about"
                        | "against"
                        | "between"
                        | "among"
                        | "under"
                        | "over"
                        | "through"
                        | "toward"
                        | "towards"
                        | "within"
                        | "without"
                );
                let article = matches!(w, "the" | "a" | "an" | "this" | "that");
                (article, object, w == "of")
            }
            _ => (false, false, false),
        };
        (!article && !object && self.verb_after(text, end))
            || self.object_before(text, i)
            || (!article && !object && self.role_after(text, end))
            || (!of && self.role_before(text, i, end))
            || self.with_pronoun(text, i, end)
            || self.addressed(text, i, end)
            || self.person_shape(text, i, end)
    }

    /// `Polk thinks`, `Lansing has prepared`, `Emerson will not arrive`: a verb whose subject
    /// is a person, after at most two auxiliaries.
    fn verb_after(&mut self, text: &str, end: usize) -> bool {
        let last = self.last(end);
        if last.has(tokens::POSS | tokens::COMMA_AFTER | tokens::DOT_AFTER)
            || last.has(tokens::CLOSE_PAREN | tokens::CLOSE_BRACKET)
        {
            return false;
        }
        let mut k = end;
        while k < self.toks.len() && k < end + 3 {
            let t = self.tok(k);
            if !t.has(tokens::LOWER) || !t.has(tokens::PLAIN_GAP) {
                return false;
            }
            if self.has(text, k, flag::PERSON_VERB) {
                // `the Convention signed at Geneva`: a participle, not a verb of the name.
                let participle = k == end
                    && self.word(text, k).ends_with("ed")
                    && k + 1 < self.toks.len()
                    && matches!(self.word(text, k + 1), "by" | "at" | "on" | "in");
                return !participle;
            }
            if !self.has(text, k, flag::AUX) || t.has(tokens::COMMA_AFTER | tokens::DOT_AFTER) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// `For Stevens [from Willard]`, `For Grew from Hull`: a telegram's addressee and sender.
    fn addressed(&mut self, text: &str, i: usize, end: usize) -> bool {
        if i == 0 {
            return false;
        }
        let opener = match self.word(text, i - 1) {
            "for" => "for",
            "from" => "from",
            _ => return false,
        };
        let n = self.toks.len();
        match opener {
            // The name after `For` at a sentence start, with `from` and a name after it.
            "for" => {
                self.last(i).has(tokens::SENT)
                    && end + 1 < n
                    && self.word(text, end) == "from"
                    && self.tok(end + 1).has(tokens::CAP)
            }
            // `[from Willard]`: an editor's note of the sender.
            "from" => {
                self.last(i).has(tokens::OPEN_BRACKET) && self.last(end).has(tokens::CLOSE_BRACKET)
            }
            _ => false,
        }
    }

    /// `he and Balfour`, `Balfour and I`: a name joined to a personal pronoun.
    fn with_pronoun(&mut self, text: &str, i: usize, end: usize) -> bool {
        let pronoun =
            |w: &str| matches!(w, "he" | "she" | "i" | "we" | "him" | "her" | "me" | "us");
        let n = self.toks.len();
        let before = i >= 2
            && self.tok(i).has(tokens::PLAIN_GAP)
            && self.last(i).has(tokens::PLAIN_GAP)
            && self.word(text, i - 1) == "and"
            && pronoun(self.word(text, i - 2));
        let after = end + 1 < n
            && self.tok(end).has(tokens::PLAIN_GAP)
            && self.tok(end + 1).has(tokens::PLAIN_GAP)
            && self.word(text, end) == "and"
            && pronoun(self.word(text, end + 1));
        before || after
    }

    /// `told Patchin`, `I will see Emerson`: a verb whose object is a person, right before.
    fn object_before(&mut self, text: &str, i: usize) -> bool {
        // `I called on Soheily`.
        let called_on = i > 1
            && self.tok(i).has(tokens::PLAIN_GAP)
            && self.last(i).has(tokens::PLAIN_GAP)
            && self.word(text, i - 1) == "on"
            && matches!(
                self.word(text, i - 2),
                "called" | "call" | "calling" | "calls" | "waited"
            );
        if called_on {
            return true;
        }
        let cued = i > 0
            && self.tok(i).has(tokens::PLAIN_GAP)
            && self.last(i).has(tokens::LOWER)
            && self.has(text, i - 1, flag::OBJECT_VERB);
        // `see Proceedings of the Conference` cites; `I will see Emerson` meets.
        cued && (self.word(text, i - 1) != "see"
            || i > 1
                && self.last(i).has(tokens::PLAIN_GAP)
                && (self.has(text, i - 2, flag::AUX)
                    || matches!(self.word(text, i - 2), "to" | "i" | "we" | "you" | "they")))
    }

    /// `to Patchin` after a verb of telling or showing in the same sentence.
    fn told_to(&mut self, text: &str, i: usize) -> bool {
        if i == 0 || self.word(text, i - 1) != "to" {
            return false;
        }
        // `show this telegram to X`, not `given to him to proceed to X`.
        for k in (i.saturating_sub(5)..i - 1).rev() {
            if self.has(text, k, flag::TO_VERB) {
                return true;
            }
            if self.tok(k).has(tokens::SENT) || self.word(text, k) == "to" {
                return false;
            }
        }
        false
    }

    /// A title or role word (any case).
    fn is_role(&mut self, text: &str, k: usize) -> bool {
        self.has(text, k, flag::TITLE | flag::ROLE)
    }

    /// `Holsti, the Finnish permanent delegate`, `Curzon, acting Minister of Foreign Affairs`:
    /// after a comma, a role within four words.
    fn role_after(&mut self, text: &str, end: usize) -> bool {
        let last = self.last(end);
        if !last.has(tokens::COMMA_AFTER) || !text.get(last.end..).unwrap_or("").starts_with(", ") {
            return false;
        }
        let n = self.toks.len();
        if end < n && matches!(self.word(text, end), "who" | "whom" | "whose") {
            return true;
        }
        let mut k = end;
        while k < n && k < end + 4 {
            let t = self.tok(k);
            if k > end && !t.has(tokens::PLAIN_GAP) {
                return false;
            }
            if self.is_role(text, k) {
                return true;
            }
            let det = matches!(
                self.word(text, k),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "our"
                    | "their"
                    | "my"
                    | "your"
                    | "acting"
                    | "former"
                    | "late"
                    | "then"
                    | "now"
            );
            if (k > end || !det) && self.has(text, k, flag::FUNCTION | flag::STOP) {
                return false;
            }
            if t.has(tokens::COMMA_AFTER | tokens::DOT_AFTER | tokens::NUM) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// `the Bolivian representative, Costa du Rels, had ...`, `the Russian general de
    /// Wogack`: a role right before the name, with a comma that the name closes, or a
    /// lowercase role with none.
    fn role_before(&mut self, text: &str, i: usize, end: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.last(i);
        if self.tok(i).has(tokens::PLAIN_GAP) {
            return prev.has(tokens::LOWER) && self.is_role(text, i - 1);
        }
        let closed = end == self.toks.len()
            || self.last(end).has(tokens::COMMA_AFTER | tokens::DOT_AFTER)
            || self.last(end).has(tokens::CLOSE_PAREN);
        prev.has(tokens::COMMA_AFTER)
            && text.get(prev.end..self.tok(i).start).unwrap_or("") == ", "
            && closed
            && self.is_role(text, i - 1)
    }

    /// Names shaped like personal names: Slavic and other patronymic endings (`Sakharov`,
    /// `Paderewski`, `Tereshchenko`) and the romanised Chinese `Surname Given-name`
    /// (`Liu Kun-yi`, `Chang Chih-tung`).
    fn person_shape(&mut self, text: &str, i: usize, end: usize) -> bool {
        let last = self.last(end);
        let w = self.word(text, end - 1);
        const ENDINGS: &[&str] = &[
            "ov", "ova", "ev", "eva", "sky", "ski", "skii", "skaya", "vich", "vitch", "enko",
            "shvili", "dze", "escu", "opoulos",
        ];
        if w.chars().count() >= 5 && ENDINGS.iter().any(|e| w.ends_with(e)) {
            return true;
        }
        if end != i + 2 || last.has(tokens::ALLCAPS) || self.tok(i).has(tokens::ALLCAPS) {
            return false;
        }
        let first = text.get(self.tok(i).start..self.tok(i).end).unwrap_or("");
        let given = slice(text, last);
        let short =
            (2..=5).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic());
        short
            && given
                .split_once('-')
                .is_some_and(|(_, b)| b.bytes().next().is_some_and(|c| c.is_ascii_lowercase()))
    }

    /// `de Wogack`, `von der Goltz` where no capitalised word comes before: a particle opens a
    /// person's name. Returns the end token.
    pub(super) fn particle_person(&mut self, text: &str, i: usize) -> Option<usize> {
        let t = self.tok(i);
        // Every lowercase word comes here: the cheap tests first.
        if t.end - t.start > 5
            || !self.toks.get(i + 1).is_some_and(|n| n.has(tokens::CAP))
            || !matches!(
                slice(text, t).as_bytes(),
                b"de"
                    | b"da"
                    | b"di"
                    | b"du"
                    | b"del"
                    | b"della"
                    | b"des"
                    | b"van"
                    | b"von"
                    | b"ter"
                    | b"dos"
            )
        {
            return None;
        }
        // `de l’Allemagne du Nord`: not after a capitalised word, elided article or not.
        let after_name = i > 0 && {
            let p = self.last(i);
            p.has(tokens::CAP | tokens::NUM)
                || text
                    .get(p.start..p.end)
                    .unwrap_or("")
                    .chars()
                    .any(char::is_uppercase)
        };
        if after_name || !self.joined(text, i + 1, false) {
            return None;
        }
        if self.lookup(text, i + 1).is_some() || self.is_stop(text, i + 1) {
            return None;
        }
        self.name_tokens(text, i)
    }

    /// `in X`, `at X`, `the province of X`.
    pub(super) fn place_cue(&mut self, text: &str, i: usize, end: usize) -> bool {
        if i == 0 || !self.joined(text, i, false) || !self.last(i).has(tokens::LOWER) {
            return false;
        }
        // `in Hernsheim case`, `the Cazo claim`: the preposition governs the thing the name
        // qualifies, which may be named after a person.
        let last = self.last(end);
        if end < self.toks.len()
            && !last.has(tokens::POSS | tokens::COMMA_AFTER | tokens::DOT_AFTER)
            && self.tok(end).has(tokens::LOWER)
            && self.joined(text, end, false)
            && self.has(text, end, flag::NAMED_THING)
        {
            return false;
        }
        if self.has(text, i - 1, flag::PLACE_CUE) {
            // `to Negotiate Peace`: after `to`, a name followed by another capitalised word is
            // more likely a title-case verb than a destination.
            let to = self.word(text, i - 1) == "to";
            let capital_follows = end < self.toks.len()
                && self.joined(text, end, false)
                && self.tok(end).has(tokens::CAP);
            return !(to && capital_follows);
        }
        // `the province of Chihli`, but not `the Minister of Agriculture`.
        i >= 2
            && self.word(text, i - 1) == "of"
            && self.joined(text, i - 1, false)
            && self.has(text, i - 2, flag::OF_CUE)
            && !self.has(text, i, flag::ROLE_TAIL)
    }
}

#[cfg(test)]
mod tests {
    use super::trim_quotes_end;

    #[test]
    fn spaces_and_opening_quotes_are_trimmed_from_the_end_only() {
        assert_eq!(trim_quotes_end("the steamer “"), "the steamer");
        assert_eq!(trim_quotes_end("ship ‘ \" ' "), "ship");
        assert_eq!(trim_quotes_end("M/V  "), "M/V");
        assert_eq!(trim_quotes_end("  Dido"), "  Dido");
        assert_eq!(trim_quotes_end("said ”"), "said ”", "a closing quote stays");
        assert_eq!(trim_quotes_end("é “"), "é");
        assert_eq!(trim_quotes_end(" “‘"), "");
        assert_eq!(trim_quotes_end(""), "");
    }
}
