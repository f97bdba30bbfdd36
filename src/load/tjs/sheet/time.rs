//! A sheet's Time cell, read as TimelineJS's `parseTime` reads it.

use super::{Cell, key, s};
use crate::load::fields::Ctx;
use crate::load::json::{Key, Spanned};

const TIME_FORMS: &str = "hh:mm, hh:mm:ss, hh:mm:ss.sss or hhmm, with or without AM or PM";

/// A Time cell as hour, minute, second and millisecond members: the forms TimelineJS reads
/// (`14:30`, `14:30:05.250`, `2:30 PM`, `9:00 a.m.`, `0930`, `14.30`).
pub(super) fn time_members(cx: &mut Ctx, cell: Cell, out: &mut Vec<(Key, Spanned)>) {
    let Some((t, at)) = cell else { return };
    let Some(parts) = time_parts(t.trim()) else {
        cx.at(at, format!("time `{t}` is not {TIME_FORMS}"));
        return;
    };
    for (name, p) in ["hour", "minute", "second", "millisecond"].into_iter().zip(parts) {
        if let Some(p) = p {
            out.push((key(name, at), s((&p, at))));
        }
    }
}

/// The parts of a time as TimelineJS's `parseTime` finds them; the hour on the 24-hour clock.
fn time_parts(t: &str) -> Option<[Option<String>; 4]> {
    let (t, period) = split_period(t);
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let (hms, ms) = match t.split_once(':') {
        Some(_) => t.split_once(['.', ',']).map_or((t, None), |(a, b)| (a, Some(b))),
        None => (t, None),
    };
    let mut parts: Vec<&str> =
        if hms.contains(':') { hms.split(':').collect() } else { hms.split('.').collect() };
    // `0930`, `930`: hour and minute without a separator.
    if parts.len() == 1 && digits(hms) && (3..=4).contains(&hms.len()) {
        parts = vec![&hms[..hms.len() - 2], &hms[hms.len() - 2..]];
    }
    if parts.len() > 3 || !parts.iter().all(|p| digits(p)) || ms.is_some_and(|m| !digits(m)) {
        return None;
    }
    let mut hour: u32 = parts[0].parse().ok()?;
    // On the 12-hour clock an hour runs from 1 to 12: `13:00 PM` is no time at all.
    if period.is_some() && !(1..=12).contains(&hour) {
        return None;
    }
    match period {
        Some(b'p') if hour != 12 => hour += 12,
        Some(b'a') if hour == 12 => hour = 0,
        _ => {}
    }
    let part = |i: usize| parts.get(i).map(|p| p.to_string());
    Some([Some(hour.to_string()), part(1), part(2), ms.map(str::to_string)])
}

/// A time without its `AM`, `p.m.` (any case, spaced or not), and which it was (`a` or `p`).
fn split_period(t: &str) -> (&str, Option<u8>) {
    let b = t.trim_end().as_bytes();
    let mut end = b.len();
    let mut back = |want: &dyn Fn(u8) -> bool| {
        let hit = end > 0 && want(b[end - 1].to_ascii_lowercase());
        if hit {
            end -= 1;
        }
        hit
    };
    back(&|c| c == b'.');
    if !back(&|c| c == b'm') {
        return (t, None);
    }
    back(&|c| c == b'.');
    if !back(&|c| c == b'a' || c == b'p') {
        return (t, None);
    }
    // Only ASCII was stepped over, so `end` is a char boundary.
    (t[..end].trim_end(), Some(b[end].to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::time_parts;

    fn hms(t: &str) -> Option<Vec<String>> {
        time_parts(t).map(|p| p.into_iter().flatten().collect())
    }

    /// The forms TimelineJS's `parseTime` reads, and what it refuses.
    #[test]
    fn a_time_cell_is_read_as_timelinejs_reads_it() {
        let read = [
            ("14:30", vec!["14", "30"]),
            ("14:30:05.250", vec!["14", "30", "05", "250"]),
            ("14:30:05,250", vec!["14", "30", "05", "250"]),
            ("9:00 AM", vec!["9", "00"]),
            ("9:00:00 am", vec!["9", "00", "00"]),
            ("2:30 p.m.", vec!["14", "30"]),
            ("2:30PM", vec!["14", "30"]),
            ("12:15 a.m.", vec!["0", "15"]),
            ("12:15 PM", vec!["12", "15"]),
            ("0930", vec!["9", "30"]),
            ("930", vec!["9", "30"]),
            ("14.30", vec!["14", "30"]),
            ("7 pm", vec!["19"]),
            ("23", vec!["23"]),
        ];
        for (t, want) in read {
            assert_eq!(hms(t), Some(want.iter().map(|s| s.to_string()).collect()), "{t}");
        }
        for t in [
            "", "AM", "9:00 XM", "9:00 AMX", "bad", "9::00", "1:2:3:4", "9:00.x", "9h30", "13:00 PM",
            "0:30 am",
        ] {
            assert_eq!(hms(t), None, "{t}");
        }
    }
}
