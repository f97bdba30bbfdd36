//! `e` in the browser: `:export FILE [FORMAT]` writes the events shown (current search and
//! filters) to a file the user names. The format comes from the word after the file name, or from
//! its extension. An existing file is replaced only with `:export! FILE`. The line is split as a
//! shell would (`:export "my notes.md"`), and `~/` is the home directory. The events are written
//! in date order, whatever order the list shows them in: an export is a chronology.

use crate::app::{Action, App, Effect, Exporting, Mode};
use crate::export::Format;
use std::path::Path;

/// What `:export` takes: `FILE [timelinejs|csv|…]`, the formats the registry has.
pub fn usage() -> String {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    format!("FILE [{}]", names.join("|"))
}

/// Parses `:export…` into the effect that writes the shown events, or says what is wrong.
pub fn request(app: &App, args: &str, replace: bool) -> Result<Effect, String> {
    let usage = format!("write :export {}", usage());
    let words = shell_words::split(args).map_err(|e| format!("{e}; {usage}"))?;
    let mut words = words.iter().map(String::as_str);
    let file = words.next().ok_or_else(|| usage.clone())?;
    let format = match words.next() {
        Some(w) => Format::from_word(w).ok_or_else(|| format!("unknown format `{w}`; {usage}"))?,
        None => Format::by_extension(Path::new(file)).ok_or_else(|| format!("say which format: {usage}"))?,
    };
    if words.next().is_some() {
        return Err(usage);
    }
    // A preview's events are not all the search finds.
    if let Some(n) = app.origin.loading {
        return Err(format!("all {n} events are still loading; export once they are in"));
    }
    // Events are stored in date order: their indexes sort them by date.
    let mut events: Vec<usize> = app.shown.hits.iter().map(|h| h.event).collect();
    events.sort_unstable();
    Ok(Effect::Export { path: home(file), format, events, replace })
}

/// While an export runs: Esc (at the top level), `q` or Ctrl-c cancel it, and a second `q` or
/// Ctrl-c quits; `Some` when the action was taken for that.
pub fn while_running(app: &mut App, action: &Action) -> Option<Option<Effect>> {
    let x = app.exporting.as_mut()?;
    let cancel = match action {
        Action::Back => app.mode == Mode::Browse,
        Action::Quit => !x.cancelled,
        _ => false,
    };
    if !cancel {
        return None;
    }
    x.cancelled = true;
    app.message = Some(format!("cancelling the export to {}…", x.file));
    Some(Some(Effect::CancelExport))
}

/// An export `update` asked for runs on its worker from now on; only one at a time.
pub fn started(app: &mut App, effect: Option<Effect>) -> Option<Effect> {
    let Some(Effect::Export { path, .. }) = &effect else { return effect };
    if let Some(x) = &app.exporting {
        app.message = Some(format!("an export to {} is running; Esc cancels it", x.file));
        return None;
    }
    let file = crate::text::inert::line(&path.display().to_string()).into_owned();
    app.exporting = Some(Exporting { file, bytes: 0, cancelled: false });
    effect
}

/// `~/…` in the user's home directory, as a shell would; any other name as it is.
fn home(file: &str) -> std::path::PathBuf {
    match (file.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => file.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::request;
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
        // What Markdown cannot carry follows, as one note.
        let wrote = format!("wrote {shown} events to {} (markdown)", file.display());
        assert!(a.message.as_deref().is_some_and(|m| m.starts_with(&wrote)), "{:?}", a.message);
        // The status line has no room for the note: the warnings page has it in full.
        assert!(a.message.as_deref().is_some_and(|m| m.ends_with("(W shows all)")), "{:?}", a.message);
        let notes = a.last_export.as_ref().map(|x| x.notes.clone()).unwrap_or_default();
        assert!(!notes.is_empty() && a.offers(&Action::Warnings));
        d.apply(&mut a, Action::Warnings);
        assert!(matches!(a.mode, Mode::Help { page: crate::app::HelpPage::Warnings, .. }), "{:?}", a.mode);
        let page = crate::view::help::lines(
            crate::app::HelpPage::Warnings,
            &a.report(),
            400,
            &crate::view::Theme::plain(),
            0,
        );
        let text: Vec<String> = page.iter().map(|l| l.to_string()).collect();
        assert!(text.iter().any(|l| l.contains(&wrote)), "{text:?}");
        assert!(text.iter().any(|l| l.ends_with(&notes[0])), "{text:?}");
        d.apply(&mut a, Action::Back);
        // A second time, the file exists: nothing is written until `!`.
        d.apply(&mut a, Action::StartExport);
        typed(&mut a, &mut d, &format!("{} ics", file.display()));
        d.apply(&mut a, Action::Accept);
        assert!(a.message.as_deref().is_some_and(|m| m.contains("exists")), "{:?}", a.message);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_are_read_as_a_shell_would_and_the_events_go_in_date_order() {
        let filter = Filter { query: "laos 2026".into(), ..Filter::default() };
        let (a, _) = Driver::start(crate::frozen(), filter, 100, 30);
        let ranked: Vec<usize> = a.shown.hits.iter().map(|h| h.event).collect();
        assert!(
            ranked.windows(2).any(|w| w[0] > w[1]),
            "the search is ranked, not in date order: {ranked:?}"
        );
        let Ok(Effect::Export { path, format, events, .. }) =
            super::request(&a, " \"my notes.md\" csv", false)
        else {
            panic!("a quoted name is one word")
        };
        assert_eq!((path.to_str(), format), (Some("my notes.md"), Format::Csv));
        assert!(events.windows(2).all(|w| w[0] < w[1]), "{events:?}");
        let dates: Vec<_> = events.iter().map(|&i| a.timeline().events[i].date.first_day()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        let Ok(Effect::Export { path, .. }) = super::request(&a, "~/x.md", false) else { panic!("~/x.md") };
        if let Some(dirs) = directories::BaseDirs::new() {
            assert_eq!(path, dirs.home_dir().join("x.md"));
        }
        assert!(super::request(&a, "'unclosed.md", false).is_err());
        // A format may be named by its extension too, in any case.
        for (word, want) in [("md", Format::Markdown), ("MW", Format::Markwhen), ("ndjson", Format::Jsonl)] {
            let Ok(Effect::Export { format, .. }) = super::request(&a, &format!("notes {word}"), false)
            else {
                panic!("{word}")
            };
            assert_eq!(format, want, "{word}");
        }
        let Err(e) = super::request(&a, "notes txt", false) else { panic!("txt is no format") };
        assert!(e.starts_with("unknown format `txt`; write :export FILE [timelinejs|csv|"), "{e}");
    }

    #[test]
    fn export_bang_onto_a_device_or_a_fifo_is_refused_and_leaves_it_as_it_was() {
        use std::os::unix::fs::FileTypeExt;
        let (mut a, mut d) = Driver::start(crate::frozen(), Filter::default(), 100, 30);
        let dir = std::env::temp_dir().join(format!("timeline-e-dev-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("pipe.md");
        let c = std::ffi::CString::new(fifo.display().to_string()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
        for (path, what) in [("/dev/null", "a character device"), (fifo.to_str().unwrap(), "a FIFO")] {
            let effect = request(&a, &format!("{path} markdown"), true).unwrap();
            d.carry_out(&mut a, Some(effect));
            let msg = a.message.clone().unwrap_or_default();
            assert_eq!(msg, format!("cannot write {path}: it is {what}, not a regular file"));
            let t = std::fs::symlink_metadata(path).unwrap().file_type();
            assert!(t.is_char_device() || t.is_fifo(), "{path} is still what it was");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_export_runs_while_the_browser_goes_on_and_esc_or_q_cancels_it() {
        let dir = std::env::temp_dir().join(format!("timeline-e-worker-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("all.md");
        let (mut a, mut d) = Driver::start(crate::frozen(), Filter::default(), 100, 30);
        // As on the browser's worker: the export is not waited for.
        d.hold_exports = true;
        let export = |a: &mut App, d: &mut Driver, name: &str| {
            d.apply(a, Action::StartExport);
            typed(a, d, &dir.join(name).display().to_string());
            d.apply(a, Action::Accept);
        };
        export(&mut a, &mut d, "all.md");
        let status = a.exporting.as_ref().map(|x| x.status()).unwrap_or_default();
        assert!(status.starts_with("exporting to ") && status.ends_with("Esc cancels"), "{status}");
        let before = a.view.selected;
        d.apply(&mut a, Action::Down);
        assert_eq!(a.view.selected, before + 1, "keys are handled while the export runs");
        export(&mut a, &mut d, "second.md");
        assert!(
            a.message.as_deref().is_some_and(|m| m.contains("is running; Esc cancels")),
            "{:?}",
            a.message
        );
        d.apply(&mut a, Action::Back);
        assert!(a.exporting.as_ref().is_some_and(|x| x.cancelled), "Esc cancels");
        d.finish_exports(&mut a);
        assert_eq!(a.exporting, None);
        assert!(
            a.message.as_deref().is_some_and(|m| m.ends_with("cancelled; nothing was written")),
            "{:?}",
            a.message
        );
        assert!(!file.exists() && !dir.join("second.md").exists());
        // `q` cancels first and quits only the second time.
        export(&mut a, &mut d, "all.md");
        assert_eq!(d.apply(&mut a, Action::Quit), None, "the first q cancels");
        assert_eq!(d.apply(&mut a, Action::Quit), Some(Effect::Quit), "the second quits");
        d.finish_exports(&mut a);
        // Left to finish, it writes the file.
        export(&mut a, &mut d, "all.md");
        d.finish_exports(&mut a);
        assert!(a.message.as_deref().is_some_and(|m| m.starts_with("wrote ")), "{:?}", a.message);
        assert!(file.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
