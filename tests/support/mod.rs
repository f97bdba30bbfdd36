//! Shared by the integration tests: the frozen data set, a browser driven synchronously through
//! the same effect flow the real one uses, and the synthetic data generator.
#![allow(dead_code)] // Each test binary uses its own part of this.

pub mod synth;

use std::path::{Path, PathBuf};
use timeline::app::{Action, App, Driver};
use timeline::input::keymap::KeyMode;
use timeline::load::{DataInput, load};
use timeline::model::Timeline;
use timeline::search::Filter;

/// One unverified event of JSON lines, titled `T {id}`, with no sources; `more` is added to its
/// fields as written (`,"group":"Talks"`).
pub fn jsonl_event(id: &str, date: &str, kind: &str, more: &str) -> String {
    format!(
        r#"{{"type":"event","id":"{id}","date":"{date}","status":"held","kind":"{kind}","title":"T {id}","summary":"","countries":[],"places":[],"people":[],"sources":[]{more}}}"#
    )
}

/// Where the frozen data set is: a copy of the built-in one, so that the unit, snapshot and
/// property tests do not change when `assets/` does.
pub fn frozen_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/frozen/timeline.json")
}

pub fn frozen() -> Timeline {
    load(&DataInput::from_file(&frozen_path(), None).expect("the frozen data set reads"))
        .expect("the frozen data set loads")
}

/// A data file of the repository (TimelineJS, a sheet, our format), loaded as `--data` does.
pub fn load_file(rel: &str) -> Timeline {
    // Relative to the package (cargo runs tests there), so that warnings and snapshots name the
    // file the same way in every checkout.
    let path = Path::new(rel);
    load(&DataInput::from_file(path, None).expect("the fixture reads")).expect("the fixture loads")
}

/// `text` loaded as the data file `path` (never written, its articles the built-in ones): its
/// timeline, or its problems as `path:line:col: message`.
pub fn load_str(path: &str, text: &str) -> Result<Timeline, Vec<String>> {
    let input =
        DataInput { path: path.into(), text: text.into(), articles: timeline::load::ArticleStore::Builtin };
    load(&input).map_err(|e| e.problems.iter().map(|p| p.to_string()).collect())
}

/// A browser on the frozen data set, with its effects carried out synchronously.
pub struct Browser {
    pub app: App,
    pub driver: Driver,
}

impl Browser {
    pub fn new(timeline: Timeline, width: u16, height: u16) -> Browser {
        let (app, driver) = Driver::start(timeline, Filter::default(), width, height);
        Browser { app, driver }
    }

    pub fn act(&mut self, action: Action) -> Option<timeline::app::Effect> {
        self.driver.apply(&mut self.app, action)
    }

    /// The terminal now has this size.
    pub fn resize(&mut self, width: u16, height: u16) -> Option<timeline::app::Effect> {
        self.driver.notify(&mut self.app, timeline::app::Notice::Resized { width, height })
    }
}

/// The actions that bring a fresh browser into a mode (a picker: the kinds', which every data
/// set with events offers).
pub fn enter(mode: KeyMode) -> &'static [Action] {
    match mode {
        KeyMode::Browse => &[],
        KeyMode::Search => &[Action::StartSearch],
        KeyMode::Command => &[Action::StartCommand],
        KeyMode::Picker => &[Action::PickKinds],
        KeyMode::Reader => &[Action::OpenReader],
        KeyMode::Find => &[Action::OpenReader, Action::StartSearch],
        KeyMode::Help => &[Action::Help],
    }
}
