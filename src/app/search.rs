//! Search in the reader, the way `less` and vim do it.
//!
//! `/` (forward) and `?` (backward) open the input line. Every change of the text starts a
//! [`SearchJob`] from where the reader was: the nearest match is shown at once and all matches
//! become the current targets as soon as they are counted (in steps the event loop runs
//! between frames, so a huge document never freezes the screen). Esc puts the reader back
//! where it was; Enter keeps the position and records the jump. With the side list focused,
//! `/` filters that list instead (`entities.rs`).

use super::{App, Focus, InputPurpose, Overlay, TargetLabel, Targets};
use crate::contain;
use crate::document::Location;
use crate::search::{
    Direction, Matcher, Query, STEP_BYTES, SearchError, SearchJob, Status, find_in_metadata,
};

/// Bytes searched at once on a keystroke. Small, so a burst of keys (a paste) stays quick:
/// each key replaces the previous search, and the event loop carries on with the last one
/// between frames.
const KEYSTROKE_BYTES: usize = 256 << 10;

/// Search settings and the search in progress.
#[derive(Debug)]
pub struct SearchState {
    /// Treat the query as a regular expression (Ctrl-r in the input line: this search only).
    regex: bool,
    /// What each new search starts with (Alt-r in the input line switches it, and `regex`).
    regex_kept: bool,
    /// Ignore accents (Ctrl-t in the input line, this search only); each search starts with
    /// accents ignored for plain text and matched for a regular expression.
    fold_accents: bool,
    /// Highlight matches; Alt-u switches it off and on.
    highlight: bool,
    /// `:noh`: highlights hidden until the next search, `n`/`N` or entity selection.
    hidden: bool,
    /// The direction of the last search: `n` goes that way, `N` the other.
    direction: Direction,
    /// The query whose matches are the targets (also highlighted in the metadata pane).
    matcher: Option<Matcher>,
    job: Option<SearchJob>,
    /// Whether the running job's nearest match has been brought on screen.
    revealed: bool,
    /// Whether reaching the last search's first match went round an end of the document.
    wrapped: bool,
    session: Option<Session>,
}

impl Default for SearchState {
    fn default() -> Self {
        Self {
            regex: false,
            regex_kept: false,
            fold_accents: true,
            highlight: true,
            hidden: false,
            direction: Direction::Forward,
            matcher: None,
            job: None,
            revealed: false,
            wrapped: false,
            session: None,
        }
    }
}

/// While the search line is open: what Esc restores, and where searching starts.
#[derive(Debug)]
struct Session {
    /// The reader's position when the line was opened.
    origin: Location,
    /// Where the search starts: the top row for `/`, the end of the bottom row for `?`
    /// (as in less, which searches backward from the last line displayed).
    from: Location,
    targets: Option<Targets>,
    matcher: Option<Matcher>,
    /// Why the text typed last is not a valid pattern.
    error: Option<SearchError>,
}

impl SearchState {
    /// Stop a search still counting (another feature took over the targets).
    pub fn stop_counting(&mut self) {
        self.job = None;
    }

    /// While a search is still counting: the matches counted so far.
    pub fn counting(&self) -> Option<usize> {
        self.job.as_ref().map(|j| j.matches().len())
    }

    /// Keep the regex and accent settings (a new document opened from the library).
    pub(super) fn set_options(&mut self, regex: bool, fold_accents: bool) {
        self.regex = regex;
        self.fold_accents = fold_accents;
    }

    pub fn regex(&self) -> bool {
        self.regex
    }

    pub fn fold_accents(&self) -> bool {
        self.fold_accents
    }

    /// Whether matches are highlighted (Alt-u, `:noh`).
    pub fn highlight(&self) -> bool {
        self.highlight && !self.hidden
    }

    /// Whether new searches start as regular expressions (Alt-r).
    pub fn regex_kept(&self) -> bool {
        self.regex_kept
    }

    /// A new search or filter line: the settings each starts with.
    pub(super) fn fresh_options(&mut self) {
        self.regex = self.regex_kept;
        self.fold_accents = !self.regex;
    }

    /// Show highlights again after `:noh` (a new search, `n`/`N`, a new entity).
    pub(super) fn unhide(&mut self) {
        self.hidden = false;
    }

    /// The query whose matches are the targets.
    pub fn matcher(&self) -> Option<&Matcher> {
        self.matcher.as_ref()
    }

    /// The settings shown beside the search line, with the keys that change them; `short`
    /// leaves out the key that keeps the regex setting.
    pub fn flags(&self, keymap: &super::Keymap, short: bool) -> String {
        let key = |a: super::Action| {
            keymap
                .key_label(super::Mode::Input, a)
                .unwrap_or_else(|| a.config_name())
        };
        let mode = match (self.regex, self.regex == self.regex_kept) {
            (true, true) if self.regex_kept => "regex, kept",
            (true, _) => "regex",
            (false, _) => "text",
        };
        let accents = if self.fold_accents {
            "accents ignored"
        } else {
            "accents count"
        };
        let keys = match short {
            true => key(super::Action::SearchToggleRegex),
            false => format!(
                "{} this search, {} keep",
                key(super::Action::SearchToggleRegex),
                key(super::Action::SearchKeepRegex)
            ),
        };
        let accents_key = key(super::Action::SearchToggleAccents);
        format!("{mode} ({keys}) · {accents} ({accents_key})")
    }
}

impl App {
    /// `/` or `?`: search the body, or filter the side list when it has the focus.
    pub fn start_search(&mut self, direction: Direction) {
        if self.view.focus() == Focus::Side || self.overlay == Overlay::Entities {
            self.start_filter();
            return;
        }
        let from = match direction {
            Direction::Forward => self.top(),
            Direction::Backward => self.bottom_location(),
        };
        self.search.session = Some(Session {
            origin: self.top(),
            from,
            targets: self.targets().cloned(),
            matcher: self.search.matcher.clone(),
            error: None,
        });
        self.search.direction = direction;
        self.search.fresh_options();
        self.search.unhide();
        self.open_input(InputPurpose::Search(direction), "");
    }

    /// Whether a search is still counting (the event loop then calls [`Self::background_step`]).
    pub fn busy(&self) -> bool {
        self.search.job.is_some()
    }

    /// Do one step of background work; returns whether anything was done.
    pub fn background_step(&mut self) -> bool {
        if self.search.job.is_none() {
            return false;
        }
        self.search_step(STEP_BYTES);
        true
    }

    /// The end of the last text row on screen.
    fn bottom_location(&self) -> Location {
        self.view
            .visible_rows()
            .iter()
            .rev()
            .find(|r| !r.row.separator)
            .map_or(self.top(), |r| Location::new(r.block, r.row.end))
    }

    /// Alt-u: highlighting off and on (the targets stay; `n`/`N` still walk them). After
    /// `:noh` it shows them again.
    pub fn toggle_highlight(&mut self) {
        if self.search.hidden {
            self.search.hidden = false;
            self.search.highlight = true;
        } else {
            self.search.highlight = !self.search.highlight;
        }
        self.say(if self.search.highlight {
            "highlighting on"
        } else {
            "highlighting off"
        });
    }

    /// `:noh`: hide the highlights until the next search, `n`/`N` or entity selection (the
    /// targets stay).
    pub(super) fn hide_highlights(&mut self) {
        self.search.hidden = true;
        self.say("highlights hidden until the next search");
    }

    /// Alt-r in the search line: switch between text and regular expression for this search
    /// and the ones after it.
    pub fn keep_regex(&mut self) {
        if !matches!(
            self.input.line().map(|l| l.purpose),
            Some(InputPurpose::Search(_) | InputPurpose::Filter)
        ) {
            return;
        }
        self.search.regex_kept = !self.search.regex;
        self.toggle_search_option(true);
    }

    /// Ctrl-r / Ctrl-t in the search line: switch regex mode or accent folding for this
    /// search and search again with the new setting.
    pub fn toggle_search_option(&mut self, regex: bool) {
        let Some(line) = self.input.line() else {
            return;
        };
        let text = line.text.clone();
        let purpose = line.purpose;
        if !matches!(purpose, InputPurpose::Search(_) | InputPurpose::Filter) {
            return;
        }
        if regex {
            self.search.regex = !self.search.regex;
            // Accents are ignored by default for plain text only.
            self.search.fold_accents = !self.search.regex;
        } else {
            self.search.fold_accents = !self.search.fold_accents;
        }
        if purpose == InputPurpose::Filter {
            self.filter_changed(&text, self.search.regex, self.search.fold_accents);
        } else {
            self.search_changed(&text);
        }
    }

    /// Which way `n` (forward = true) or `N` goes: the other way after a `?` search.
    pub fn target_direction(&self, forward: bool) -> bool {
        let searched = matches!(
            self.targets().map(|t| &t.label),
            Some(TargetLabel::Search(_))
        );
        if searched && self.search.direction == Direction::Backward {
            !forward
        } else {
            forward
        }
    }

    /// `n` (forward = true) and `N`: walk the targets. While a search is still counting, the
    /// matches counted so far are complete from the top of the document, so a step inside
    /// them needs no wait; a step past them (or a wrap) finishes the count first.
    pub(super) fn next_target(&mut self, forward: bool) -> Option<super::Effect> {
        self.search.unhide();
        let forward = self.target_direction(forward);
        if !self.next_target_is_known(forward) {
            self.finish_search();
        }
        // Past the last target of a walk across documents: the next document.
        if let Some(effect) = self.walk_step(forward) {
            return Some(effect);
        }
        self.step_target(forward);
        None
    }

    fn next_target_is_known(&self, forward: bool) -> bool {
        let (Some(job), Some(targets)) = (&self.search.job, self.targets()) else {
            return true;
        };
        let counted = job.matches();
        match targets.current_range().map(|r| counted.binary_search(&r)) {
            Some(Ok(i)) if forward => i + 1 < counted.len(),
            Some(Ok(i)) => i > 0,
            _ => false,
        }
    }

    /// Count the rest of a running search now.
    pub fn finish_search(&mut self) {
        while self.step_job(STEP_BYTES) == Some(Status::Running) {}
        self.search_step(STEP_BYTES);
    }

    /// One step of the running job, contained: a panic in it ends the search and says so
    /// (the details go to the log). `None` when there is no job (any more).
    fn step_job(&mut self, budget: usize) -> Option<Status> {
        let job = self.search.job.as_mut()?;
        let doc = self.view.doc();
        let stepped = contain::run("search", || {
            contain::debug_fail("search");
            job.step(doc, budget)
        });
        match stepped {
            Ok(status) => Some(status),
            Err(failure) => {
                self.search.job = None;
                self.restore_session_targets();
                let message = failure.message();
                match self.input.line_mut() {
                    Some(line) => line.error = Some(message),
                    None => self.say(message),
                }
                None
            }
        }
    }

    /// The search text changed: search again from where the reader was.
    pub(super) fn search_changed(&mut self, text: &str) {
        let Some(session) = &mut self.search.session else {
            return;
        };
        session.error = None;
        let (origin, from) = (session.origin, session.from);
        // History recall changes the text without an edit: the old error goes too.
        self.input.set_error(None);
        self.view.go(origin);
        self.search.job = None;
        if text.is_empty() {
            self.restore_session_targets();
            return;
        }
        let query = Query {
            pattern: text.to_string(),
            regex: self.search.regex,
            fold_accents: self.search.fold_accents,
        };
        match Matcher::new(&query) {
            Ok(matcher) => {
                // The previous text's matches go; this text's appear as they are found.
                self.restore_session_targets();
                let job = SearchJob::new(matcher, from, self.search.direction, true);
                self.search.job = Some(job);
                self.search.revealed = false;
                self.search_step(KEYSTROKE_BYTES);
            }
            Err(e) => {
                self.restore_session_targets();
                self.input.set_error(Some(e.to_string()));
                if let Some(session) = &mut self.search.session {
                    session.error = Some(e);
                }
            }
        }
    }

    /// Enter: keep the match on screen, record the jump, share the history with the other
    /// direction.
    pub(super) fn search_confirmed(&mut self, text: &str) {
        let Some(session) = self.search.session.take() else {
            return;
        };
        let other = InputPurpose::Search(self.search.direction.reversed());
        self.input.remember(other, text);
        if let Some(e) = session.error {
            self.say(e.to_string());
        }
        if text.is_empty() {
            // As in less and vim: an empty search repeats the last one, in the new direction.
            self.view.set_targets(session.targets);
            self.search.matcher = session.matcher;
            if matches!(
                self.targets().map(|t| &t.label),
                Some(TargetLabel::Search(_))
            ) {
                self.next_target(true);
            }
            return;
        }
        let pending = self.search.job.is_some();
        let found = self
            .targets()
            .is_some_and(|t| matches!(&t.label, TargetLabel::Search(q) if q == text));
        if !(found || pending) {
            if self.message.is_none() {
                self.say(format!("Pattern not found: {text}"));
            }
            self.view.set_targets(session.targets);
            self.search.matcher = session.matcher;
            return;
        }
        if self.top() != session.origin || pending {
            self.view.remember(session.origin);
        }
        self.search_notes();
    }

    /// After a search: say whether it wrapped and how many matches the metadata holds.
    fn search_notes(&mut self) {
        let mut notes = Vec::new();
        if let Some(n) = self.search.counting() {
            notes.push(format!("counting matches… {n} so far"));
        }
        if self.search.wrapped {
            notes.push(match self.search.direction {
                Direction::Forward => "search wrapped to the top".to_string(),
                Direction::Backward => "search wrapped to the bottom".to_string(),
            });
        }
        let in_meta = self
            .search
            .matcher
            .as_ref()
            .map_or(0, |m| find_in_metadata(&self.view.doc().metadata, m).len());
        let in_body = self.targets().map_or(0, |t| t.ranges.len());
        match (in_meta, in_body) {
            (0, _) => {}
            (n, 0) => notes.push(format!("only in the metadata ({n})")),
            (n, _) => notes.push(format!("{n} more in the metadata")),
        }
        if !notes.is_empty() {
            self.say(notes.join(" · "));
        }
    }

    /// Esc: back to where the reader was, with the targets it had.
    pub(super) fn search_cancelled(&mut self) {
        self.search.job = None;
        if let Some(session) = self.search.session.take() {
            self.view.go(session.origin);
            self.view.set_targets(session.targets);
            self.search.matcher = session.matcher;
        }
    }

    fn restore_session_targets(&mut self) {
        if let Some(session) = &self.search.session {
            self.view.set_targets(session.targets.clone());
            self.search.matcher = session.matcher.clone();
        }
    }

    /// Advance the job by about `budget` bytes and show what it found.
    fn search_step(&mut self, budget: usize) {
        let Some(status) = self.step_job(budget) else {
            return;
        };
        let Some(job) = &mut self.search.job else {
            return;
        };
        let pattern = job.matcher().query().pattern.clone();
        let label = TargetLabel::Search(pattern.clone());
        self.search.matcher = Some(job.matcher().clone());
        let nearest = job.nearest();
        let wrapped = job.wrapped();
        if job.seek_done() && nearest.is_none() {
            let in_meta = find_in_metadata(&self.view.doc().metadata, job.matcher()).len();
            self.search.job = None;
            if in_meta > 0 {
                // Nothing in the transcript to walk, but the metadata pane highlights it.
                self.view
                    .set_targets(Some(Targets::new(label, Vec::new(), None)));
                let note = format!("only in the metadata ({in_meta})");
                match self.input.line_mut() {
                    Some(line) => line.error = Some(note),
                    None => self.say(note),
                }
                return;
            }
            self.restore_session_targets();
            match self.input.line_mut() {
                Some(line) => line.error = Some("not found".into()),
                None => {
                    self.search.matcher = None;
                    self.say(format!("Pattern not found: {pattern}"));
                }
            }
            return;
        }
        if status == Status::Done {
            let Some(job) = self.search.job.take() else {
                return;
            };
            let current = job.nearest_index();
            self.view
                .set_targets(Some(Targets::new(label, job.into_matches(), current)));
            if self
                .message
                .as_deref()
                .is_some_and(|m| m.starts_with("counting matches"))
            {
                self.message = None;
            }
        } else if let Some(r) = nearest {
            // Until counting is done the targets are the matches counted so far and the
            // nearest one; the status line says counting goes on.
            let mut ranges = job.matches().to_vec();
            let current = match ranges.binary_search(&r) {
                Ok(i) => i,
                Err(i) => {
                    ranges.insert(i, r);
                    i
                }
            };
            let counted = job.matches().len();
            self.view
                .set_targets(Some(Targets::new(label, ranges, Some(current))));
            self.say(format!("counting matches… {counted} so far"));
        }
        if let Some(r) = nearest
            && !self.search.revealed
        {
            self.search.revealed = true;
            self.search.wrapped = wrapped;
            self.view.reveal(r.location());
        }
    }
}
