//! What `timeline scan --undated` prints: one line per undated action and a summary, or JSON.
//! Every text from the data set or an article goes through `text::inert`.

use super::Coverage;
use super::actions::{Action, ArticleActions, VERBS};
use crate::model::Timeline;
use crate::text::inert;
use serde::Serialize;
use std::io::{self, Write};

/// The longest excerpt of a sentence a line shows, in characters.
const EXCERPT: usize = 90;

/// `dealt with / total` over all articles.
pub fn totals(scans: &[ArticleActions]) -> (usize, usize) {
    scans
        .iter()
        .flat_map(|a| &a.actions)
        .fold((0, 0), |(c, n), a| (c + usize::from(a.is_dealt_with()), n + 1))
}

/// The sentence, trimmed, cut at a character boundary after `EXCERPT` characters.
fn excerpt(t: &Timeline, a: &Action) -> String {
    let s = t.sources[a.source].text[a.sentence.clone()].trim();
    match s.char_indices().nth(EXCERPT) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

fn people<'t>(t: &'t Timeline, a: &Action) -> Vec<&'t str> {
    a.people.iter().map(|&p| t.people[p].name.as_str()).collect()
}

/// `receives ("tiếp"), visits ("thăm")`.
fn verbs(a: &Action) -> String {
    let shown: Vec<String> =
        a.verbs.iter().map(|&v| format!("{} (\"{}\")", VERBS[v].means, VERBS[v].phrase)).collect();
    shown.join(", ")
}

pub fn write_text(out: &mut impl Write, t: &Timeline, scans: &[ArticleActions]) -> io::Result<()> {
    for article in scans {
        for a in &article.actions {
            let coverage = match &a.coverage {
                Coverage::Events(ev) => {
                    let ids: Vec<&str> = ev.iter().map(|&e| t.events[e].id.as_str()).collect();
                    format!("cited by {}", ids.join(", "))
                }
                Coverage::Ignored(i) => format!("ignored: {}", t.scan_ignores[*i].reason),
                Coverage::Uncovered => "uncovered".into(),
            };
            let line = format!(
                "{}:{}:{}: {}: {} in \"{}\": {coverage}",
                article.path,
                a.line,
                a.col,
                people(t, a).join(", "),
                verbs(a),
                excerpt(t, a)
            );
            writeln!(out, "{}", inert::line(&line))?;
        }
    }
    if scans.iter().any(|a| !a.actions.is_empty()) {
        writeln!(out)?;
    }
    for article in scans {
        let n = article.actions.len();
        let ignored = article.actions.iter().filter(|a| matches!(a.coverage, Coverage::Ignored(_))).count();
        let cited = article.actions.iter().filter(|a| matches!(a.coverage, Coverage::Events(_))).count();
        let line = format!(
            "{}: {} / {n} undated actions dealt with ({cited} cited by events, {ignored} ignored)",
            article.path,
            cited + ignored
        );
        writeln!(out, "{}", inert::line(&line))?;
    }
    let (c, n) = totals(scans);
    writeln!(out, "all articles: {c} / {n} undated actions dealt with, {} uncovered", n - c)
}

#[derive(Serialize)]
struct ActionsJson<'a> {
    dealt_with: usize,
    total: usize,
    articles: Vec<ArticleJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    file: &'a str,
    actions: Vec<ActionJson<'a>>,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    line: usize,
    col: usize,
    people: Vec<&'a str>,
    verbs: Vec<&'static str>,
    means: Vec<&'static str>,
    sentence: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

pub fn write_json(out: &mut impl Write, t: &Timeline, scans: &[ArticleActions]) -> io::Result<()> {
    let (dealt_with, total) = totals(scans);
    let articles = scans
        .iter()
        .map(|article| ArticleJson {
            file: &article.path,
            actions: article.actions.iter().map(|a| action_json(t, a)).collect(),
        })
        .collect();
    inert::to_json_writer(&mut *out, &ActionsJson { dealt_with, total, articles })?;
    writeln!(out)
}

fn action_json<'a>(t: &'a Timeline, a: &Action) -> ActionJson<'a> {
    let (status, events, reason) = match &a.coverage {
        Coverage::Events(ev) => ("cited", ev.iter().map(|&e| t.events[e].id.as_str()).collect(), None),
        Coverage::Ignored(i) => ("ignored", Vec::new(), Some(t.scan_ignores[*i].reason.as_str())),
        Coverage::Uncovered => ("uncovered", Vec::new(), None),
    };
    ActionJson {
        line: a.line,
        col: a.col,
        people: people(t, a),
        verbs: a.verbs.iter().map(|&v| VERBS[v].phrase).collect(),
        means: a.verbs.iter().map(|&v| VERBS[v].means).collect(),
        sentence: t.sources[a.source].text[a.sentence.clone()].trim(),
        status,
        events,
        reason,
    }
}
