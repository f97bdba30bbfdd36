//! The search rules a user relies on, one table per rule, and ranking: the expected top hits of
//! a dozen queries. On a small fixed data set made here (not `assets/`, so data edits do not move
//! these tests).

use timeline::model::{Citation, Country, Entity, Event, Kind, PartialDate, Source, Status, Timeline};
use timeline::search::{Engine, Field, FieldTest, Filter, Order, Query, reference};

struct E {
    id: &'static str,
    date: &'static str,
    end: Option<&'static str>,
    kind: Kind,
    countries: &'static [usize],
    people: &'static [&'static str],
    places: &'static [&'static str],
    title: &'static str,
    title_vi: Option<&'static str>,
    summary: &'static str,
    quote: &'static str,
    source: usize,
    planned: bool,
}

const BASE: E = E {
    id: "",
    date: "2020",
    end: None,
    kind: Kind::Meeting,
    countries: &[0],
    people: &[],
    places: &[],
    title: "",
    title_vi: None,
    summary: "",
    quote: "",
    source: 0,
    planned: false,
};

/// Countries: 0 LA, 1 US, 2 KR, 3 TR, 4 GB, 5 AZ, 6 TL, 7 PL.
fn fixture() -> Timeline {
    let countries = [
        ("LA", "Laos", "Lào"),
        ("US", "United States", "Hoa Kỳ"),
        ("KR", "South Korea", "Hàn Quốc"),
        ("TR", "Türkiye", "Thổ Nhĩ Kỳ"),
        ("GB", "United Kingdom", "Anh"),
        ("AZ", "Azerbaijan", "Azerbaijan"),
        ("TL", "Timor-Leste", "Timor-Leste"),
        ("PL", "Poland", "Ba Lan"),
    ]
    .map(|(code, name, name_vi)| Country { code: code.into(), name: name.into(), name_vi: name_vi.into() })
    .to_vec();
    let source = |file: &str, outlet: &str| Source {
        file: file.into(),
        outlet: outlet.into(),
        published: chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        language: "vi".into(),
        headline: None,
        about: String::new(),
        text: Default::default(),
    };
    let sources = vec![source("004_abc.txt", "VTC News"), source("011_def.txt", "Nhân Dân")];
    let events = [
        E {
            id: "tolam-laos-visit",
            date: "2026-02-05",
            kind: Kind::Visit,
            people: &["Tô Lâm", "Thongloun Sisoulith"],
            places: &["Viêng Chăn"],
            title: "Tô Lâm to pay a state visit to Laos",
            title_vi: Some("Tổng Bí thư Tô Lâm thăm cấp Nhà nước tới Lào"),
            summary: "The first trip abroad after the congress.",
            quote: "chuyến công tác đầu tiên sau Đại hội XIV",
            planned: true,
            ..BASE
        },
        E {
            id: "lao-congress",
            date: "2026-01",
            kind: Kind::Congress,
            title: "Lao party holds its 12th Congress",
            summary: "Tô Lâm sent greetings to the congress.",
            quote: "Đại hội lần thứ XII của Đảng Nhân dân Cách mạng Lào",
            ..BASE
        },
        E {
            id: "tolam-thongloun-talks",
            date: "2026-01-26",
            kind: Kind::Talks,
            people: &["Tô Lâm", "Thongloun Sisoulith"],
            places: &["Hà Nội"],
            title: "Tô Lâm and Thongloun Sisoulith hold talks",
            summary: "Talks in Hanoi.",
            quote: "hai Tổng Bí thư hội đàm",
            ..BASE
        },
        E {
            id: "thongloun-visit",
            date: "2026-01-26",
            end: Some("2026-01-27"),
            kind: Kind::Visit,
            people: &["Thongloun Sisoulith"],
            places: &["Hà Nội"],
            title: "Thongloun Sisoulith pays a state visit to Vietnam",
            summary: "The first visit after the party congresses.",
            quote: "sau Đại hội nhiệm kỳ mới",
            ..BASE
        },
        E {
            id: "trump-congratulates",
            date: "2026-01",
            kind: Kind::Message,
            countries: &[1],
            people: &["Donald Trump", "Tô Lâm"],
            title: "Donald Trump congratulates Tô Lâm",
            summary: "A letter of congratulations.",
            quote: "Tổng thống Hoa Kỳ Donald Trump gửi thư chúc mừng",
            source: 1,
            ..BASE
        },
        E {
            id: "lee-congratulates",
            date: "2026-01",
            kind: Kind::Message,
            countries: &[2],
            people: &["Lee Jae-myung"],
            title: "South Korean President Lee Jae-myung congratulates Tô Lâm",
            summary: "Message from Seoul.",
            quote: "Tổng thống Hàn Quốc Lee Jae-myung",
            source: 1,
            ..BASE
        },
        E {
            id: "ramos-horta-congratulates",
            date: "2026-01",
            kind: Kind::Message,
            countries: &[6],
            people: &["José Ramos-Horta"],
            title: "José Ramos-Horta congratulates Tô Lâm",
            summary: "Message from Dili.",
            quote: "Tổng thống Timor-Leste José Ramos-Horta",
            source: 1,
            ..BASE
        },
        E {
            id: "us-embassy-meeting",
            date: "2025-11-03",
            kind: Kind::Meeting,
            countries: &[1],
            people: &["Marc Knapper"],
            places: &["Hà Nội"],
            title: "Ambassador Marc Knapper meets the Foreign Minister",
            summary: "He passed on congratulations and discussed trade.",
            quote: "Đại sứ Hoa Kỳ Marc Knapper",
            ..BASE
        },
        E {
            id: "kilicdaroglu-visit",
            date: "2013-10",
            kind: Kind::Visit,
            countries: &[3],
            people: &["Kemal Kılıçdaroğlu"],
            places: &["İstanbul"],
            title: "Opposition leader Kılıçdaroğlu visits Hanoi",
            summary: "A party visit.",
            quote: "ông Kemal Kılıçdaroğlu",
            ..BASE
        },
        E {
            id: "lodz-seminar",
            date: "1983",
            kind: Kind::Seminar,
            countries: &[7],
            people: &["Søren Kierkegaard"],
            places: &["Łódź"],
            title: "Seminar in Łódź on Straße names",
            summary: "An academic seminar.",
            quote: "hội thảo tại Łódź",
            ..BASE
        },
        E {
            id: "london-talks",
            date: "1983-06-14",
            kind: Kind::Talks,
            countries: &[4],
            places: &["London"],
            title: "Talks in London",
            summary: "Talks on trade, agreed on 14/6/1983.",
            quote: "hội đàm tại Luân Đôn",
            ..BASE
        },
        E {
            id: "baku-1959",
            date: "1959",
            kind: Kind::Visit,
            countries: &[5],
            people: &["Hồ Chí Minh"],
            places: &["Baku"],
            title: "Hồ Chí Minh visits Baku",
            summary: "An early visit, remembered in 1983.",
            quote: "Chủ tịch Hồ Chí Minh năm 1959",
            ..BASE
        },
        E {
            id: "aliyev-reception",
            date: "2025-05-07",
            kind: Kind::Reception,
            countries: &[5],
            people: &["Ilham Aliyev", "Tô Lâm"],
            places: &["Baku"],
            title: "Ilham Aliyev receives Tô Lâm",
            summary: "A reception at the palace.",
            quote: "Tổng thống Ilham Aliyev đón Tổng Bí thư Tô Lâm",
            ..BASE
        },
        E {
            id: "lam-dong-delegation",
            date: "2026",
            kind: Kind::Visit,
            countries: &[0],
            places: &["Lâm Đồng"],
            title: "A Lâm Đồng delegation to Laos",
            summary: "Provincial cooperation.",
            quote: "đoàn tỉnh Lâm Đồng",
            ..BASE
        },
        E {
            id: "new-year-span",
            date: "2025-12-30",
            end: Some("2026-01-02"),
            kind: Kind::Multilateral,
            countries: &[1, 2],
            title: "Year-end forum",
            summary: "A forum over the new year.",
            quote: "diễn đàn cuối năm",
            ..BASE
        },
    ];
    // Each distinct name is an entity of its own, as a data set without a registry has them.
    let (mut people, mut places): (Vec<Entity>, Vec<Entity>) = Default::default();
    let id = |registry: &mut Vec<Entity>, name: &str| match registry.iter().position(|x| x.name == name) {
        Some(i) => i,
        None => {
            registry.push(Entity::new(name.into(), Vec::new(), None));
            registry.len() - 1
        }
    };
    let events = events
        .into_iter()
        .map(|e| {
            let person_ids = e.people.iter().map(|n| id(&mut people, n)).collect();
            let place_ids = e.places.iter().map(|n| id(&mut places, n)).collect();
            let date = PartialDate::parse(e.date).unwrap();
            let end = e.end.map(|d| PartialDate::parse(d).unwrap());
            let mut event = Event {
                id: e.id.into(),
                date,
                end,
                status: if e.planned { Status::Planned } else { Status::Held },
                kind: e.kind,
                countries: e.countries.into(),
                title: e.title.into(),
                title_vi: None,
                summary: e.summary.into(),
                citations: thin_vec::thin_vec![Citation {
                    source: e.source,
                    quote: e.quote.into(),
                    span: 0..0
                }],
                person_ids,
                place_ids,
                open: Default::default(),
                extra: Default::default(),
            };
            event.set_title_vi(e.title_vi.map(Into::into));
            event
        })
        .collect::<Vec<_>>();
    let mut t = Timeline { events, sources, countries, people, places, ..Timeline::default() };
    t.events.sort_by_key(|e| e.date);
    t
}

fn data() -> &'static (Timeline, Engine) {
    static DATA: std::sync::OnceLock<(Timeline, Engine)> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let t = fixture();
        let e = Engine::new(&t);
        (t, e)
    })
}

/// Hit ids, ranked.
fn ranked(q: &str) -> Vec<String> {
    let (t, e) = data();
    let f = Filter { query: q.into(), ..Filter::default() };
    let hits = e.search(t, &f).unwrap_or_else(|err| panic!("{q}: {err}"));
    assert_eq!(reference::run(t, &f).hits, hits, "{q}: the reference agrees");
    hits.iter().map(|h| t.events[h.event].id.to_string()).collect()
}

/// Hit ids, sorted by id (for sets).
fn found(q: &str) -> Vec<String> {
    let mut v = ranked(q);
    v.sort();
    v
}

fn sorted(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn more_words_only_ever_remove_hits() {
    for chain in [
        &["to", "to lam", "to lam l", "to lam lao"][..],
        &["dai", "dai hoi", "dai hoi xiv"],
        &["c", "co", "congr", "congratulates", "congratulates lee"],
        &["2026", "2026 to", "2026 to lam", "2026 to lam !kind:message"],
        &["thong", "thong lo", "thong loun", "thong loun sis", "thong loun sisoulith"],
    ] {
        for w in chain.windows(2) {
            let (a, b) = (found(w[0]), found(w[1]));
            assert!(
                b.iter().all(|x| a.contains(x)),
                "{:?} ({}) → {:?} ({}) added {:?}",
                w[0],
                a.len(),
                w[1],
                b.len(),
                b
            );
        }
    }
    // Every word must match: "lao" is not in the Lâm Đồng event, so it goes.
    assert!(found("to lam").contains(&"aliyev-reception".to_string()));
    assert!(!found("to lam lao").contains(&"aliyev-reception".to_string()));
}

#[test]
fn long_fields_match_at_word_starts_only() {
    // "am" is inside "Lâm", never at a word start of a summary or quote; titles are fuzzy, but
    // by pieces that start words, and no title has a word starting with "am".
    assert_eq!(found("am"), ["us-embassy-meeting"]);
    assert!(found("'am").len() > 5, "an exact term matches inside words");
    assert_eq!(found("ongress"), Vec::<String>::new());
    assert_eq!(
        found("hoi"),
        sorted(&[
            "lao-congress",
            "thongloun-visit",
            "tolam-laos-visit",
            "tolam-thongloun-talks",
            "lodz-seminar",
            "london-talks"
        ])
    );
    // A title matches by word pieces: "hmv" is Hồ … Minh visits; "hoi" is not "Hà Nội".
    assert_eq!(found("hmv"), ["baku-1959"]);
}

#[test]
fn separators_are_optional_spaces() {
    for q in ["ramos horta", "ramoshorta", "ramos-horta", "ramos.horta"] {
        assert_eq!(found(q), ["ramos-horta-congratulates"], "{q}");
    }
    for q in ["lee jae myung", "jae-myung", "jaemyung", "\"lee jae myung\""] {
        assert_eq!(found(q), ["lee-congratulates"], "{q}");
    }
    assert_eq!(found("timor leste"), ["ramos-horta-congratulates"]);
    // A word split into syllables: "loun" starts no word, but continues "thong".
    let thongloun = sorted(&["tolam-laos-visit", "tolam-thongloun-talks", "thongloun-visit"]);
    assert_eq!(found("thongloun"), thongloun);
    assert_eq!(found("thong loun"), thongloun);
    assert_eq!(found("thong loun sisoulith"), thongloun);
    assert!(found("loun").is_empty());
    assert_eq!(found("'14 6 1983"), ["london-talks"]);
}

#[test]
fn date_like_words_find_events_in_that_period() {
    let cases: [(&str, &[&str]); 8] = [
        (
            "2026-01",
            &[
                "lao-congress",
                "tolam-thongloun-talks",
                "thongloun-visit",
                "trump-congratulates",
                "lee-congratulates",
                "ramos-horta-congratulates",
                "new-year-span",
            ],
        ),
        (
            "jan 2026",
            &[
                "lao-congress",
                "tolam-thongloun-talks",
                "thongloun-visit",
                "trump-congratulates",
                "lee-congratulates",
                "ramos-horta-congratulates",
                "new-year-span",
            ],
        ),
        ("26/1/2026", &["tolam-thongloun-talks", "thongloun-visit"]),
        ("27 jan 2026", &["thongloun-visit"]),
        ("2026-01-01", &["new-year-span"]),
        // A year finds events of that year, and text that mentions it.
        ("1983", &["lodz-seminar", "london-talks", "baku-1959"]),
        ("1959", &["baku-1959"]),
        ("2013-10", &["kilicdaroglu-visit"]),
    ];
    for (q, want) in cases {
        assert_eq!(found(q), sorted(want), "{q}");
    }
    // At their precision: an event dated only "2026" is not known to be in January.
    assert!(!found("2026-01").contains(&"lam-dong-delegation".to_string()));
    assert!(found("2026").contains(&"lam-dong-delegation".to_string()));
    // Events in the period rank above mere mentions.
    assert_eq!(ranked("1983").last().map(String::as_str), Some("baku-1959"));
}

#[test]
fn letters_outside_unicode_decomposition_fold() {
    for (q, want) in [
        ("lodz", "lodz-seminar"),
        ("soren", "lodz-seminar"),
        ("strasse", "lodz-seminar"),
        ("kilicdaroglu", "kilicdaroglu-visit"),
        ("istanbul", "kilicdaroglu-visit"),
        ("Łódź", "lodz-seminar"),
        ("STRASSE", "lodz-seminar"),
    ] {
        assert_eq!(found(q), [want], "{q}");
    }
    // A query with such a letter asks for it, as accents do: all that are typed must match.
    assert_eq!(found("łódź"), ["lodz-seminar"]);
    assert!(found("łodz").is_empty());
    assert!(found("Łódźx").is_empty());
}

#[test]
fn highlights_map_back_to_the_original_letters() {
    let (t, e) = data();
    let at = |id: &str| t.events.iter().position(|x| x.id == id).unwrap();
    let mark = |id: &str, q: &str, field: Field| -> Vec<String> {
        let i = at(id);
        let marks = e.marks(t, i, &Query::parse(q, t).unwrap());
        let text = timeline::search::field_text(t, &t.events[i], field);
        marks
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, r)| r.iter().map(|r| text[r.clone()].to_string()))
            .collect()
    };
    assert_eq!(mark("lodz-seminar", "strasse", Field::Title), ["Straße"]);
    assert_eq!(mark("lodz-seminar", "lodz", Field::Title), ["Łódź"]);
    assert_eq!(mark("kilicdaroglu-visit", "kilic", Field::Title), ["Kılıç"]);
    assert_eq!(mark("ramos-horta-congratulates", "ramos horta", Field::Title), ["Ramos", "Horta"]);
    assert_eq!(mark("tolam-laos-visit", "dai hoi", Field::Quote(0)), ["Đại", "hội"]);
    assert_eq!(mark("tolam-thongloun-talks", "26/1/2026", Field::Date), ["26 Jan 2026"]);
    assert_eq!(mark("trump-congratulates", "person:trump", Field::Person(0)), ["Trump"]);
    assert_eq!(mark("trump-congratulates", "country:usa", Field::Country(0)), ["United States"]);
}

#[test]
fn field_queries() {
    let cases: [(&str, &[&str]); 14] = [
        ("country:TL", &["ramos-horta-congratulates"]),
        ("country:timor-leste", &["ramos-horta-congratulates"]),
        ("country:Türkiye", &["kilicdaroglu-visit"]),
        ("country:turkey", &["kilicdaroglu-visit"]),
        ("country:korea kind:multilateral", &["new-year-span"]),
        ("country:uk", &["london-talks"]),
        ("kind:reception", &["aliyev-reception"]),
        ("person:\"hồ chí minh\"", &["baku-1959"]),
        ("person:ho-chi-minh", &["baku-1959"]),
        ("place:baku !kind:visit", &["aliyev-reception"]),
        ("source:011 lee", &["lee-congratulates"]),
        ("source:\"nhan dan\" ramos", &["ramos-horta-congratulates"]),
        ("status:planned", &["tolam-laos-visit"]),
        ("year:1983 talks", &["london-talks"]),
    ];
    for (q, want) in cases {
        assert_eq!(found(q), sorted(want), "{q}");
    }
    // Dates at their precision, inclusive, as --from and --to.
    assert_eq!(
        found("after:2026-01-27 before:2026-01"),
        sorted(&[
            "lam-dong-delegation",
            "lao-congress",
            "lee-congratulates",
            "ramos-horta-congratulates",
            "thongloun-visit",
            "trump-congratulates"
        ])
    );
    assert_eq!(found("before:1959"), ["baku-1959"]);
    // Person is a phrase at a word start: "lam" is Tô Lâm, not "Lâm Đồng" (a place).
    assert!(!found("person:lam").contains(&"lam-dong-delegation".to_string()));
    assert!(found("place:lam").contains(&"lam-dong-delegation".to_string()));
    // With the fzf operators.
    assert_eq!(found("country:LA | country:TL 'congratulates"), ["ramos-horta-congratulates"]);
}

#[test]
fn field_queries_alone_keep_date_order() {
    let (t, _) = data();
    let ids = ranked("kind:message");
    let mut by_date = ids.clone();
    by_date.sort_by_key(|id| t.events.iter().position(|e| e.id == *id));
    assert_eq!(ids, by_date);
}

#[test]
fn unknown_fields_and_values_say_what_is_known() {
    let (t, e) = data();
    let err = |q: &str| e.search(t, &Filter { query: q.into(), ..Filter::default() }).unwrap_err().0;
    assert!(err("foo:bar").starts_with("unknown field `foo:`; fields are country: kind: person:"));
    assert_eq!(err("country:polnd"), "unknown country `polnd`; did you mean Poland (PL)?");
    assert!(err("source:zzz").contains("no source file or outlet matches `zzz`"));
}

/// The expected top hits of a dozen queries.
#[test]
fn ranking() {
    let cases: [(&str, &[&str]); 12] = [
        // Adjacent words first: "Tô Lâm" in a title, before "Lâm Đồng".
        // "Tô Lâm" at the start of a title, then in a title, then by recency.
        ("to lam", &["tolam-laos-visit", "tolam-thongloun-talks", "trump-congratulates"]),
        // Events that say "Đại hội" first (at the start of a quote first).
        ("dai hoi", &["lao-congress", "tolam-laos-visit", "thongloun-visit"]),
        // Titles outrank a summary that mentions congratulations.
        ("congratulat", &["trump-congratulates", "lee-congratulates", "ramos-horta-congratulates"]),
        ("thongloun", &["thongloun-visit", "tolam-thongloun-talks"]),
        ("baku", &["baku-1959", "aliyev-reception"]),
        ("hanoi", &["kilicdaroglu-visit", "tolam-thongloun-talks"]),
        ("lam dong", &["lam-dong-delegation"]),
        // In 1983 (day, then year precision: same score, more recent first), then a mention.
        ("1983", &["london-talks", "lodz-seminar", "baku-1959"]),
        ("knapper", &["us-embassy-meeting"]),
        ("state visit", &["tolam-laos-visit", "thongloun-visit"]),
        ("lao congress", &["lao-congress"]),
        ("ho chi minh", &["baku-1959"]),
    ];
    for (q, want) in cases {
        let got = ranked(q);
        assert_eq!(&got[..want.len().min(got.len())], want, "{q}: {got:?}");
    }
    // The words apart (a place "Lâm Đồng" with "to" elsewhere) come after every "Tô Lâm".
    assert_eq!(ranked("to lam").last().map(String::as_str), Some("lam-dong-delegation"));
}

#[test]
fn chronological_order_on_request() {
    let (t, e) = data();
    let f = Filter { query: "congratulat".into(), order: Order::Chronological, ..Filter::default() };
    let hits = e.run(t, &f);
    assert!(hits.windows(2).all(|w| w[0].event < w[1].event));
}

#[test]
fn applying_a_search_turns_field_queries_into_filters_without_changing_the_hits() {
    let (t, e) = data();
    let la = t.find_country("LA").unwrap();
    let y = |s: &str| Some(PartialDate::parse(s).unwrap());
    for (query, filter, left) in [
        ("country:LA kind:visit to lam", Filter::default(), "to lam"),
        ("after:2026 before:2026-01-26 year:2026 congratulates", Filter::default(), "congratulates"),
        ("country:US", Filter::default().with(FieldTest::Country(la)), "country:US"),
        ("country:LA", Filter::default().with(FieldTest::Country(la)).with(FieldTest::Country(1)), ""),
        ("after:2020", Filter { from: y("2025"), ..Filter::default() }, ""),
        (
            "!country:LA status:planned source:004 lao",
            Filter::default(),
            "!country:LA status:planned source:004 lao",
        ),
        ("country:LA | kind:visit", Filter::default(), "country:LA | kind:visit"),
        ("person:\"tô lâm\" kind:visit", Filter::default(), "person:\"tô lâm\""),
        ("country:LA foo:x", Filter::default(), "country:LA foo:x"),
    ] {
        let before = Filter { query: query.into(), ..filter };
        let mut after = before.clone();
        timeline::search::hoist::hoist(&mut after, t);
        assert_eq!(after.query, left, "{query}");
        assert_eq!(e.search(t, &after).ok(), e.search(t, &before).ok(), "{query}");
    }
}
