//! Round trips over generated data sets. TimelineJS JSON → native → TimelineJS JSON keeps every
//! event's dates, headline, text, media, group and id. Native → X → native is the identity for
//! X in native, TimelineJS, CSV and JSON lines, over events with every EDTF form and every field
//! but quotes, places and people (which TimelineJS cannot hold); native → JSON lines → native is
//! the identity over every field, quotes and their sources included (`full`); iCalendar and
//! Markdown carry their documented subset.

use proptest::prelude::*;
use serde_json::{Value, json};
use timeline::export::{self, Format};
use timeline::load;
use timeline::model::{Event, Timeline};

fn load_text(path: &str, text: String) -> Timeline {
    crate::support::load_str(path, &text).unwrap_or_else(|p| panic!("{}\n{text}", p.join("\n")))
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
                e.id.to_string(),
                e.date.iso(),
                e.end.map(|d| d.iso()),
                e.title.to_string(),
                e.summary.to_string(),
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

/// Words with the white space HTML collapses or drops: runs, leading and trailing spaces, line
/// breaks, tabs, NBSP and ZWSP (not CR, which iCalendar cannot carry).
fn spaced(words: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    let ws = prop::sample::select(vec!["", " ", "  ", "\t", "\n", "\u{a0}", "\u{200b}", " \n "]);
    (ws.clone(), words, ws.clone(), ws).prop_map(|(a, w, mid, z)| {
        let w = if mid.is_empty() { w } else { w.replacen(' ', mid, 1) };
        format!("{a}{w}{z}")
    })
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

/// Every EDTF form of a single date that our format reads: precisions, qualifiers, unspecified
/// digits, seasons, BCE and long years, times with every form of UTC offset.
const SINGLE: &[&str] = &[
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
    "-20XX",
    "-201X",
    "2001-21",
    "2001-24?",
    "Y-13799999999",
    "Y170000002",
    "2004-XX",
    "1985-04-XX",
    "1985-XX-XX",
    "2025-05-07T14:30:00Z",
    "2025-05-07T09:15:00",
    "2025-05-07T14:30:05-04",
    "2025-05-07T14:30:05+04:30",
    "2025-05-07T14:30:05+00:00",
    "2025-05-07T14:30:05.250Z",
];

/// A native event's `date` and `end`: a date, a closed interval (in one field or two), or an
/// interval with an open or unknown end.
fn period() -> impl Strategy<Value = (String, Option<String>)> {
    let single = prop::sample::select(SINGLE.to_vec());
    let early =
        prop::sample::select(SINGLE.iter().copied().filter(|d| !d.starts_with("Y1")).collect::<Vec<_>>());
    let plain =
        prop::sample::select(vec!["1966", "1966~", "2001-21", "-0499", "2026-01-05?", "Y-13799999999"]);
    let end = prop::sample::select(vec!["2030", "2030-06?", "2031~", "2030-23"]);
    prop_oneof![
        single.prop_map(|d| (d.to_string(), None)),
        (early, end.clone()).prop_map(|(d, e)| (d.to_string(), Some(e.to_string()))),
        (plain.clone(), end).prop_map(|(d, e)| (format!("{d}/{e}"), None)),
        (plain, prop::sample::select(vec!["{}/..", "../{}", "/{}", "{}/"]))
            .prop_map(|(d, form)| (form.replace("{}", d), None)),
    ]
}

/// An event of our format with every field it can have but quotes, places and people.
fn native_event(i: usize) -> impl Strategy<Value = Value> {
    let kinds: Vec<&str> = timeline::model::Kind::ALL.iter().map(|k| k.as_str()).collect();
    (
        (period(), prop::sample::select(vec!["held", "planned"]), prop::sample::select(kinds)),
        (spaced(words(1..5)), spaced(words(0..8))),
        prop::option::of(prop::sample::select(vec!["War", "Peace", "Trade"])),
        prop::option::of((0u32..100, prop::option::of(words(1..3)), prop::option::of(words(1..3)))),
        prop::option::of(words(1..3)),
        prop::option::of(prop::sample::select(vec!["#336699", "https://example.org/bg.jpg"])),
    )
        .prop_map(
            move |(((date, end), status, kind), (title, summary), group, media, display, background)| {
                let mut e = json!({
                    "id": format!("e{i}"), "date": date, "status": status, "kind": kind,
                    "title": title, "summary": summary,
                });
                if let Some(end) = end {
                    e["end"] = json!(end);
                }
                if let Some(g) = group {
                    e["group"] = json!(g);
                }
                if let Some((n, caption, credit)) = media {
                    e["media"] = json!({ "url": format!("https://example.org/{n}.jpg") });
                    if let Some(c) = caption {
                        e["media"]["caption"] = json!(c);
                    }
                    if let Some(c) = credit {
                        e["media"]["credit"] = json!(c);
                    }
                }
                if let Some(d) = display {
                    e["display_date"] = json!(d);
                }
                if let Some(b) = background {
                    e["background"] = json!(b);
                }
                e
            },
        )
}

fn native_document() -> impl Strategy<Value = Value> {
    (1usize..8).prop_flat_map(|n| {
        (0..n)
            .map(native_event)
            .collect::<Vec<_>>()
            .prop_map(|events| json!({ "countries": [], "sources": [], "events": events }))
    })
}

/// Everything an event of `native_document` has, as one comparable string per event.
fn full_view(t: &Timeline) -> Vec<String> {
    t.events
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
                e.id,
                e.edtf(),
                e.open,
                e.status,
                e.kind,
                e.title,
                e.summary,
                e.extra.as_ref().map_or((None, None, None, None), |x| (
                    x.media.clone(),
                    x.group.clone(),
                    x.display_date.clone(),
                    x.background.clone()
                )),
                e.date_label()
            )
        })
        .collect()
}

/// Unfolds iCalendar lines and reads back a TEXT value.
fn ics_lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").map(str::to_string).collect()
}

fn ics_text(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(x) => out.push(x),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
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
    fn native_to_native_timelinejs_and_csv_is_the_identity(doc in native_document()) {
        let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        for (format, path) in [(Format::Native, "b.json"), (Format::Timelinejs, "b.json"), (Format::Csv, "b.csv"), (Format::Jsonl, "b.jsonl")] {
            let there = load_text(path, export(&first, format));
            prop_assert!(there.warnings.is_empty(), "{format:?}: {:?}", there.warnings);
            let back = load_text("c.json", export(&there, Format::Native));
            prop_assert_eq!(full_view(&first), full_view(&there), "{:?}", format);
            prop_assert_eq!(full_view(&first), full_view(&back), "{:?}", format);
        }
    }

    #[test]
    fn jsonl_carries_every_field(doc in native_document()) {
        let t = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let text = export(&t, Format::Jsonl);
        let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(lines.len(), t.events.len());
        for (e, j) in t.events.iter().zip(&lines) {
            prop_assert_eq!(j["id"].as_str(), Some(e.id.as_str()));
            prop_assert_eq!(j["edtf"].as_str().map(str::to_string), Some(e.edtf()));
            prop_assert_eq!(j["status"].as_str(), Some(e.status.as_str()));
            prop_assert_eq!(j["kind"].as_str(), Some(e.kind.as_str()));
            prop_assert_eq!(j["title"].as_str(), Some(e.title.as_str()));
            prop_assert_eq!(j["summary"].as_str(), Some(e.summary.as_str()));
            prop_assert_eq!(j["date_label"].as_str().map(str::to_string), Some(e.date_label()));
            prop_assert_eq!(j["group"].as_str(), e.group());
            let x = e.extra.as_deref();
            prop_assert_eq!(j["display_date"].as_str(), x.and_then(|x| x.display_date.as_deref()));
            prop_assert_eq!(j["background"].as_str(), x.and_then(|x| x.background.as_deref()));
            let media: Option<timeline::model::Media> = serde_json::from_value(j["media"].clone()).ok();
            prop_assert_eq!(media.as_ref(), e.media());
        }
    }

    #[test]
    fn ics_and_markdown_carry_their_documented_subset(doc in native_document()) {
        let t = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let lines = ics_lines(&export(&t, Format::Ics));
        let in_range = |e: &&Event| {
            let (a, b) = (e.date.start(), e.end.unwrap_or(e.date).end());
            let year = |m: timeline::model::Moment| m.0.div_euclid(86_400_000 * 365);
            year(a) >= 0 && year(b) < 9990 && e.date.year_value() >= 1
        };
        let expected: Vec<(String, &str)> = t.events.iter().filter(in_range)
            .map(|e| (e.title.to_string(), if e.status == timeline::model::Status::Planned { "TENTATIVE" } else { "CONFIRMED" }))
            .collect();
        let summaries = lines.iter().filter_map(|l| l.strip_prefix("SUMMARY:")).map(ics_text);
        let statuses = lines.iter().filter_map(|l| l.strip_prefix("STATUS:"));
        let got: Vec<(String, &str)> = summaries.zip(statuses).collect();
        prop_assert_eq!(got, expected);
        let uids: std::collections::HashSet<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
        prop_assert_eq!(uids.len(), lines.iter().filter(|l| l.starts_with("UID:")).count());
        let md = export(&t, Format::Markdown);
        prop_assert_eq!(md.lines().filter(|l| l.starts_with("- **")).count(), t.events.len());
        let planned = t.events.iter().filter(|e| e.status == timeline::model::Status::Planned).count();
        prop_assert_eq!(md.matches("*(planned").count(), planned);
    }

    #[test]
    fn sheet_csv_round_trips_like_timelinejs(doc in tjs_document()) {
        let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
        let sheet = load_text("b.csv", export(&first, Format::Csv));
        prop_assert_eq!(tjs_view(&first), tjs_view(&sheet));
    }
}

/// `../1900` ("by 1900") sorts before `1900`, which sorts before `1900/..`; times with offsets
/// sort by their UTC instant and keep their own zone.
#[test]
fn open_starts_sort_first_and_offsets_by_instant() {
    let events: Vec<Value> = [
        ("a", "1900/.."),
        ("b", "1900"),
        ("c", "../1900"),
        ("d", "2025-05-07T09:00:00+07:00"),
        ("e", "2025-05-07T03:00:00Z"),
    ]
    .iter()
    .map(|(id, date)| json!({ "id": id, "date": date, "status": "held", "kind": "other", "title": id, "summary": "" }))
    .collect();
    let doc = json!({ "countries": [], "sources": [], "events": events });
    let t = load_text("a.json", doc.to_string());
    let order: Vec<(&str, String)> = t.events.iter().map(|e| (e.id.as_str(), e.date_label())).collect();
    assert_eq!(
        order,
        [
            ("c", "by 1900".to_string()),
            ("b", "1900".into()),
            ("a", "1900 onwards".into()),
            ("d", "7 May 2025 09:00:00 UTC+07:00".into()),
            ("e", "7 May 2025 03:00:00 UTC".into()),
        ]
    );
}

/// The title slide, eras, `autolink`, background images next to colours, markwhen tags and time
/// zones, through the formats that carry them.
mod lossless {
    use super::*;

    /// A background: none, a colour, an image URL, or a colour with an image URL.
    fn background() -> impl Strategy<Value = (Option<&'static str>, Option<&'static str>)> {
        prop::sample::select(vec![
            (None, None),
            (Some("#336699"), None),
            (Some("teal"), None),
            (Some("rgb(10, 20, 30)"), None),
            (Some("https://example.org/a.jpg"), None),
            (Some("bg.png"), None),
            (Some("#102030"), Some("https://example.org/bg.jpg")),
        ])
    }

    fn set_background(v: &mut Value, (b, url): (Option<&str>, Option<&str>)) {
        if let Some(b) = b {
            v["background"] = json!(b);
        }
        if let Some(u) = url {
            v["background_url"] = json!(u);
        }
    }

    fn document() -> impl Strategy<Value = Value> {
        let title = (words(1..4), words(0..6), prop::option::of(words(1..3)), background());
        let era = (1900i64..1990, 1u32..20, words(1..3), words(0..4));
        let event = (prop::option::of(any::<bool>()), background(), prop::option::of(0u32..9));
        (title, prop::collection::vec(era, 0..3), prop::collection::vec(event, 1..6)).prop_map(
            |((headline, text, caption, bg), eras, events)| {
                let mut title = json!({ "headline": headline });
                if !text.is_empty() {
                    title["text"] = json!(text);
                }
                if let Some(c) = caption {
                    title["media"] = json!({ "url": "https://example.org/cover.jpg", "caption": c });
                }
                set_background(&mut title, bg);
                let eras: Vec<Value> = eras
                    .iter()
                    .map(|(y, n, h, t)| {
                        let mut era = json!({ "start": y.to_string(), "end": (y + i64::from(*n)).to_string(), "headline": h });
                        if !t.is_empty() {
                            era["text"] = json!(t);
                        }
                        era
                    })
                    .collect();
                let events: Vec<Value> = events
                    .into_iter()
                    .enumerate()
                    .map(|(i, (autolink, bg, media))| {
                        let mut e = json!({ "id": format!("e{i}"), "date": format!("{}", 1950 + i), "status": "held", "kind": "other", "title": format!("Event {i}"), "summary": "" });
                        if let Some(a) = autolink {
                            e["autolink"] = json!(a);
                        }
                        if let Some(n) = media {
                            e["media"] = json!({ "url": format!("https://example.org/{n}.jpg") });
                        }
                        set_background(&mut e, bg);
                        e
                    })
                    .collect();
                json!({ "title": title, "eras": eras, "countries": [], "sources": [], "events": events })
            },
        )
    }

    /// The title slide, the eras, and each event's id, autolink, backgrounds and media.
    fn view(t: &Timeline) -> String {
        let events: Vec<String> = t
            .events
            .iter()
            .map(|e| {
                let x = e.extra.as_deref();
                let bg = x.map_or((None, None, None), |x| {
                    (x.autolink, x.background.clone(), x.background_url.clone())
                });
                format!("{} {bg:?} {:?}", e.id, e.media())
            })
            .collect();
        let eras: Vec<String> = t
            .eras
            .iter()
            .map(|e| format!("{} {} {} {}", e.start.iso(), e.end.iso(), e.headline, e.text))
            .collect();
        format!("{:?}\n{eras:?}\n{events:?}", t.title)
    }

    /// An event for markwhen: a date (times with their offsets), a group, a kind and tags.
    fn mw_event(i: usize) -> impl Strategy<Value = Value> {
        let dates = prop::sample::select(vec![
            "1966",
            "2026-01",
            "2025-05-07",
            "2025-05-07T14:30:05Z",
            "2025-05-07T14:30:05-04",
            "2025-05-07T14:30:05+04:30",
            "2025-05-07T14:30:05+00:00",
            "2025-05-07T14:30:05.250+07:00",
            "2025-05-07T14:30:05+05:30 2025-05-08T09:00:00+05:30",
        ]);
        let tags = prop::collection::vec(prop::sample::select(vec!["alpha", "beta_2", "Q3", "ASEAN"]), 0..3);
        let group = prop::sample::select(vec!["War", "Peace / Trade"]);
        (dates, group, tags, prop::sample::select(vec!["other", "visit", "talks"])).prop_map(
            move |(date, group, mut tags, kind)| {
                tags.dedup();
                let mut e = json!({ "id": format!("e{i}"), "status": "held", "kind": kind,
                        "title": format!("Event {i}"), "summary": "", "group": group, "tags": tags });
                let (date, end) = date.split_once(' ').map_or((date, None), |(d, e)| (d, Some(e)));
                e["date"] = json!(date);
                if let Some(end) = end {
                    e["end"] = json!(end);
                }
                e
            },
        )
    }

    fn mw_view(t: &Timeline) -> Vec<String> {
        let mut rows: Vec<String> = t
            .events
            .iter()
            .map(|e| {
                let tags = e.extra.as_ref().map_or(Vec::new(), |x| x.tags.to_vec());
                format!("{} | {} | {:?} | {:?} | {tags:?}", e.title, e.edtf(), e.kind, e.group())
            })
            .collect();
        rows.sort();
        rows
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn title_eras_autolink_and_backgrounds_round_trip(doc in document()) {
            let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
            for (format, path) in [(Format::Native, "b.json"), (Format::Timelinejs, "b.json"), (Format::Jsonl, "b.jsonl")] {
                let there = load_text(path, export(&first, format));
                let back = load_text("c.json", export(&there, Format::Native));
                prop_assert_eq!(view(&first), view(&there), "{:?}", format);
                prop_assert_eq!(view(&first), view(&back), "{:?}", format);
            }
            // TimelineJS → native → TimelineJS gives the same TimelineJS document.
            let tjs = export(&first, Format::Timelinejs);
            let again = export(&load_text("d.json", export(&load_text("c.json", tjs.clone()), Format::Native)), Format::Timelinejs);
            prop_assert_eq!(tjs, again);
        }

        #[test]
        fn jsonl_and_list_json_give_the_title_and_eras(doc in document()) {
            let t = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
            let text = export(&t, Format::Jsonl);
            let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            let types: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
            let want: Vec<&str> = std::iter::once("title")
                .chain(t.eras.iter().map(|_| "era"))
                .chain(t.events.iter().map(|_| "event"))
                .collect();
            prop_assert_eq!(types, want);
            let title = t.title.as_ref().unwrap();
            prop_assert_eq!(lines[0]["headline"].as_str(), Some(title.headline.as_str()));
            prop_assert_eq!(lines[0]["background"].as_str(), title.background.as_deref());
            prop_assert_eq!(lines[0]["background_url"].as_str(), title.background_url.as_deref());
            let media: Option<timeline::model::Media> = serde_json::from_value(lines[0]["media"].clone()).ok();
            prop_assert_eq!(media.as_ref(), title.media.as_ref());
            for (era, j) in t.eras.iter().zip(&lines[1..]) {
                prop_assert_eq!(j["start"].as_str().map(str::to_string), Some(era.start.iso()));
                prop_assert_eq!(j["end"].as_str().map(str::to_string), Some(era.end.iso()));
                prop_assert_eq!(j["headline"].as_str(), Some(era.headline.as_str()));
            }
            for (e, j) in t.events.iter().zip(&lines[1 + t.eras.len()..]) {
                prop_assert_eq!(j["autolink"].as_bool(), e.extra.as_ref().and_then(|x| x.autolink));
            }
        }

        #[test]
        fn markwhen_keeps_tags_and_time_zones(events in (1usize..8).prop_flat_map(|n| (0..n).map(mw_event).collect::<Vec<_>>())) {
            let doc = json!({ "countries": [], "sources": [], "events": events });
            let first = load_text("a.json", doc.to_string());
            let mw = export(&first, Format::Markwhen);
            let there = load_text("b.mw", mw.clone());
            prop_assert!(there.warnings.is_empty(), "{:?}\n{}", there.warnings, mw);
            prop_assert_eq!(mw_view(&first), mw_view(&there), "{}", mw);
            let back = load_text("c.mw", export(&load_text("c.json", export(&there, Format::Native)), Format::Markwhen));
            prop_assert_eq!(mw_view(&first), mw_view(&back));
        }
    }
}

/// Native → JSON lines → native over data sets with every field our format has: quotes of the
/// built-in articles with their sources described in full, countries, people, places, the
/// Vietnamese title, links, media with every key, tags, backgrounds, `autolink`, display dates,
/// the title slide and eras, with hostile white space and every EDTF form.
mod full {
    use super::*;

    /// A source file and its headline; a source file and a quote of it.
    type File = (String, Option<String>);
    type Quote = (String, String);

    /// Each built-in source file with its headline, and every quote of the built-in data set.
    fn builtin() -> (Vec<File>, Vec<Quote>) {
        let d: Value = serde_json::from_str(load::BUILTIN_DATA).unwrap();
        let sources = d["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["file"].as_str().unwrap().to_string(), s["headline"].as_str().map(str::to_string)))
            .collect();
        let quotes = d["events"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["sources"].as_array().cloned().unwrap_or_default())
            .filter_map(|c| Some((c["file"].as_str()?.to_string(), c["quote"].as_str()?.to_string())))
            .collect();
        (sources, quotes)
    }

    const CODES: &[&str] = &["AZ", "CN", "LA", "VN", "US"];

    fn media() -> impl Strategy<Value = Value> {
        let opt = || prop::option::of(words(1..3));
        (
            0u32..50,
            (opt(), opt(), opt(), opt()),
            (opt(), opt(), prop::option::of(prop::sample::select(vec!["_blank", "_self"]))),
        )
            .prop_map(|(n, (caption, credit, thumbnail, alt), (title, link, target))| {
                let mut m = json!({ "url": format!("https://example.org/{n}.jpg") });
                for (k, v) in [
                    ("caption", caption),
                    ("credit", credit),
                    ("thumbnail", thumbnail),
                    ("alt", alt),
                    ("title", title),
                    ("link", link),
                ] {
                    if let Some(v) = v {
                        m[k] = json!(v);
                    }
                }
                if let Some(t) = target {
                    m["link_target"] = json!(t);
                }
                m
            })
    }

    fn background() -> impl Strategy<Value = (Option<&'static str>, Option<&'static str>)> {
        prop::sample::select(vec![
            (None, None),
            (Some("#336699"), None),
            (Some("https://example.org/a.jpg"), None),
            (Some("#102030"), Some("https://example.org/bg.jpg")),
        ])
    }

    fn event(i: usize, quotes: std::sync::Arc<Vec<Quote>>) -> impl Strategy<Value = Value> {
        let kinds: Vec<&str> = timeline::model::Kind::ALL.iter().map(|k| k.as_str()).collect();
        let names = || prop::collection::vec(spaced(words(1..3)), 0..3);
        (
            (period(), prop::sample::select(vec!["held", "planned"]), prop::sample::select(kinds)),
            (
                spaced(words(1..5)),
                spaced(words(0..8)),
                prop::option::of(prop::sample::select(vec!["War", "Peace / Trade"])),
            ),
            (prop::sample::subsequence(CODES.to_vec(), 0..3), names(), names()),
            (
                prop::collection::vec(0..quotes.len(), 0..3),
                any::<bool>(),
                prop::collection::vec((0u32..9, prop::option::of(spaced(words(1..3)))), 0..2),
            ),
            (
                prop::option::of(media()),
                prop::option::of(words(1..3)),
                background(),
                prop::option::of(any::<bool>()),
            ),
            prop::collection::vec(prop::sample::select(vec!["alpha", "Đà_Nẵng", "Q3"]), 0..3),
        )
            .prop_map(
                move |(
                    ((date, end), status, kind),
                    (title, summary, group),
                    (countries, places, people),
                    (cites, vi, links),
                    (media, display, (bg, bg_url), autolink),
                    tags,
                )| {
                    let mut e = json!({
                        "id": format!("e{i}"), "date": date, "status": status, "kind": kind,
                        "title": title, "summary": summary,
                    });
                    let cites: Vec<Value> =
                        cites.iter().map(|&q| json!({ "file": quotes[q].0, "quote": quotes[q].1 })).collect();
                    let links = links.into_iter().map(|(n, t)| {
                        let mut l = json!({ "url": format!("https://example.org/l{n}") });
                        if let Some(t) = t {
                            l["title"] = json!(t);
                        }
                        l
                    });
                    if let (true, Some(first)) = (vi, cites.first()) {
                        e["title_vi"] = first["quote"].clone();
                    }
                    let sources: Vec<Value> = cites.into_iter().chain(links).collect();
                    for (k, v) in [
                        ("end", end.map(|x| json!(x))),
                        ("group", group.map(|x| json!(x))),
                        ("countries", (!countries.is_empty()).then(|| json!(countries))),
                        ("places", (!places.is_empty()).then(|| json!(places))),
                        ("people", (!people.is_empty()).then(|| json!(people))),
                        ("sources", (!sources.is_empty()).then(|| json!(sources))),
                        ("media", media),
                        ("display_date", display.map(|x| json!(x))),
                        ("background", bg.map(|x| json!(x))),
                        ("background_url", bg_url.map(|x| json!(x))),
                        ("autolink", autolink.map(|x| json!(x))),
                        ("tags", (!tags.is_empty()).then(|| json!(tags))),
                    ] {
                        if let Some(v) = v {
                            e[k] = v;
                        }
                    }
                    e
                },
            )
    }

    fn document() -> impl Strategy<Value = Value> {
        let (files, quotes) = builtin();
        let quotes = std::sync::Arc::new(quotes);
        let source = (
            spaced(words(1..3)),
            spaced(words(1..6)),
            prop::sample::select(vec!["vi", "en"]),
            any::<bool>(),
            (1990i32..2030, 1u32..13, 1u32..29),
        );
        let country = (spaced(words(1..3)), spaced(words(1..3)));
        let title = prop::option::of((
            spaced(words(1..4)),
            prop::option::of(spaced(words(1..6))),
            prop::option::of(media()),
            background(),
        ));
        let era = (
            prop::sample::select(vec!["1966", "1966~", "2001-21", "-0499", "2026-01-05?"]),
            prop::sample::select(vec!["2030", "2030-06?", "2031~"]),
            spaced(words(1..3)),
            prop::option::of(spaced(words(1..4))),
        );
        (
            prop::collection::vec(source, files.len()),
            prop::collection::vec(country, CODES.len()),
            title,
            prop::collection::vec(era, 0..3),
            (1usize..7).prop_flat_map(move |k| (0..k).map(|i| event(i, quotes.clone())).collect::<Vec<_>>()),
        )
            .prop_map(move |(sources, countries, title, eras, events)| {
                let sources: Vec<Value> = files.iter().zip(sources).map(|((file, headline), (outlet, about, language, with_headline, (y, m, d)))| {
                    let mut s = json!({ "file": file, "outlet": outlet, "published": format!("{y}-{m:02}-{d:02}"), "language": language, "about": about, "evidence": [] });
                    if let (true, Some(h)) = (with_headline, headline) {
                        s["headline"] = json!(h);
                    }
                    s
                }).collect();
                let countries: Vec<Value> = CODES.iter().zip(countries).map(|(code, (name, name_vi))| json!({ "code": code, "name": name, "name_vi": name_vi })).collect();
                let mut doc = json!({ "countries": countries, "sources": sources, "events": events });
                if let Some((headline, text, media, (bg, bg_url))) = title {
                    let mut t = json!({ "headline": headline });
                    for (k, v) in [("text", text.map(|x| json!(x))), ("media", media), ("background", bg.map(|x| json!(x))), ("background_url", bg_url.map(|x| json!(x)))] {
                        if let Some(v) = v {
                            t[k] = v;
                        }
                    }
                    doc["title"] = t;
                }
                let eras: Vec<Value> = eras.into_iter().map(|(start, end, headline, text)| {
                    let mut e = json!({ "start": start, "end": end, "headline": headline });
                    if let Some(t) = text {
                        e["text"] = json!(t);
                    }
                    e
                }).collect();
                if !eras.is_empty() {
                    doc["eras"] = json!(eras);
                }
                doc
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn native_to_jsonl_to_native_is_the_identity(doc in document()) {
            let first = load_text("a.json", serde_json::to_string_pretty(&doc).unwrap());
            let lines = export(&first, Format::Jsonl);
            let there = load_text("b.jsonl", lines.clone());
            prop_assert!(there.warnings.is_empty(), "{:?}", there.warnings);
            prop_assert_eq!(export(&first, Format::Native), export(&there, Format::Native));
            prop_assert_eq!(&lines, &export(&there, Format::Jsonl));
            prop_assert_eq!(full_view(&first), full_view(&there));
            let quotes = |t: &Timeline| -> Vec<Vec<(String, String, std::ops::Range<usize>)>> {
                t.events.iter().map(|e| e.citations.iter().map(|c| (t.sources[c.source].file.clone(), c.quote.to_string(), c.span.clone())).collect()).collect()
            };
            prop_assert_eq!(quotes(&first), quotes(&there));
        }
    }
}

/// On a tie of starts the coarser period comes first: a season before its first month, an
/// unspecified decade or century before its first year, a month before its first day.
#[test]
fn the_coarser_of_two_periods_that_start_together_comes_first() {
    let dates = ["2004-06-01", "2004-22", "2004-06", "2004-03", "2004-21", "2004", "1900", "19XX", "190X"];
    let events: Vec<Value> = dates
        .iter()
        .map(|d| json!({ "id": d.to_lowercase(), "date": d, "status": "held", "kind": "other", "title": d, "summary": "" }))
        .collect();
    let t = load_text("a.json", json!({ "countries": [], "sources": [], "events": events }).to_string());
    let order: Vec<String> = t.events.iter().map(|e| e.date.iso()).collect();
    assert_eq!(
        order,
        ["19XX", "190X", "1900", "2004", "2004-21", "2004-03", "2004-22", "2004-06", "2004-06-01"]
    );
}

/// An end that is the start is read as a single date with a warning, as a TimelineJS file's is,
/// so that an export of it reads back without one.
#[test]
fn an_end_that_is_the_start_is_a_single_date() {
    let event = |id: &str, date: &str, end: Option<&str>| {
        let mut e =
            json!({ "id": id, "date": date, "status": "held", "kind": "other", "title": id, "summary": "" });
        if let Some(end) = end {
            e["end"] = json!(end);
        }
        e
    };
    let events = [event("a", "2004-06-11", Some("2004-06-11")), event("b", "2004/2004", None)];
    let t = load_text("a.json", json!({ "countries": [], "sources": [], "events": events }).to_string());
    assert!(t.events.iter().all(|e| e.end.is_none() && e.edtf().len() <= 10), "{:?}", t.events[1].edtf());
    assert_eq!(t.warnings.len(), 2, "{:?}", t.warnings);
    assert!(
        t.warnings
            .iter()
            .all(|w| w.ends_with("warning: the end date is the start date; read as a single date"))
    );
    let again = load_text("b.json", export(&t, Format::Timelinejs));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
}
