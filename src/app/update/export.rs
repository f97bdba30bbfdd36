//! `e` in the browser: `:export FILE [FORMAT]` writes the events shown (current search and
//! filters) to a file the user names. The format comes from the word after the file name, or from
//! its extension. An existing file is replaced only with `:export! FILE`.

use crate::app::App;
use crate::export::{self, Format};
use crate::model::Event;
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
        _ => None,
    }
}

/// Runs `:export…`; `Ok` is the message to show.
pub fn run(app: &App, args: &str, replace: bool) -> Result<String, String> {
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
    let path = Path::new(file);
    if path.exists() && !replace {
        return Err(format!("{file} exists; :export! {file} replaces it"));
    }
    let t = &app.timeline;
    let events: Vec<&Event> = app.hits.iter().map(|h| &t.events[h.event]).collect();
    let mut buf = Vec::new();
    let notes = export::write(&mut buf, t, &events, format).map_err(|e| e.to_string())?;
    export::save(path, &buf).map_err(|e| format!("cannot write {file}: {e}"))?;
    let mut msg = format!("wrote {} events to {file} ({})", events.len(), format.name());
    for n in notes {
        msg.push_str("; ");
        msg.push_str(&n);
    }
    Ok(msg)
}

#[cfg(test)]
mod tests {
    use super::by_extension;
    use crate::app::{Action, App, Mode, update};
    use crate::export::Format;

    fn typed(app: &mut App, s: &str) {
        for c in s.chars() {
            update(app, Action::Input(c));
        }
    }

    #[test]
    fn e_writes_the_shown_events_and_never_overwrites_unasked() {
        let dir = std::env::temp_dir().join(format!("timeline-e-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("laos.md");
        let mut a = App::new(crate::load::load_builtin().unwrap(), 100, 30);
        a.filter.query = "laos".into();
        a.refilter();
        let shown = a.hits.len();
        update(&mut a, Action::StartExport);
        typed(&mut a, &file.display().to_string());
        update(&mut a, Action::Accept);
        assert_eq!(a.mode, Mode::Browse, "{:?}", a.message);
        let written = std::fs::read_to_string(&file).unwrap();
        assert_eq!(written.matches("\n- **").count(), shown);
        assert_eq!(a.message, Some(format!("wrote {shown} events to {} (markdown)", file.display())));
        // A second time, the file exists: nothing is written until `!`.
        update(&mut a, Action::StartExport);
        typed(&mut a, &format!("{} ics", file.display()));
        update(&mut a, Action::Accept);
        assert!(matches!(a.mode, Mode::Command(_)));
        assert!(a.message.as_deref().is_some_and(|m| m.contains("exists")));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(by_extension("a.MD"), Some(Format::Markdown));
        assert_eq!(by_extension("dir/x.ics"), Some(Format::Ics));
        assert_eq!(by_extension("x.json"), Some(Format::Timelinejs));
        assert_eq!(by_extension("x"), None);
    }
}
