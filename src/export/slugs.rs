//! Ids as our format takes them: an imported id that is not a slug (`Tết 1968`) is written as
//! one (`tet-1968`, or `tet-1968-2` when an event already has that id).

use crate::model::Event;
use crate::text::fold::{is_slug, slug};
use std::borrow::Cow;

/// Slugs for ids that are not: none of them taken by another event. Holds every id only when
/// some id is not a slug (a million ids are about 50 MB).
pub(super) struct Slugs(Option<std::collections::HashSet<String>>);

impl Slugs {
    pub(super) fn new(events: &[&Event]) -> Self {
        let any = events.iter().any(|e| !is_slug(&e.id));
        Slugs(any.then(|| events.iter().filter(|e| is_slug(&e.id)).map(|e| e.id.to_string()).collect()))
    }

    pub(super) fn of<'a>(&mut self, id: Cow<'a, str>) -> Cow<'a, str> {
        let Some(taken) = &mut self.0 else { return id };
        if is_slug(&id) {
            return id;
        }
        let base = slug(&id);
        let made = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") });
        let free = made.into_iter().find(|s| !taken.contains(s)).unwrap_or(base);
        taken.insert(free.clone());
        Cow::Owned(free)
    }
}
