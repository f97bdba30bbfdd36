//! Editing and reloading in a real pseudo-terminal: `E` hands the terminal to `$EDITOR` (here a
//! stub script that edits the data file as a curator would), the browser takes it back and
//! reads the file again; a file changed by someone else is read again too; a file that no longer
//! loads leaves the last good data on screen and its problem at `path:line:col`.

use crate::pty_harness;

use pty_harness::*;
use std::path::{Path, PathBuf};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

/// A directory of its own for each test, with a copy of the valid fixture in it.
fn data_dir(name: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pty-edit-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let data = dir.join("my data.json");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.json"), &data).expect("copy");
    (dir, data)
}

/// A stub editor: a shell script that records its arguments and runs `body` on the file (its
/// last argument, `$f`).
fn stub_editor(dir: &Path, body: &str) -> String {
    let script = dir.join("stub editor.sh");
    let args = dir.join("args");
    let text =
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nfor f; do :; done\n{body}\n", args.display());
    std::fs::write(&script, text).expect("write the stub editor");
    let mut perm = std::fs::metadata(&script).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(&script, perm).expect("chmod");
    // As $EDITOR is written by users: quoted, since the path has a space.
    format!("'{}'", script.display())
}

fn start(data: &Path, editor: &str) -> Tui {
    let data = data.to_str().expect("a UTF-8 path");
    Tui::start(100, 30, &["--data", data, "--articles", SEEDS], &[("EDITOR", editor), ("VISUAL", "")])
}

#[test]
fn e_edits_the_selected_event_in_the_editor_and_the_browser_shows_the_change() {
    let (dir, data) = data_dir("title");
    let editor = stub_editor(&dir, "sed -i 's/Talks in Baku/Talks in Baku, edited/' \"$f\"");
    let mut t = start(&data, &editor);
    t.expect_text("Talks in Baku");
    // The events are in date order: Baku (2025) first; select the congress (the second), then
    // go back to Baku so that the selection is not simply the first row.
    t.send("j");
    t.expect_position("2/3");
    t.send("k");
    t.expect_position("1/3");
    t.send("E");
    t.expect_text("Talks in Baku, edited");
    t.expect_text("reloaded: 3 events");
    t.expect_position("1/3");
    // The editor was given the line of the event and the file as one argument.
    let args = std::fs::read_to_string(dir.join("args")).expect("the stub editor ran");
    assert_eq!(args.lines().collect::<Vec<_>>(), ["+41", data.to_str().unwrap_or_default()], "{args}");
    t.send("q");
    assert!(t.exit().success());
    t.assert_restored();
}

#[test]
fn a_broken_file_keeps_the_last_good_data_and_says_where_it_is_broken() {
    let (dir, data) = data_dir("broken");
    let editor =
        stub_editor(&dir, "sed -i 's/\"title\": \"Talks in Baku\",/\"title\": \"Talks in Baku\"/' \"$f\"");
    let mut t = start(&data, &editor);
    t.expect_text("Talks in Baku");
    t.send("E");
    let at = format!("{}:50:7", data.display());
    t.expect(&format!("the problem at {at}"), |s| {
        let bottom = rows(s).last().cloned().unwrap_or_default();
        if bottom.contains("not reloaded") && bottom.contains(&at) { Ok(()) } else { Err(bottom) }
    });
    // The old data is still there, all of it.
    t.expect_text("Talks in Baku");
    t.expect_text("Tô Lâm to visit Laos");
    t.expect_position("1/3");
    // E now opens the editor at the problem.
    std::fs::write(dir.join("args"), "").expect("clear the args");
    t.send("E");
    t.expect("the editor at the problem", |_| {
        let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
        if args.starts_with("+50\n") { Ok(()) } else { Err(args) }
    });
    t.send("q");
    assert!(t.exit().success());
    t.assert_restored();
}

#[test]
fn a_file_changed_by_someone_else_is_read_again_keeping_the_search() {
    let (dir, data) = data_dir("external");
    let editor = stub_editor(&dir, "exit 0");
    let mut t = start(&data, &editor);
    t.expect_text("Talks in Baku");
    t.send("/congress\r");
    t.expect_position("1/2");
    t.send("j");
    t.expect_position("2/2");
    let text = std::fs::read_to_string(&data).expect("read");
    std::fs::write(&data, text.replace("The 14th Party Congress", "The 14th National Party Congress"))
        .expect("write");
    t.expect_text("The 14th National Party Congress");
    // The search is still applied, and the selection still on the same event.
    t.expect_text("/congress");
    t.expect_position("2/2");
    t.send("q");
    assert!(t.exit().success());
}

#[test]
fn the_built_in_data_says_how_to_get_a_file_to_edit() {
    let mut t = Tui::start(120, 30, &[], &[("EDITOR", "false")]);
    t.expect_text("Vietnam and China");
    t.send("E");
    t.expect_text("timeline export --format native");
    t.send("q");
    assert!(t.exit().success());
}
