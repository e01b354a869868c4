//! memcon: a terminal reader for declassified memos and other archival documents.
//!
//! Data flow, disk to screen: [`commands`] loads everything that can fail first — the file
//! ([`source`] opens it under its size limits; [`loading`] reads it whole or, a big file, its
//! head now and the rest on a worker; [`document::load`] sanitises and parses bytes into a
//! [`document::Document`]), the user's [`config`] and aliases, the [`bookmarks`] store, all
//! found through [`paths`] → [`entities`] finds the people, places and organizations the
//! document names → [`app::App`] holds the reader's state and changes only in
//! `update(Action)`, touching no disk → [`reader`] runs the loop inside the [`terminal`] guard
//! and performs the App's effects (saving bookmarks, taking in what the loader sends) →
//! [`ui::render`] draws the App from a shared borrow with its [`theme`](mod@theme). A folder
//! is read as a collection ([`corpus`]: indexed on every core, cached). [`contain`] keeps a
//! failed background job (loading, entities, search, indexing) from ending the program.
//! [`export`] turns the same model into JSON for scripts, written as it goes by [`json`].
//! [`fold`] is the one accent and case folding that search and entity names share.

pub mod app;
pub mod bookmarks;
pub mod check;
pub mod cite;
pub mod cli;
pub mod commands;
pub mod config;
pub mod contain;
pub mod corpus;
pub mod document;
pub mod entities;
pub mod export;
pub mod fold;
pub mod json;
pub mod loading;
pub mod paths;
pub mod reader;
pub mod search;
pub mod source;
pub mod terminal;
pub mod theme;
pub mod ui;

/// The memo bundled into the binary, shown when no file is named.
pub const BUNDLED: &str = include_str!("../assets/harriman-soong-1945-07-03.txt");
