//! What `timeline scan` prints: one line per mention and a summary per article, or JSON.

use super::{ArticleScan, Coverage, Mention};
use crate::model::Timeline;
use crate::text::inert;
use serde::Serialize;
use std::io::{self, Write};

/// `covered / total` over all articles.
pub fn totals(scans: &[ArticleScan]) -> (usize, usize) {
    scans.iter().fold((0, 0), |(c, n), a| (c + a.covered(), n + a.mentions.len()))
}

fn percent(covered: usize, total: usize) -> String {
    format!("{}%", (covered * 100).checked_div(total).unwrap_or(100))
}

/// How the mention's date was found, in words: `day, as written`.
fn resolution(t: &Timeline, m: &Mention) -> String {
    let d = &m.found.date;
    let mut how = format!("{}, {}", d.precision.as_str(), d.how.as_str());
    if d.how != super::How::AsWritten {
        how.push_str(&format!(" ({})", t.sources[m.source].published));
    }
    how
}

/// The events covering a mention. When none of them is dated within the mention's period, it
/// says so: a year-less day in a sidebar resolves to the article's year, which may not be right.
fn events_text(t: &Timeline, m: &Mention, events: &[usize]) -> String {
    let d = &m.found.date;
    let ids: Vec<&str> = events.iter().map(|&i| t.events[i].id.as_str()).collect();
    let dated_within = events.iter().any(|&i| {
        let e = &t.events[i];
        d.first <= e.end.unwrap_or(e.date).last_day() && e.date.first_day() <= d.last
    });
    if dated_within {
        ids.join(", ")
    } else {
        format!("{} (none of them is dated within {}: check the year)", ids.join(", "), d.iso())
    }
}

pub fn write_text(out: &mut impl Write, t: &Timeline, scans: &[ArticleScan]) -> io::Result<()> {
    for a in scans {
        let text = &t.sources[a.source].text;
        for m in &a.mentions {
            let covered = match &m.coverage {
                Coverage::Events(ev) => format!("covered by {}", events_text(t, m, ev)),
                Coverage::Ignored(i) => format!("ignored: {}", inert::line(&t.scan_ignores[*i].reason)),
                Coverage::Uncovered => "uncovered".into(),
            };
            writeln!(
                out,
                "{}:{}:{}: {:?} → {} ({}): {covered}",
                inert::line(&a.path),
                m.line,
                m.col,
                &text[m.span.clone()],
                m.found.date.iso(),
                resolution(t, m)
            )?;
        }
    }
    // A blank line between the mentions and the summary, when there are mentions.
    if scans.iter().any(|a| !a.mentions.is_empty()) {
        writeln!(out)?;
    }
    for a in scans {
        let (c, n) = (a.covered(), a.mentions.len());
        let ignored = a.mentions.iter().filter(|m| matches!(m.coverage, Coverage::Ignored(_))).count();
        let by_events = c - ignored;
        writeln!(
            out,
            "{}: {c} / {n} covered ({}; {by_events} by events, {ignored} ignored)",
            inert::line(&a.path),
            percent(c, n)
        )?;
    }
    let (c, n) = totals(scans);
    writeln!(out, "all articles: {c} / {n} covered ({})", percent(c, n))
}

#[derive(Serialize)]
struct ScanJson<'a> {
    covered: usize,
    total: usize,
    articles: Vec<ArticleJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    file: &'a str,
    covered: usize,
    total: usize,
    mentions: Vec<MentionJson<'a>>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    line: usize,
    col: usize,
    text: &'a str,
    form: &'static str,
    date: String,
    first: String,
    last: String,
    precision: &'static str,
    resolved: &'static str,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

pub fn write_json(out: &mut impl Write, t: &Timeline, scans: &[ArticleScan]) -> io::Result<()> {
    let (covered, total) = totals(scans);
    let articles = scans
        .iter()
        .map(|a| ArticleJson {
            file: &a.path,
            covered: a.covered(),
            total: a.mentions.len(),
            mentions: a.mentions.iter().map(|m| mention_json(t, m)).collect(),
        })
        .collect();
    inert::to_json_writer(&mut *out, &ScanJson { covered, total, articles })?;
    writeln!(out)
}

fn mention_json<'a>(t: &'a Timeline, m: &Mention) -> MentionJson<'a> {
    let d = &m.found.date;
    let (status, events, reason) = match &m.coverage {
        Coverage::Events(ev) => ("covered", ev.iter().map(|&i| t.events[i].id.as_str()).collect(), None),
        Coverage::Ignored(i) => ("ignored", Vec::new(), Some(t.scan_ignores[*i].reason.as_str())),
        Coverage::Uncovered => ("uncovered", Vec::new(), None),
    };
    MentionJson {
        line: m.line,
        col: m.col,
        text: &t.sources[m.source].text[m.span.clone()],
        form: m.found.form,
        date: d.iso(),
        first: d.first.to_string(),
        last: d.last.to_string(),
        precision: d.precision.as_str(),
        resolved: d.how.as_str(),
        status,
        events,
        reason,
    }
}
