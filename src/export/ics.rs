//! iCalendar (RFC 5545): all-day events with exclusive ends, month and year precision as spans
//! of days, timed events in UTC or floating local time, `STATUS` TENTATIVE for planned events,
//! stable UIDs unique per data set, lines escaped and then folded at 75 octets.

use crate::model::{Event, Kind, Moment, Status, Timeline};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::io::{self, Write};

/// Escapes a TEXT value (§3.3.11). Control characters, which a TEXT value cannot hold, and the
/// bidi controls are written as the text `\u{1b}` (the inert form of every other output), so
/// that nothing on the way to a terminal has to change a folded line.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(c),
            c if c.is_control() || crate::text::inert::is_bidi_control(c) => {
                out.push_str(&format!("\\\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character (§3.1).
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The day a moment falls on, if iCalendar can hold it (years 1 to 9999).
fn day(m: Moment) -> Option<NaiveDate> {
    let days = i64::try_from(m.0.div_euclid(86_400_000)).ok()?;
    let day = NaiveDate::from_ymd_opt(1, 1, 1)?.checked_add_signed(Duration::try_days(days)?)?;
    (1..=9999).contains(&chrono::Datelike::year(&day)).then_some(day)
}

/// `;VALUE=DATE:20250507`.
fn date_value(d: NaiveDate) -> String {
    format!(";VALUE=DATE:{}", d.format("%Y%m%d"))
}

/// `:20250507T143000Z` (UTC, when the date had an offset) or floating local time. iCalendar
/// counts whole seconds: an end inside a second moves to the next one.
fn time_value(m: Moment, utc: bool, end: bool) -> Option<String> {
    let ms = i64::try_from(m.0.rem_euclid(86_400_000)).ok()?;
    let ms = if end { (ms + 999) / 1000 * 1000 } else { ms / 1000 * 1000 };
    let at: NaiveDateTime = day(m)?.and_hms_opt(0, 0, 0)? + Duration::milliseconds(ms);
    Some(format!(":{}{}", at.format("%Y%m%dT%H%M%S"), if utc { "Z" } else { "" }))
}

/// `DTSTART` and `DTEND` values. All-day events end on the day after their last (exclusive); a
/// timed event ends at its end's time, or has no `DTEND` (an instant) without one. An open or
/// unknown end has no `DTEND`: the event is the day (or time) it began. An open or unknown start
/// is anchored at the last day of the known end (`../2026-01-25` on 25 Jan 2026).
fn when(e: &Event) -> Option<(String, Option<String>)> {
    let time = e.date.time();
    let utc = time.is_some_and(|t| t.offset.is_some());
    let date_end = |m: Moment| day(Moment(m.0 - 1))?.succ_opt().map(date_value);
    if e.open.start.is_some() {
        let start = match time {
            Some(_) => time_value(e.date.start(), utc, false)?,
            None => date_value(day(Moment(e.date.end().0 - 1))?),
        };
        return Some((start, None));
    }
    let start = match time {
        Some(_) => time_value(e.date.start(), utc, false)?,
        None => date_value(day(e.date.start())?),
    };
    let end = match (e.open.end, e.end, time) {
        (Some(_), ..) => None,
        (None, Some(end), Some(_)) if end.time().is_some() => Some(time_value(end.start(), utc, true)?),
        (None, Some(end), Some(_)) => Some(time_value(end.end(), utc, true)?),
        (None, Some(end), None) => Some(date_end(end.end())?),
        (None, None, Some(_)) => None,
        (None, None, None) => Some(date_end(e.date.end())?),
    };
    Some((start, end))
}

fn description(t: &Timeline, e: &Event) -> String {
    // Paragraphs, one blank line apart, without blank lines before the first.
    let mut parts: Vec<String> = Vec::new();
    if e.date_is_fuzzy() {
        parts.push(format!("Date: {} (as the sources allow)", e.date_label()));
    }
    if !e.summary.is_empty() {
        parts.push(e.summary.to_string());
    }
    for c in &e.citations {
        let src = &t.sources[c.source];
        parts.push(format!("“{}” — {}, {} ({})", c.quote, src.outlet, src.published, src.file));
    }
    parts.extend(e.links().iter().map(|l| format!("Source: {}", l.url)));
    if !e.is_verified() {
        parts.push("Unverified: no quote checks this event.".into());
    }
    parts.join("\n\n")
}

/// A UID that stays the same from one export to the next and differs between data sets whose
/// events share an id (`event-2001` from a headline): the id, then a hash of the data set's
/// title and the event's id, date and title.
fn uid(t: &Timeline, e: &Event) -> String {
    let set = t.title.as_ref().map_or("", |s| s.headline.as_str());
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in [set, &e.id, &e.edtf(), &e.title].join("\u{0}").bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{h:016x}@timeline", e.id)
}

pub fn write(out: &mut impl Write, t: &Timeline, events: &[&Event]) -> io::Result<Vec<String>> {
    let mut body = String::new();
    body.push_str(&fold("BEGIN:VCALENDAR"));
    body.push_str(&fold("VERSION:2.0"));
    body.push_str(&fold("PRODID:-//timeline//timeline export//EN"));
    body.push_str(&fold("CALSCALE:GREGORIAN"));
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut skipped = Vec::new();
    for e in events {
        let Some((start, end)) = when(e) else {
            skipped.push(e.id.as_str());
            continue;
        };
        body.push_str(&fold("BEGIN:VEVENT"));
        body.push_str(&fold(&format!("UID:{}", text(&uid(t, e)))));
        body.push_str(&fold(&format!("DTSTAMP:{stamp}")));
        body.push_str(&fold(&format!("DTSTART{start}")));
        if let Some(end) = end {
            body.push_str(&fold(&format!("DTEND{end}")));
        }
        let status = if e.status == Status::Planned { "TENTATIVE" } else { "CONFIRMED" };
        body.push_str(&fold(&format!("STATUS:{status}")));
        body.push_str(&fold(&format!("SUMMARY:{}", text(&e.title))));
        body.push_str(&fold(&format!("DESCRIPTION:{}", text(&description(t, e)))));
        let mut categories: Vec<String> = e.group().map(text).into_iter().collect();
        if e.kind != Kind::Other {
            categories.insert(0, text(e.kind.label()));
        }
        if !categories.is_empty() {
            body.push_str(&fold(&format!("CATEGORIES:{}", categories.join(","))));
        }
        body.push_str(&fold("END:VEVENT"));
    }
    body.push_str(&fold("END:VCALENDAR"));
    out.write_all(body.as_bytes())?;
    let mut lost = Vec::new();
    if !skipped.is_empty() {
        lost.push(format!(
            "{} left out, as iCalendar holds years 1 to 9999 only ({})",
            crate::text::plural(skipped.len(), "event"),
            super::losses::some_ids(&skipped)
        ));
    }
    let open = events.iter().filter(|e| e.open != Default::default()).count();
    if open > 0 {
        let ends = crate::text::plural(open, "open or unknown interval end");
        lost.push(format!("{ends} kept only in the description"));
    }
    let fuzzy = events.iter().filter(|e| e.date.is_fuzzy() || e.end.is_some_and(|d| d.is_fuzzy())).count();
    if fuzzy > 0 {
        let dates = crate::text::plural(fuzzy, "qualified or unspecified date");
        lost.push(format!("{dates} kept only in the description"));
    }
    Ok(lost)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Tô Lâm ".repeat(30));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?}");
        }
        assert_eq!(folded.replace("\r\n ", "").strip_suffix("\r\n"), Some(line.as_str()));
    }
}

#[cfg(test)]
mod text_tests {
    use super::{fold, text};

    #[test]
    fn escaped_before_folding_so_no_line_grows() {
        let line = format!("SUMMARY:{}", text(&"\u{1b}[31mTô, Lâm;\u{202e}".repeat(12)));
        let folded = fold(&line);
        assert!(crate::text::inert::controls(&folded) == folded, "{folded}");
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{l:?}");
        }
        assert!(line.contains("\\\\u{1b}[31mTô\\, Lâm\\;\\\\u{202e}"), "{line}");
    }
}
