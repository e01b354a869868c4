//! memcon: a terminal reader for declassified memos and other archival documents.
//!
//! Data flow, disk to screen: `main` reads the file's bytes → [`document::load`] sanitises and
//! parses them into a [`document::Document`] → [`entities`] finds the people, places and
//! organizations it names → [`bookmarks`] loads what the user saved → [`app::App`] holds the
//! reader's state and changes only in `update(Action)` → [`ui::render`] draws it from a shared
//! borrow; [`reader`] runs that loop inside the [`terminal`] guard. [`export`] turns the same model into JSON for scripts.

pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod document;
pub mod entities;
pub mod export;
pub mod loading;
pub mod paths;
pub mod reader;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;

/// The memo bundled into the binary, shown when no file is named.
pub const BUNDLED: &str = include_str!("../assets/harriman-soong-1945-07-03.txt");
