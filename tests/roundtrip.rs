//! Round trips over generated data sets: TimelineJS JSON → native → TimelineJS JSON keeps every
//! event's dates, headline, text, media, group and id; native → TimelineJS → native keeps dates
//! (with precision and uncertainty), titles and summaries.

use proptest::prelude::*;
use serde_json::{Value, json};
use timeline::export::{self, Format};
use timeline::load::{self, ArticleStore, DataInput};
use timeline::model::{Event, Timeline};

fn load_text(path: &str, text: String) -> Timeline {
    load::load(&DataInput { path: path.into(), text: text.clone(), articles: ArticleStore::Builtin })
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn export(t: &Timeline, format: Format) -> String {
    let events: Vec<&Event> = t.events.iter().collect();
    let mut out = Vec::new();
    export::write(&mut out, t, &events, format).unwrap();
    String::from_utf8(out).unwrap()
}

/// Id, date, end, title, summary, media, group.
type TjsView = (String, String, Option<String>, String, String, Option<String>, Option<String>);

/// What must survive a TimelineJS round trip.
fn tjs_view(t: &Timeline) -> Vec<TjsView> {
    t.events
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.date.iso(),
                e.end.map(|d| d.iso()),
                e.title.clone(),
                e.summary.clone(),
                e.media().map(|m| format!("{m:?}")),
                e.group().map(str::to_string),
            )
        })
        .collect()
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Tô", "Lâm", "visits", "Hà", "Nội", "A&B", "<x>", "talks", "1966", "Đà", "\"q\"",
    ])
    .prop_map(str::to_string)
}

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), n).prop_map(|w| w.join(" "))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A TimelineJS date: a year of any size, or a full date with an optional time of day.
fn tjs_date() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-13_800_000_000i64..-300_000).prop_map(|y| json!({ "year": y })),
        (-9999i64..3000).prop_filter("no year 0", |y| *y != 0).prop_map(|y| json!({ "year": y.to_string() })),
        (
            1i64..3000,
            1u32..13,
            1u32..29,
            prop::option::of((0u32..24, 0u32..60, 0u32..60, prop::option::of(0u32..1000)))
        )
            .prop_map(|(y, m, d, t)| {
                let mut v = json!({ "year": y, "month": m, "day": d.to_string() });
                if let Some((h, mi, s, ms)) = t {
                    v["hour"] = json!(h);
                    v["minute"] = json!(mi);
                    v["second"] = json!(s);
                    if let Some(ms) = ms {
                        v["millisecond"] = json!(ms);
                    }
                }
                v
            }),
    ]
}

fn tjs_event(i: usize) -> impl Strategy<Value = Value> {
    (
        tjs_date(),
        prop::option::of(0i64..50),
        words(1..5),
        prop::option::of(words(0..8)),
        prop::option::of(prop::sample::select(vec!["War", "Peace", "Trade"])),
        prop::option::of((0u32..100, prop::option::of(words(1..3)))),
    )
        .prop_map(move |(start, span, headline, text, group, media)| {
            let mut e = json!({
                "start_date": start,
                "text": { "headline": escape(&headline) },
                "unique_id": format!("e{i}"),
            });
            if let (Some(span), Some(y)) = (span, e["start_date"]["year"].as_i64())
                && span > 0
                && e["start_date"].get("month").is_none()
            {
                e["end_date"] = json!({ "year": y + span });
            }
            if let Some(t) = text.filter(|t| !t.is_empty()) {
                e["text"]["text"] = json!(format!("<p>{}</p>", escape(&t)));
            }
            if let Some(g) = group {
                e["group"] = json!(g);
            }
            if let Some((n, caption)) = media {
                e["media"] = json!({ "url": format!("https://example.org/{n}.jpg") });
                if let Some(c) = caption {
                    e["media"]["caption"] = json!(c);
                }
            }
            e
        })
}

fn tjs_document() -> impl Strategy<Value = Value> {
    (1usize..8).prop_flat_map(|n| {
        (0..n).map(tjs_event).collect::<Vec<_>>().prop_map(|events| json!({ "events": events }))
    })
}

/// A native event date: EDTF with qualifiers, unspecified digits, BCE years and open intervals.
fn edtf() -> impl Strategy<Value = (String, Option<String>)> {
    let single = prop::sample::select(vec![
        "1966",
        "1966~",
        "1966?",
        "1966%",
        "196X",
        "19XX",
        "2026-01?",
        "2026-01-05~",
        "-0499",
        "0000",
        "Y-13799999999",
        "2025-05-07T14:30:00Z",
        "2025-05-07T09:15",
        "2004-XX",
        "1985-04-XX",
    ]);
    prop_oneof![
        single.clone().prop_map(|d| (d.to_string(), None)),
        single.prop_map(|d| (d.to_string(), Some("2030".to_string()))),
        prop::sample::select(vec!["2020/..", "../1992", "/2020", "2020/"])
            .prop_map(|d| (d.to_string(), None)),
    ]
}

fn native_document() -> impl Strategy<Value = Value> {
    prop::collection::vec((edtf(), words(1..5), words(0..8)), 1..8).prop_map(|items| {
        let events: Vec<Value> = items
            .into_iter()
            .enumerate()
            .map(|(i, ((date, end), title, summary))| {
                let mut e = json!({
                    "id": format!("e{i}"), "date": date, "status": "held", "kind": "other",
                    "title": title, "summary": summary,
                });
                if let Some(end) = end {
                    e["end"] = json!(end);
                }
                e
            })
            .collect();
        json!({ "countries": [], "sources": [], "events": events })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn timelinejs_to_native_to_timelinejs(doc in tjs_document()) {
        let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let native = load_text("b.json", export(&first, Format::Native));
        let again = load_text("c.json", export(&native, Format::Timelinejs));
        prop_assert_eq!(tjs_view(&first), tjs_view(&native));
        prop_assert_eq!(tjs_view(&first), tjs_view(&again));
    }

    #[test]
    fn native_to_timelinejs_to_native(doc in native_document()) {
        let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let tjs = load_text("b.json", export(&first, Format::Timelinejs));
        prop_assert!(tjs.warnings.is_empty(), "{:?}", tjs.warnings);
        let again = load_text("c.json", export(&tjs, Format::Native));
        let view = |t: &Timeline| -> Vec<(String, String, Option<String>, String, String, String)> {
            t.events.iter().map(|e| (e.id.clone(), e.date.iso(), e.end.map(|d| d.iso()), format!("{:?}", e.open), e.title.clone(), e.summary.clone())).collect()
        };
        prop_assert_eq!(view(&first), view(&tjs));
        prop_assert_eq!(view(&first), view(&again));
    }

    #[test]
    fn sheet_csv_round_trips_like_timelinejs(doc in tjs_document()) {
        let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let sheet = load_text("b.csv", export(&first, Format::Csv));
        prop_assert_eq!(tjs_view(&first), tjs_view(&sheet));
    }
}
