//! The rules for organizations, glosses, office holders in parentheses and bare capitalised
//! names, as methods of the [`Scanner`].

use super::EntityKind;
use super::Site;
use super::lexicon::flag;
use super::scan::{Cand, Evidence, Scanner, is_roman};
use super::tokens;

impl Scanner<'_> {
    /// A capitalised sequence with an organization word: returns its end token.
    pub(super) fn org_run(&mut self, text: &str, i: usize) -> Option<usize> {
        let n = self.toks.len();
        if self.has(text, i, flag::FUNCTION | flag::MONTH) {
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
                let w = self.word(text, j);
                let connector = t.has(tokens::AMP)
                    || matches!(w, "of" | "the" | "for" | "and" | "on" | "de" | "du" | "des");
                if !connector {
                    break;
                }
                // `Ministry of ...`, `Committee on ...`: a connector comes after an organization
                // word, or the words before it are not part of the name (`Traffic on the ...`).
                if !head && !t.has(tokens::AMP) {
                    return None;
                }
                j += 1;
                continue;
            }
            if !t.has(tokens::CAP) {
                break;
            }
            if self.has(text, j, flag::MONTH | flag::FUNCTION) {
                break;
            }
            let is_head = self.has(text, j, flag::HEAD);
            let inner = self.has(text, j, flag::ORG_INNER);
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
        (head && names >= 2).then_some(last_cap + 1)
    }

    pub(super) fn emit_org(
        &mut self,
        text: &str,
        site: Site,
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
                let (ps, pe) = (self.tok(k).start, self.last(k + m.len).end);
                let mut c = Cand::new(
                    site,
                    ps,
                    pe,
                    Some(EntityKind::Place),
                    Evidence::Gazetteer(m.entry),
                );
                c.adjectival = m.adjectival;
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

    /// True when a title stands in or just before `text[start..end]` (`Deputy Secretary
    /// General of the League of Nations`).
    pub(super) fn names_office(&mut self, text: &str, start: usize, end: usize) -> bool {
        let first = self.toks.partition_point(|t| t.start < start);
        let last = self.toks.partition_point(|t| t.end <= end);
        (first.saturating_sub(5)..last).any(|k| self.is_title(text, k))
    }

    /// `(Steger)` after an office: the office holder.
    pub(super) fn paren_person(&mut self, text: &str, i: usize) -> Option<usize> {
        if i == 0 || self.lookup(text, i).is_some() {
            return None;
        }
        let prev_ok = self.has(text, i - 1, flag::ROLE_TAIL)
            || self.is_title(text, i - 1)
            || self
                .lookup(text, i - 1)
                .is_some_and(|m| m.len == 1 && self.lex.entry(m.entry).kind == EntityKind::Place);
        if !prev_ok {
            return None;
        }
        let end = self.name_tokens(text, i)?;
        self.last(end).has(tokens::CLOSE_PAREN).then_some(end)
    }

    /// An editorial gloss (`[Dalian]`, `[Lüshunkou District, Dalian]`) or an abbreviation in
    /// parentheses after candidate `target`. Returns the token after it, or `None` when the
    /// bracket holds no names.
    pub(super) fn gloss(
        &mut self,
        text: &str,
        site: Site,
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
        let target_kind = out.get(target)?.kind;
        let target_entry = match out.get(target)?.ev {
            Evidence::Gazetteer(e) => Some(e),
            _ => None,
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
                        c.adjectival = m.adjectival;
                        // A different known place is where the glossed place lies, not its name.
                        if target_entry.is_none() || target_entry == Some(m.entry) {
                            c.link = Some(target);
                        }
                        c
                    }
                    None => {
                        let mut c = Cand::new(site, s, pe, target_kind, Evidence::Gloss);
                        c.link = Some(target);
                        c
                    }
                };
                c.gloss = true;
                out.push(c);
            }
            k = e;
        }
        (out.len() > before).then_some(end)
    }

    /// A capitalised sequence without a rule of its own.
    pub(super) fn bare(&mut self, text: &str, site: Site, i: usize, out: &mut Vec<Cand>) -> usize {
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
            if self.has(text, j, flag::MONTH) || is_roman(text.get(t.start..t.end).unwrap_or("")) {
                break;
            }
            if self.is_stop(text, j)
                || self.is_title(text, j)
                || self.has(text, j, flag::HEAD | flag::TITLE_MODIFIER)
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
        let cue = self.place_cue(text, i, end) && !last.has(tokens::POSS);
        let c = if cue {
            Cand::new(site, s, e, Some(EntityKind::Place), Evidence::PlaceCue)
        } else {
            Cand::new(site, s, e, None, Evidence::Bare)
        };
        out.push(c);
        end
    }

    /// `in X`, `at X`, `the province of X`.
    pub(super) fn place_cue(&mut self, text: &str, i: usize, end: usize) -> bool {
        if i == 0 || !self.joined(text, i, false) || !self.last(i).has(tokens::LOWER) {
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
        i >= 2
            && self.word(text, i - 1) == "of"
            && self.joined(text, i - 1, false)
            && self.has(text, i - 2, flag::OF_CUE)
    }
}
