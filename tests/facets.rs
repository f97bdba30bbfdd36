//! The facet table (`search::FACETS`, with the pickers' `app::picker::FACETS`) drives every place
//! a facet appears: for each row, on the frozen data set with TimelineJS groups added, its value
//! filters the events its field test passes, its field query is in the help and is hoisted into
//! the same filter, the session clears it as a part of its own, the status line names it (and the
//! empty list, when nothing matches), and its picker opens with the value ticked and applies it
//! back unchanged.

use crate::support;

use timeline::app::session::{Part, Session};
use timeline::app::{Action, App, Driver, Mode};
use timeline::model::Timeline;
use timeline::search::fields::{self, NAMES};
use timeline::search::query::{Term, Test};
use timeline::search::{Engine, FACETS, Facet, FieldTest, Filter, Query, hoist};

/// The frozen data set, with every third event in the group `Alpha` and every seventh in `Beta`.
fn data() -> Timeline {
    let mut t = support::frozen();
    for (i, e) in t.events.iter_mut().enumerate() {
        let group = match i {
            i if i % 3 == 0 => "Alpha",
            i if i % 7 == 0 => "Beta",
            _ => continue,
        };
        e.extra.get_or_insert_with(Box::default).group = Some(group.into());
    }
    t
}

/// A value of the facet that some events have and some do not, with those events.
fn value_of(facet: &Facet, t: &Timeline) -> (usize, FieldTest, Vec<usize>) {
    let n = (facet.names)(t).len();
    (0..n)
        .map(|i| {
            let v = (facet.value)(t, i);
            let events: Vec<usize> =
                (0..t.events.len()).filter(|&e| fields::passes(&v, &t.events[e])).collect();
            (i, v, events)
        })
        .find(|(_, _, events)| !events.is_empty() && events.len() < t.events.len())
        .unwrap_or_else(|| panic!("{}: no value that some events have", facet.field))
}

fn hits(e: &Engine, t: &Timeline, f: &Filter) -> Vec<usize> {
    let mut v: Vec<usize> = e.run(t, f).iter().map(|h| h.event).collect();
    v.sort_unstable();
    v
}

#[test]
fn every_facet_filters_by_its_field_test() {
    let t = data();
    let engine = Engine::new(&t);
    for facet in &FACETS {
        let (_, value, events) = value_of(facet, &t);
        let filter = Filter::default().with(value.clone());
        assert_eq!(filter.chosen(facet.id), std::slice::from_ref(&value), "{}", facet.field);
        assert_eq!(hits(&engine, &t, &filter), events, "{}", facet.field);
    }
}

#[test]
fn every_facet_has_its_field_query_in_the_help_and_hoisted_into_its_filter() {
    let t = data();
    let engine = Engine::new(&t);
    let help = Query::parse("nosuchfield:x", &t).unwrap_err().0;
    let mut tests = 0;
    for facet in &FACETS {
        assert!(NAMES.contains(&facet.field), "{} is not in fields::NAMES", facet.field);
        assert!(help.contains(&format!(" {}:", facet.field)), "{}: {help}", facet.field);
        let (_, value, events) = value_of(facet, &t);
        let name = (facet.name)(&t, &value);
        // Quoted only when it must be: a quoted word stays in the query, as typed.
        let query = match name.contains(' ') {
            true => format!("{}:\"{name}\"", facet.field),
            false => format!("{}:{name}", facet.field),
        };
        let typed = Filter { query: query.clone(), ..Filter::default() };
        let found = hits(&engine, &t, &typed);
        assert!(events.iter().all(|e| found.contains(e)), "{query} misses events of its value");
        let mut hoisted = typed.clone();
        hoist::hoist(&mut hoisted, &t);
        assert_eq!(hits(&engine, &t, &hoisted), found, "{query}: hoisting keeps the events");
        // A yes/no field query (`country:`, `kind:`, `group:`) is the filter; `person:` and
        // `place:` are text terms, matched by name and alias, and stay in the query.
        let parsed = Query::parse(&query, &t).unwrap_or_else(|e| panic!("{query}: {e}"));
        let terms: Vec<&[Term]> = parsed.groups.iter().map(Vec::as_slice).collect();
        if let [[Term { negated: false, test: Test::Field(test) }]] = terms.as_slice() {
            assert_eq!(test, &value, "{query}");
            assert_eq!(found, events, "{query}");
            assert_eq!((hoisted.query.as_str(), hoisted.chosen(facet.id)), ("", &[value][..]), "{query}");
            tests += 1;
        } else {
            assert_eq!(hoisted.query, query, "{query}: a text term stays");
        }
    }
    assert_eq!(tests, 3, "country:, kind: and group: are tests");
}

#[test]
fn every_facet_is_a_part_of_the_session_and_named_by_the_status_line() {
    let t = data();
    let names: Vec<&str> = Part::all().map(Part::name).collect();
    for facet in &FACETS {
        let part = Part::Facet(facet.id);
        assert_eq!(Part::all().filter(|p| *p == part).count(), 1, "{}", facet.field);
        assert_eq!(names.iter().filter(|n| **n == part.name()).count(), 1, "{}: named alone", facet.field);
        let (_, value, _) = value_of(facet, &t);
        let filter = Filter { query: "visit".into(), ..Filter::default() }.with(value.clone());
        let mut session = Session::new();
        session.changed(&Filter { query: "visit".into(), ..Filter::default() }, &filter);
        assert_eq!(session.most_recent(&filter), Some(part), "{}", facet.field);
        let mut cleared = filter.clone();
        part.clear(&mut cleared);
        assert_eq!(cleared, Filter { query: "visit".into(), ..Filter::default() }, "{}", facet.field);

        let (app, _) = Driver::start(t.clone(), filter, 100, 30);
        let summary = timeline::ui::status::filter_summary(&app);
        let said = format!("{} {}", facet.plural, (facet.name)(&t, &value));
        assert!(summary.contains(&said), "{}: {summary:?}", facet.field);
    }
}

#[test]
fn every_facet_has_a_picker_that_holds_the_filters_choice() {
    let t = data();
    for facet in &FACETS {
        let row = timeline::app::picker::FacetPicker::of(facet.id);
        assert_eq!(row.facet, facet.id);
        let (id, value, events) = value_of(facet, &t);
        let filter = Filter::default().with(value.clone());
        let (mut app, mut driver) = Driver::start(t.clone(), filter.clone(), 100, 30);
        driver.apply(&mut app, row.open.clone());
        let Mode::Picker(p) = &app.mode else { panic!("{}: {:?} opens no picker", facet.field, row.open) };
        assert_eq!((p.kind, p.chosen.as_slice()), (facet.id, &[id][..]), "{}", facet.field);
        driver.apply(&mut app, Action::Accept);
        assert_eq!(app.filter(), &filter, "{}: the picker gives back what it was given", facet.field);
        assert_eq!(shown(&app), events, "{}", facet.field);
    }
}

/// With nothing shown, the list says which filters are active: every facet's, by its label.
#[test]
fn every_facet_is_named_when_nothing_matches() {
    let t = data();
    for facet in &FACETS {
        let (id, value, _) = value_of(facet, &t);
        let filter = Filter { query: "zzqqxxjj".into(), ..Filter::default() }.with(value);
        let (app, _) = Driver::start(t.clone(), filter, 100, 30);
        assert!(app.shown.hits.is_empty());
        let row = timeline::app::picker::FacetPicker::of(facet.id);
        let label = (row.choices)(&t).swap_remove(id).label;
        let screen = screen(&app);
        assert!(screen.contains(&format!("{}: {label} — ", facet.plural)), "{}:\n{screen}", facet.field);
    }
}

fn screen(app: &App) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    let theme = timeline::ui::Theme::colored(false);
    term.draw(|f| timeline::ui::render(app, f, &theme)).expect("draw");
    let buf = term.backend().buffer();
    let rows =
        (0..buf.area.height).map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>());
    rows.collect::<Vec<_>>().join("\n")
}

fn shown(app: &App) -> Vec<usize> {
    let mut v: Vec<usize> = app.shown.hits.iter().map(|h| h.event).collect();
    v.sort_unstable();
    v
}
