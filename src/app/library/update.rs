//! What each action does in the library: one arm per action, as in `app/update.rs`.

use super::super::{Action, App, Effect, InputPurpose, Overlay};
use super::list::Sort;
use super::walk::{OpenAt, OpenRequest, Walk, WalkKind};
use super::{LibFocus, Library, SearchHits, Source};
use crate::search::{Matcher, Query, SearchError};

impl App {
    /// Apply `action` on the library screen.
    pub(in crate::app) fn library_action(&mut self, action: Action) -> Option<Effect> {
        let page = self.library_list_height() as isize;
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::LineDown => self.library_move(1),
            Action::LineUp => self.library_move(-1),
            Action::PageDown => self.library_move(page),
            Action::PageUp => self.library_move(-page),
            Action::HalfPageDown => self.library_move((page / 2).max(1)),
            Action::HalfPageUp => self.library_move(-(page / 2).max(1)),
            Action::Top => self.library_move(isize::MIN / 2),
            Action::Bottom => self.library_move(isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => self.library_focus_toggle(),
            Action::LibraryOpen => return self.library_open(),
            Action::LibrarySort => self.library_sort(),
            Action::LibrarySearch => self.library_start_search(),
            Action::LibraryFilter => self.library_start_filter(""),
            Action::LibraryFilterChar(c) => self.library_start_filter(&c.to_string()),
            Action::LibraryBack => self.library_back(),
            Action::ToggleHelp => self.overlay = Overlay::Help { scroll: 0 },
            _ => {}
        }
        None
    }

    /// The terminal changed size: keep the selection on screen.
    pub(in crate::app) fn library_resized(&mut self) {
        let height = self.library_list_height();
        if let Some(lib) = self.lib() {
            lib.scroll_into_view(height);
        }
    }

    /// Rows of the document list on screen (at least one).
    pub fn library_list_height(&self) -> usize {
        let per = self.library.as_ref().map_or(1, |l| l.lines_per_row());
        let lines = self
            .view
            .panes()
            .map_or(1, |p| usize::from(p.body.height.saturating_sub(3)));
        (lines / per).max(1)
    }

    fn library_move(&mut self, delta: isize) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        match lib.focus {
            LibFocus::Documents => lib.move_selection(delta, height),
            LibFocus::Entities => {
                let before = lib.side.selected;
                lib.side.move_by(delta);
                if lib.side.selected != before {
                    self.library_entity_selected();
                }
            }
        }
    }

    /// Tab: between the documents and the entities.
    fn library_focus_toggle(&mut self) {
        let Some(lib) = self.lib() else { return };
        lib.focus = match lib.focus {
            LibFocus::Documents => LibFocus::Entities,
            LibFocus::Entities => LibFocus::Documents,
        };
        if lib.focus == LibFocus::Entities {
            if lib.table.is_none() {
                self.say("entities are listed once the collection is indexed");
                return;
            }
            self.library_entity_selected();
        }
    }

    /// The entity selected in the side list: the list shows the documents mentioning it.
    fn library_entity_selected(&mut self) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        let Some(item) = lib.side.selected_item() else {
            return;
        };
        let id = item.entity;
        if !matches!(lib.source, Source::Entity(_)) {
            lib.all_selected = lib.selected_doc();
        }
        lib.source = Source::Entity(id);
        lib.selected = 0;
        lib.top = 0;
        lib.rebuild_rows(height);
        lib.selected = 0;
        lib.top = 0;
        if let Some(e) = lib.table.as_ref().and_then(|t| t.entities.get(id)) {
            let text = format!(
                "{}: {} documents, {} mentions",
                e.name,
                e.docs.len(),
                e.mentions
            );
            self.say(text);
        }
    }

    /// Enter: in the entities, show the entity's documents; in the documents, read the
    /// selected one (at the first mention or match when the list is an entity's or a
    /// search's).
    fn library_open(&mut self) -> Option<Effect> {
        let lib = self.library.as_deref_mut()?;
        if lib.focus == LibFocus::Entities {
            lib.focus = LibFocus::Documents;
            self.library_entity_selected();
            return None;
        }
        let Some(row) = lib.rows.get(lib.selected).copied() else {
            self.say("no document selected");
            return None;
        };
        let path = lib.docs[row.doc].file.path();
        let docs: Vec<usize> = lib.rows.iter().map(|r| r.doc).collect();
        let kind = match &lib.source {
            Source::All => None,
            Source::Entity(id) => lib
                .table
                .as_ref()
                .and_then(|t| t.entities.get(*id))
                .map(|e| WalkKind::Entity {
                    id: *id,
                    name: e.name.clone(),
                }),
            Source::Search(s) => Matcher::new(&s.query).ok().map(|matcher| WalkKind::Search {
                query: s.query.clone(),
                matcher,
            }),
        };
        let at = if kind.is_some() {
            OpenAt::First
        } else {
            OpenAt::Saved
        };
        self.walk = kind.map(|kind| Walk {
            kind,
            docs,
            pos: lib.selected,
        });
        self.doc_jumps = Default::default();
        Some(Effect::OpenDocument(OpenRequest {
            doc: row.doc,
            path,
            at,
        }))
    }

    /// `s`: the next sort order.
    fn library_sort(&mut self) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        lib.sort = lib.sort.next();
        lib.rebuild_rows(height);
        let name = lib.sort.name();
        self.say(format!("sorted by {name}"));
    }

    /// Esc: the filter goes first, then an entity's or a search's list gives way to every
    /// document.
    fn library_back(&mut self) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        if lib.focus == LibFocus::Entities && lib.side.kept_filter().is_some() {
            lib.side.clear_filter();
            return;
        }
        if !lib.filter.text().is_empty() {
            let _ = lib.filter.set("");
            lib.rebuild_rows(height);
            return;
        }
        if !matches!(lib.source, Source::All) {
            lib.source = Source::All;
            lib.focus = LibFocus::Documents;
            let keep = lib.all_selected.take();
            lib.rebuild_rows(height);
            if let Some(d) = keep
                && let Some(i) = lib.rows.iter().position(|r| r.doc == d)
            {
                lib.selected = i;
                lib.scroll_into_view(height);
            }
            return;
        }
        let quit = self.key(Action::Quit);
        self.say(format!("{quit} quits"));
    }

    /// `/`: search the whole collection.
    fn library_start_search(&mut self) {
        if !self.library.as_ref().is_some_and(|l| l.ready()) {
            self.say("the collection is still being indexed: search in a moment");
            return;
        }
        self.open_input(InputPurpose::LibrarySearch, "");
    }

    /// Start (or change) the filter of the focused list with `text`.
    fn library_start_filter(&mut self, text: &str) {
        let Some(lib) = self.lib() else { return };
        match lib.focus {
            LibFocus::Documents => {
                let kept = lib.filter.text().to_string();
                lib.filter_before = kept.clone();
                let text = if text.is_empty() {
                    kept
                } else {
                    text.to_string()
                };
                self.open_input(InputPurpose::LibraryFilter, &text);
                self.library_filter_changed(&text);
            }
            LibFocus::Entities => {
                let kept = lib.side.begin_filter();
                let text = if text.is_empty() {
                    kept
                } else {
                    text.to_string()
                };
                self.open_input(InputPurpose::Filter, &text);
                let (regex, fold) = (self.search.regex(), self.search.fold_accents());
                self.library_entity_filter(&text, regex, fold);
            }
        }
    }

    /// The filter of the document list changed.
    pub(in crate::app) fn library_filter_changed(&mut self, text: &str) {
        let height = self.library_list_height();
        let Some(lib) = self.lib() else { return };
        match lib.filter.set(text) {
            Ok(()) => {
                lib.rebuild_rows(height);
                let none = lib.rows.is_empty() && !text.is_empty();
                self.input
                    .set_error(none.then(|| "no document matches".to_string()));
            }
            Err(e) => self.input.set_error(Some(e.to_string())),
        }
    }

    /// The filter of the entities pane changed.
    pub(in crate::app) fn library_entity_filter(&mut self, text: &str, regex: bool, fold: bool) {
        let query = Query {
            pattern: text.to_string(),
            regex,
            fold_accents: fold,
        };
        let matcher = match Matcher::new(&query) {
            Ok(m) => Some(m),
            Err(SearchError::Empty) => None,
            Err(e) => {
                self.input.set_error(Some(e.to_string()));
                return;
            }
        };
        self.input.set_error(None);
        let Some(lib) = self.lib() else { return };
        let n = lib.side.filter_by(text, |item| {
            matcher.as_ref().is_none_or(|m| {
                let detail = item.detail.as_deref().unwrap_or("");
                [item.label.as_str(), item.kind.as_str(), detail]
                    .iter()
                    .any(|t| m.regex_for(t).is_match(t))
            })
        });
        if n == 0 {
            self.input.set_error(Some("no entity matches".into()));
        }
    }

    /// The document filter before its input line opened.
    pub(in crate::app) fn library_kept_filter(&self) -> String {
        self.library
            .as_ref()
            .map(|l| l.filter_before.clone())
            .unwrap_or_default()
    }

    /// Esc on the document filter: back to the filter kept before.
    pub(in crate::app) fn library_filter_cancelled(&mut self, kept: &str) {
        self.library_filter_changed(kept);
    }

    /// Enter on the collection search: start it (the event loop runs it).
    pub(in crate::app) fn library_search_confirmed(&mut self, text: &str) -> Option<Effect> {
        let query = Query {
            pattern: text.to_string(),
            regex: self.search.regex(),
            fold_accents: self.search.fold_accents(),
        };
        if let Err(e) = Matcher::new(&query) {
            if e != SearchError::Empty {
                self.say(format!("{text}: {e}"));
            }
            return None;
        }
        let height = self.library_list_height();
        let lib = self.library.as_deref_mut()?;
        lib.search_generation += 1;
        let generation = lib.search_generation;
        if matches!(lib.source, Source::All) {
            lib.all_selected = lib.selected_doc();
        }
        lib.source = Source::Search(SearchHits {
            query: query.clone(),
            hits: Vec::new(),
            done: false,
            generation,
        });
        lib.focus = LibFocus::Documents;
        lib.rebuild_rows(height);
        let n = lib.docs.len();
        self.say(format!("searching {n} documents…"));
        Some(Effect::SearchLibrary { query, generation })
    }

    /// The filter in the side list (entities) was confirmed or cancelled.
    pub(in crate::app) fn library_side_filter_done(&mut self, text: Option<&str>) {
        let (regex, fold) = (self.search.regex(), self.search.fold_accents());
        let Some(lib) = self.lib() else { return };
        match text {
            Some(t) => lib.side.keep_filter(t),
            None => match lib.side.kept_filter().map(str::to_string) {
                Some(kept) => self.library_entity_filter(&kept, regex, fold),
                None => lib.side.clear_filter(),
            },
        }
    }

    /// The name the status line gives the list.
    pub fn library_list_title(&self) -> String {
        let Some(lib) = self.library.as_deref() else {
            return String::new();
        };
        list_title(lib)
    }
}

/// "Documents", "Mentioning Port Arthur", "Search /text/", with counts and the filter.
fn list_title(lib: &Library) -> String {
    let n = lib.rows.len();
    let mut title = match &lib.source {
        Source::All => format!("{} · {n} documents", lib.name),
        Source::Entity(id) => match lib.table.as_ref().and_then(|t| t.entities.get(*id)) {
            Some(e) => format!(
                "Mentioning {} · {n} documents, {} mentions",
                e.name, e.mentions
            ),
            None => "Mentioning".to_string(),
        },
        Source::Search(s) => {
            let more = if s.done { "" } else { "…" };
            format!(
                "Search /{}/ · {n} documents, {} matches{more}",
                s.query.pattern,
                s.matches()
            )
        }
    };
    if !lib.filter.text().is_empty() {
        title.push_str(&format!(" · filter {}", lib.filter.text()));
    }
    if lib.sort != Sort::Date {
        title.push_str(&format!(" · by {}", lib.sort.name()));
    }
    title
}
