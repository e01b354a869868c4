//! Big jumps (`g`, `G`, `:N`, `N%`, `n`, footnotes, entity and bookmark jumps) and the jump
//! list that remembers where they came from, walked with Ctrl-o / Ctrl-i like vim's.

use super::DocView;
use crate::document::Location;

impl DocView {
    /// Jump so `loc` is on the top row, remembering where we were (Ctrl-o comes back).
    pub fn jump_to(&mut self, loc: Location) {
        self.jumps.push(self.reading());
        self.go(loc);
    }

    /// Jump so the row holding `loc` is the top row (a bookmark, a place in the marker
    /// column): the whole row shows, not the words from `loc` on.
    pub fn jump_to_row_of(&mut self, loc: Location) {
        let start = self.row_location(self.row_pos(loc));
        self.jump_to(start);
    }

    /// Record the current position in the jump list without moving (before a move that
    /// does not go through [`DocView::jump_to`]).
    pub fn remember_position(&mut self) {
        self.jumps.push(self.reading());
    }

    /// Record `from` in the jump list (a position left earlier, such as where a search
    /// started).
    pub fn remember(&mut self, from: Location) {
        self.jumps.push(from);
    }

    /// Ctrl-o: back to where the last jump came from; false at the oldest jump.
    pub fn jump_back(&mut self) -> bool {
        match self.jumps.back(self.reading()) {
            Some(loc) => {
                self.go(loc);
                true
            }
            None => false,
        }
    }

    /// Ctrl-i: forward again after Ctrl-o; false at the newest jump.
    pub fn jump_forward(&mut self) -> bool {
        match self.jumps.forward() {
            Some(loc) => {
                self.go(loc);
                true
            }
            None => false,
        }
    }

    /// `G`: the end of the document, as a jump.
    pub fn jump_to_end(&mut self) {
        self.jumps.push(self.reading());
        let max = self.max_top();
        self.set_top_row(max);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    entries: Vec<Location>,
    /// Where Ctrl-o / Ctrl-i stand in `entries`; `entries.len()` means "at the newest place".
    pos: usize,
}

const LIMIT: usize = 100;

impl JumpList {
    /// Record `from` before jumping away from it; forgets any forward entries.
    pub fn push(&mut self, from: Location) {
        self.entries.truncate(self.pos);
        if self.entries.last() != Some(&from) {
            self.entries.push(from);
        }
        if self.entries.len() > LIMIT {
            self.entries.remove(0);
        }
        self.pos = self.entries.len();
    }

    /// Where Ctrl-o goes from `current`, remembering `current` so Ctrl-i can come back.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        if self.pos == 0 {
            return None;
        }
        if self.pos == self.entries.len() {
            if self.entries.last() != Some(&current) {
                self.entries.push(current);
            }
            self.pos = self.entries.len() - 1;
        }
        if self.pos == 0 {
            return None;
        }
        self.pos -= 1;
        Some(self.entries[self.pos])
    }

    /// Where Ctrl-i goes, if Ctrl-o was used before.
    pub fn forward(&mut self) -> Option<Location> {
        if self.pos + 1 >= self.entries.len() {
            return None;
        }
        self.pos += 1;
        Some(self.entries[self.pos])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(b: usize) -> Location {
        Location::new(b, 0)
    }

    #[test]
    fn back_and_forward_retrace_jumps() {
        let mut j = JumpList::default();
        j.push(l(0));
        j.push(l(5));
        // Now at 9.
        assert_eq!(j.back(l(9)), Some(l(5)));
        assert_eq!(j.back(l(5)), Some(l(0)));
        assert_eq!(j.back(l(0)), None);
        assert_eq!(j.forward(), Some(l(5)));
        assert_eq!(j.forward(), Some(l(9)));
        assert_eq!(j.forward(), None);
    }

    #[test]
    fn a_new_jump_forgets_the_forward_entries() {
        let mut j = JumpList::default();
        j.push(l(0));
        j.push(l(5));
        j.back(l(9));
        j.push(l(5));
        assert_eq!(j.forward(), None);
        assert_eq!(j.back(l(2)), Some(l(5)));
    }
}
