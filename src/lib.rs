//! memcon: a terminal reader for declassified memos and other archival documents.
//!
//! Data flow, disk to screen: [`source`] opens the file under its size limits → [`loading`]
//! reads it whole or (a big file) its head now and the rest on a worker → [`document::load`]
//! sanitises and parses bytes into a [`document::Document`] → [`entities`] finds the people,
//! places and organizations it names → [`bookmarks`] loads what the user saved → [`app::App`]
//! holds the reader's state and changes only in `update(Action)` → [`ui::render`] draws it from
//! a shared borrow; [`reader`] runs that loop inside the [`terminal`] guard, and [`contain`]
//! keeps a failed background job from ending it. [`export`] turns the same model into JSON for
//! scripts.

pub mod app;
pub mod bookmarks;
pub mod cli;
pub mod commands;
pub mod contain;
pub mod document;
pub mod entities;
pub mod export;
pub mod loading;
pub mod paths;
pub mod reader;
pub mod search;
pub mod source;
pub mod terminal;
pub mod ui;

/// The memo bundled into the binary, shown when no file is named.
pub const BUNDLED: &str = include_str!("../assets/harriman-soong-1945-07-03.txt");
