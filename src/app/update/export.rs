//! `e` in the browser: `:export FILE [FORMAT]` writes the events shown (current search and
//! filters) to a file the user names. The format comes from the word after the file name, or from
//! its extension. An existing file is replaced only with `:export! FILE`.

use crate::app::{App, Effect};
use crate::export::Format;
use std::path::Path;

/// The format a file name asks for: `.md` Markdown, `.ics`, `.csv`, `.jsonl`, `.json` TimelineJS.
fn by_extension(path: &str) -> Option<Format> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "ics" => Some(Format::Ics),
        "csv" => Some(Format::Csv),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "json" => Some(Format::Timelinejs),
        "mw" => Some(Format::Markwhen),
        _ => None,
    }
}

/// Parses `:export…` into the effect that writes the shown events, or says what is wrong.
pub fn request(app: &App, args: &str, replace: bool) -> Result<Effect, String> {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let usage = format!("write :export FILE [{}]", names.join("|"));
    let mut words = args.split_whitespace();
    let file = words.next().ok_or_else(|| usage.clone())?;
    let format = match words.next() {
        Some(w) => Format::ALL
            .into_iter()
            .find(|f| f.name() == w)
            .ok_or_else(|| format!("unknown format `{w}`; {usage}"))?,
        None => by_extension(file).ok_or_else(|| format!("say which format: {usage}"))?,
    };
    if words.next().is_some() {
        return Err(usage);
    }
    let events = app.shown.hits.iter().map(|h| h.event).collect();
    Ok(Effect::Export { path: file.into(), format, events, replace })
}

#[cfg(test)]
mod tests {
    use super::by_extension;
    use crate::app::{Action, App, Driver, Effect, Mode};
    use crate::export::Format;
    use crate::search::Filter;

    fn typed(app: &mut App, d: &mut Driver, s: &str) {
        for c in s.chars() {
            d.apply(app, Action::Input(c));
        }
    }

    #[test]
    fn e_writes_the_shown_events_and_never_overwrites_unasked() {
        let dir = std::env::temp_dir().join(format!("timeline-e-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("laos.md");
        let filter = Filter { query: "laos".into(), ..Filter::default() };
        let (mut a, mut d) = Driver::start(crate::frozen(), filter, 100, 30);
        let shown = a.shown.hits.len();
        d.apply(&mut a, Action::StartExport);
        typed(&mut a, &mut d, &file.display().to_string());
        // The file is written by the effect's executor, not inside `update`.
        let effect = crate::app::update(&mut a, Action::Accept);
        assert!(matches!(&effect, Some(Effect::Export { format: Format::Markdown, .. })), "{effect:?}");
        assert!(!file.exists(), "update itself writes nothing");
        d.carry_out(&mut a, effect);
        assert_eq!(a.mode, Mode::Browse, "{:?}", a.message);
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(written.matches("\n- **").count(), shown);
        assert_eq!(a.message, Some(format!("wrote {shown} events to {} (markdown)", file.display())));
        // A second time, the file exists: nothing is written until `!`.
        d.apply(&mut a, Action::StartExport);
        typed(&mut a, &mut d, &format!("{} ics", file.display()));
        d.apply(&mut a, Action::Accept);
        assert!(a.message.as_deref().is_some_and(|m| m.contains("exists")), "{:?}", a.message);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(by_extension("a.MD"), Some(Format::Markdown));
        assert_eq!(by_extension("dir/x.ics"), Some(Format::Ics));
        assert_eq!(by_extension("x.json"), Some(Format::Timelinejs));
        assert_eq!(by_extension("plan.mw"), Some(Format::Markwhen));
        assert_eq!(by_extension("x"), None);
    }
}
