//! Engine tests on a small hand-made timeline.

use super::*;
use crate::model::{Citation, Country, Event, Kind, Source, Status};
use crate::text::fold;
use thin_vec::thin_vec;

fn event(id: &str, date: &str, title: &str, summary: &str, quote: &str, countries: Vec<usize>) -> Event {
    Event {
        id: id.into(),
        date: PartialDate::parse(date).unwrap(),
        end: None,
        status: Status::Held,
        kind: Kind::Visit,
        countries: countries.into(),
        place_ids: thin_vec![0],
        person_ids: thin_vec![],
        title: title.into(),
        title_vi: None,
        summary: summary.into(),
        citations: thin_vec![Citation { source: 0, quote: quote.into(), span: 0..0 }],
        open: Default::default(),
        extra: None,
    }
}

fn fixture() -> Timeline {
    let country = |code: &str, name: &str, vi: &str| Country {
        code: code.into(),
        name: name.into(),
        name_vi: vi.into(),
    };
    Timeline {
        countries: vec![country("LA", "Laos", "Lào"), country("AZ", "Azerbaijan", "Azerbaijan")],
        sources: vec![Source {
            file: "a.txt".into(),
            outlet: "X".into(),
            published: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            language: "vi".into(),
            headline: None,
            about: "x".into(),
            text: Default::default(),
        }],
        events: vec![
            event(
                "a",
                "1959",
                "Ho Chi Minh visits Baku",
                "An old visit.",
                "Chủ tịch Hồ Chí Minh năm 1959",
                vec![1],
            ),
            event(
                "b",
                "2025-05",
                "Tô Lâm visits Azerbaijan",
                "A state visit.",
                "Tổng Bí thư Tô Lâm",
                vec![1],
            ),
            event(
                "c",
                "2026-01-26",
                "Talks with Laos",
                "Talks after the congress.",
                "sau Đại hội XIV của Đảng",
                vec![0],
            ),
            event("d", "2026-02-05", "Visit to Laos", "Planned visit.", "thăm cấp Nhà nước tới Lào", vec![0]),
        ],
        places: vec![crate::model::Entity::new("Hà Nội".into(), vec![], None)],
        ..Timeline::default()
    }
}

fn ids(t: &Timeline, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| t.events[h.event].id.to_string()).collect()
}

fn search(t: &Timeline, q: &str) -> Vec<String> {
    let f = Filter { query: q.into(), order: Order::Chronological, ..Filter::default() };
    ids(t, &Engine::new(t).run(t, &f))
}

#[test]
fn unaccented_queries_find_accented_text() {
    let t = fixture();
    assert_eq!(search(&t, "to lam"), ["b"]);
    assert_eq!(search(&t, "dai hoi"), ["c"]);
    assert_eq!(search(&t, "ha noi"), ["a", "b", "c", "d"]);
    assert_eq!(search(&t, "ho chi minh"), ["a"]);
}

#[test]
fn accented_queries_require_their_accents() {
    let t = fixture();
    assert_eq!(search(&t, "Lào"), ["c", "d"]); // country name Lào, and the quote
    assert_eq!(search(&t, "lao"), ["c", "d"]);
    assert_eq!(search(&t, "Tô"), ["b"]);
    assert!(search(&t, "Tố").is_empty());
}

#[test]
fn each_event_is_lowered_on_its_own() {
    // The lowered fields are kept while one event is scored: the next event, whose place is in
    // the same place of its table but unaccented, must not be tested against them.
    let mut t = fixture();
    t.places.push(crate::model::Entity::new("Ha Noi".into(), vec![], None));
    t.events[1].place_ids = thin_vec![1];
    assert_eq!(search(&t, "Hà"), ["a", "c", "d"]);
    assert_eq!(search(&t, "Hà Nội"), ["a", "c", "d"]);
}

#[test]
fn operators_compose() {
    let t = fixture();
    assert_eq!(search(&t, "'baku"), ["a"]);
    assert_eq!(search(&t, "^talks"), ["c"]);
    assert_eq!(search(&t, "laos$"), ["c", "d"]);
    assert_eq!(search(&t, "visit !laos"), ["a", "b"]);
    assert_eq!(search(&t, "baku | congress"), ["a", "c"]);
    assert_eq!(search(&t, "baku | congress !talks"), ["a"]);
    assert_eq!(search(&t, "^hà nội$"), ["a", "b", "c", "d"]);
}

#[test]
fn long_fields_need_adjacent_letters_short_fields_do_not() {
    let t = fixture();
    // "hmv" is a fuzzy abbreviation of "Ho Chi Minh visits" (a title)...
    assert_eq!(search(&t, "hmv"), ["a"]);
    // ...but scattered letters in a summary or quote do not count: "aod" is in "An old" only scattered.
    assert!(search(&t, "anld").is_empty());
}

#[test]
fn ranking_prefers_score_then_title_then_recency() {
    let mut t = fixture();
    t.events = vec![
        event("old-title", "2020", "Budagov visit", "x", "zzz", vec![1]),
        event("new-quote", "2025", "zzz", "x", "Budagov visit", vec![1]),
        event("new-title", "2026", "Budagov visit", "x", "zzz", vec![1]),
    ];
    let f = Filter { query: "budagov".into(), ..Filter::default() };
    let hits = Engine::new(&t).run(&t, &f);
    // A title outweighs a quote; equal scores go to the more recent event first.
    assert_eq!(ids(&t, &hits), ["new-title", "old-title", "new-quote"]);
    assert_eq!(hits[0].score, hits[1].score);
    assert_eq!(hits[0].score, 8 * hits[2].score, "title weight 8, quote weight 1");
    assert_eq!(hits[2].field, Some(Field::Quote(0)));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // Chronological order on request.
    let f = Filter { order: Order::Chronological, ..f };
    assert_eq!(ids(&t, &Engine::new(&t).run(&t, &f)), ["old-title", "new-quote", "new-title"]);
}

#[test]
fn filters_by_country_kind_and_period() {
    let t = fixture();
    let e = Engine::new(&t);
    let run = |f: Filter| ids(&t, &e.run(&t, &f));
    assert_eq!(run(Filter::default().with(FieldTest::Country(0))), ["c", "d"]);
    assert_eq!(run(Filter::default().with(FieldTest::Kind(Kind::Talks))), Vec::<String>::new());
    let y = |s: &str| Some(PartialDate::parse(s).unwrap());
    assert_eq!(run(Filter { from: y("2025"), ..Filter::default() }), ["b", "c", "d"]);
    assert_eq!(run(Filter { from: y("2025"), to: y("2026-01"), ..Filter::default() }), ["b", "c"]);
    assert_eq!(run(Filter { to: y("1959"), ..Filter::default() }), ["a"]);
}

#[test]
fn marks_point_at_the_original_accented_letters() {
    let t = fixture();
    let e = Engine::new(&t);
    let marks = e.marks(&t, 2, &Query::parse("dai hoi", &t).unwrap());
    let (_, r) = marks.iter().find(|(f, _)| *f == Field::Quote(0)).expect("quote marked");
    let quote = &t.events[2].citations[0].quote;
    let marked: Vec<&str> = r.iter().map(|r| &quote[r.clone()]).collect();
    assert_eq!(marked, ["Đại", "hội"]);
}

#[test]
fn marks_cover_nfd_combining_marks() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Lâm".nfd().collect();
    let f = fold::fold(&nfd);
    let r = ranges(&nfd, &f.origin, &[1]);
    assert_eq!(&nfd[r[0].clone()], "a\u{302}");
}

#[test]
fn typing_one_char_at_a_time_equals_pasting() {
    let t = fixture();
    let e = Engine::new(&t);
    for q in ["dai hoi", "to lam", "visit laos", "Lào", "dai hoi x", "'baku | tal"] {
        let mut inc = Incremental::default();
        let mut typed = Results::default();
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            typed = inc.search(&e, &t, &Filter { query: q[..end].into(), ..Filter::default() });
        }
        let pasted = e.run_within(&t, &Filter { query: q.into(), ..Filter::default() }, &[0, 1, 2, 3]);
        assert_eq!(typed, pasted, "{q}");
    }
}

#[test]
fn adjacent_words_rank_first_but_every_word_must_match() {
    let mut t = fixture();
    t.events = vec![
        event("apart", "2020", "Dai visit", "x", "hoi nghi", vec![1]),
        event("together", "2021", "zzz", "x", "sau Đại hội XIV", vec![1]),
        event("one-word", "2022", "Dai visit", "x", "zzz", vec![1]),
    ];
    let f = Filter { query: "dai hoi".into(), ..Filter::default() };
    let hits = Engine::new(&t).run(&t, &f);
    // "one-word" lacks "hoi": never a hit. "together" says it as one phrase, even if only in a
    // quote, and outranks "apart", whose words are in its title and its quote.
    assert_eq!(ids(&t, &hits), ["together", "apart"]);
    // More words only ever remove hits.
    assert_eq!(search(&t, "dai"), ["apart", "together", "one-word"]);
    assert_eq!(search(&t, "dai hoi"), ["apart", "together"]);
    assert_eq!(search(&t, "dai hoi xiv"), ["together"]);
}

#[test]
fn highlights_show_the_phrase_where_the_words_are_adjacent() {
    let mut t = fixture();
    t.events = vec![event("x", "2021", "Tổng Bí thư Tô Lâm", "x", "Tô Lâm", vec![1])];
    let e = Engine::new(&t);
    let marks = e.marks(&t, 0, &Query::parse("to lam", &t).unwrap());
    let title = &t.events[0].title;
    let (_, r) = marks.iter().find(|(f, _)| *f == Field::Title).expect("title marked");
    let marked: Vec<&str> = r.iter().map(|r| &title[r.clone()]).collect();
    // Not the "T…o" of "Tổng": the phrase.
    assert_eq!(marked, ["Tô", "Lâm"]);
}

#[test]
fn the_highlight_is_the_alignment_that_was_scored() {
    let mut t = fixture();
    let mut x = event("x", "2021", "Talks with Lambert and Lam", "After Lambert, Lâm spoke.", "x", vec![1]);
    x.place_ids.clear();
    t.events = vec![x];
    let e = Engine::new(&t);
    let marked = |q: &str, field: Field, text: &str| -> Vec<String> {
        let marks = e.marks(&t, 0, &Query::parse(q, &t).unwrap());
        marks
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(Vec::new(), |(_, r)| r.iter().map(|r| text[r.clone()].to_string()).collect())
    };
    let (title, summary) = (t.events[0].title.clone(), t.events[0].summary.clone());
    // The whole word, not the first `lam` (in "Lambert"), in a short field and in a long one,
    // folded and with accents.
    assert_eq!(marked("lam", Field::Title, &title), ["Lam"]);
    assert_eq!(marked("lam", Field::Summary, &summary), ["Lâm"]);
    assert_eq!(marked("lâm", Field::Summary, &summary), ["Lâm"]);
    // And that alignment's score: 3 letters and a whole word, times the title's weight.
    let hits = e.run(&t, &Filter { query: "lam".into(), ..Filter::default() });
    assert_eq!(hits[0].score, (3 * 16 + 8) * Field::Title.weight());
}

#[test]
fn the_same_search_again_is_answered_again_but_a_new_order_sorts_anew() {
    let t = fixture();
    let e = Engine::new(&t);
    let mut typing = Incremental::default();
    for (q, order) in [("la", Order::Relevance), ("la ", Order::Relevance), ("la", Order::Chronological)] {
        let f = Filter { query: q.into(), order, ..Filter::default() };
        assert_eq!(typing.search(&e, &t, &f).hits, e.run(&t, &f), "{q:?} {order:?}");
    }
}
