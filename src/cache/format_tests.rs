//! The head of the cache holds every field of the timeline but its events.

use super::*;
use crate::load::{self, DataInput};

#[test]
fn the_head_holds_every_field_of_the_timeline_but_its_events() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timelinejs/full.json");
    let input = DataInput::from_file(&path, None).expect("a fixture");
    let mut t = load::load_with_progress(&input, &mut |_| {}).expect("loads");
    t.warnings.push("a warning".into());
    assert!(t.title.is_some() && !t.eras.is_empty() && !t.events.is_empty(), "a fixture with everything");
    let bytes = postcard::to_allocvec(&TimelineHead::of(&t)).expect("encodes");
    let back: Timeline = postcard::from_bytes(&bytes).expect("decodes");
    t.events.clear();
    assert_eq!(format!("{back:?}"), format!("{t:?}"));
}
