//! `y` and `Y`: the selected event as a citation, or its id, for the clipboard.

use crate::app::{App, Effect, Mode};
use crate::text::inert;

/// The event the user is looking at: the reader's, or the selected one.
fn event(app: &App) -> Option<usize> {
    match &app.mode {
        Mode::Reader(r) => Some(r.event),
        _ => app.selected_hit().map(|h| h.event),
    }
}

/// `y`: title, date, and each quote with its outlet, date and file.
pub fn citation(app: &mut App) -> Option<Effect> {
    let Some(i) = event(app) else {
        app.message = Some("no event selected".into());
        return None;
    };
    let t = &app.data.timeline;
    let e = &t.events[i];
    let mut text = format!("{} ({})\n", e.title, e.date_label());
    for c in &e.citations {
        let s = &t.sources[c.source];
        let quote = crate::text::wrap::clean(&s.text[c.span.clone()]);
        text.push_str(&format!(
            "“{}” — {}, {}, {}\n",
            quote.trim(),
            s.outlet,
            s.published.format("%-d %B %Y"),
            s.file
        ));
    }
    let n = e.citations.len();
    app.message = Some(format!("copied the citation ({})", crate::text::plural(n, "quote")));
    Some(Effect::Copy(inert::clipboard(&text).into_owned()))
}

/// `Y`: the event's id, as `timeline show` takes it.
pub fn id(app: &mut App) -> Option<Effect> {
    let Some(i) = event(app) else {
        app.message = Some("no event selected".into());
        return None;
    };
    let id = app.data.timeline.events[i].id.clone();
    app.message = Some(format!("copied {id}"));
    Some(Effect::Copy(inert::clipboard(&id).into_owned()))
}
