//! iCalendar (RFC 5545): all-day events with exclusive ends, month and year precision as spans
//! of days, timed events in UTC or floating local time, stable UIDs from event ids, lines folded
//! at 75 octets.

use crate::model::{Event, PartialDate, Timeline};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::io::{self, Write};

/// Escapes a TEXT value (§3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
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

/// `DTSTART`/`DTEND` values: `;VALUE=DATE:20250507`, `:20250507T143000Z` or floating time.
fn when(d: &PartialDate, end: bool) -> Option<String> {
    let moment = if end { d.end() } else { d.start() };
    let day = NaiveDate::from_ymd_opt(1, 1, 1)?
        .checked_add_signed(Duration::try_days(i64::try_from(moment.0.div_euclid(86_400_000)).ok()?)?)?;
    if !(1..=9999).contains(&chrono::Datelike::year(&day)) {
        return None;
    }
    let Some(t) = d.time() else { return Some(format!(";VALUE=DATE:{}", day.format("%Y%m%d"))) };
    let ms = i64::try_from(moment.0.rem_euclid(86_400_000)).ok()?;
    // iCalendar counts whole seconds: an end inside a second moves to the next one.
    let ms = if end { (ms + 999) / 1000 * 1000 } else { ms };
    let at: NaiveDateTime = day.and_hms_opt(0, 0, 0)? + Duration::milliseconds(ms);
    // Moments are UTC when an offset was given; without one the time is floating local time.
    let z = if t.offset.is_some() { "Z" } else { "" };
    Some(format!(":{}{z}", at.format("%Y%m%dT%H%M%S")))
}

fn description(t: &Timeline, e: &Event) -> String {
    let mut s = String::new();
    if e.date.is_fuzzy() || e.end.is_some_and(|d| d.is_fuzzy()) || e.open != Default::default() {
        s.push_str(&format!("Date: {} (as the sources allow)\n\n", e.date_label()));
    }
    s.push_str(&e.summary);
    for c in &e.citations {
        let src = &t.sources[c.source];
        s.push_str(&format!("\n\n“{}” — {}, {} ({})", c.quote, src.outlet, src.published, src.file));
    }
    for l in e.links() {
        s.push_str(&format!("\n\nSource: {}", l.url));
    }
    if !e.is_verified() {
        s.push_str("\n\nUnverified: no quote checks this event.");
    }
    s
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
        let last = e.end.unwrap_or(e.date);
        let (Some(start), Some(end)) = (when(&e.date, false), when(&last, true)) else {
            skipped.push(e.id.as_str());
            continue;
        };
        body.push_str(&fold("BEGIN:VEVENT"));
        body.push_str(&fold(&format!("UID:{}@timeline", e.id)));
        body.push_str(&fold(&format!("DTSTAMP:{stamp}")));
        body.push_str(&fold(&format!("DTSTART{start}")));
        body.push_str(&fold(&format!("DTEND{end}")));
        body.push_str(&fold(&format!("SUMMARY:{}", text(&e.title))));
        body.push_str(&fold(&format!("DESCRIPTION:{}", text(&description(t, e)))));
        if let Some(g) = e.group() {
            body.push_str(&fold(&format!("CATEGORIES:{}", text(g))));
        }
        body.push_str(&fold("END:VEVENT"));
    }
    body.push_str(&fold("END:VCALENDAR"));
    out.write_all(body.as_bytes())?;
    let notes = match skipped.len() {
        0 => Vec::new(),
        n => vec![format!(
            "{n} events left out: iCalendar holds years 1 to 9999 only ({})",
            skipped.iter().take(5).copied().collect::<Vec<_>>().join(", ")
        )],
    };
    Ok(notes)
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
