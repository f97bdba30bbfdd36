//! `timeline`: browse a chronology of events, each backed by quotes from its sources.
//!
//! Data flows one way: files → `load` → `model::Timeline` → `app::App` → `ui` frame.
//! Input flows the other: key → `input::keymap` → `Action` → `app::update` → `Effect`.

pub mod app;
pub mod cache;
pub mod cli;
pub mod export;
pub mod input;
pub mod load;
pub mod model;
pub mod scan;
pub mod search;
pub mod text;
pub mod tty;
pub mod tui;
pub mod ui;
pub mod view;

/// The frozen test data set: a copy of the built-in one, so that unit tests do not change when
/// `assets/` does.
#[cfg(test)]
pub(crate) fn frozen() -> model::Timeline {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/frozen/timeline.json");
    let input = load::DataInput::from_file(&path, None).expect("the frozen data set reads");
    load::load(&input).expect("the frozen data set loads")
}
