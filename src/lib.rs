//! `timeline`: browse a chronology of events, each backed by quotes from its sources.
//!
//! Data flows one way: files → `load` → `model::Timeline` → `app::App` → `ui` frame.
//! Input flows the other: key → `app::keymap` → `Action` → `app::update`.

pub mod app;
pub mod cli;
pub mod export;
pub mod load;
pub mod model;
pub mod search;
pub mod synth;
pub mod tui;
pub mod ui;
