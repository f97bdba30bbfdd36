//! A bracketed paste: text for the line being typed, and nothing else; and keys dropped in a flood. Pasted text is never read
//! as keys, so a paste of `q` does not quit and a paste of `:export! FILE` writes nothing.

use super::apply;
use crate::app::{Action, App, Effect};
use crate::input::keymap::KeyMode;

/// The most characters one paste adds to a line.
pub const MAX_PASTE_CHARS: usize = 1000;

/// Types the pasted text into the search line, the `:` line, a picker's filter or the reader's
/// find line, as if its characters were typed; anywhere else it is ignored with a note.
pub fn paste(app: &mut App, text: &str) -> Option<Effect> {
    let typed =
        matches!(app.mode.keys(), KeyMode::Search | KeyMode::Command | KeyMode::Picker | KeyMode::Find);
    if !typed {
        app.message = Some("paste ignored: paste into the search, : or a filter line".into());
        return None;
    }
    let clean = one_line(text);
    let mut effect = None;
    for c in clean.chars().take(MAX_PASTE_CHARS) {
        effect = apply(app, Action::Input(c)).or(effect);
    }
    if clean.chars().count() > MAX_PASTE_CHARS {
        app.message = Some(format!("paste cut to its first {MAX_PASTE_CHARS} characters"));
    }
    effect
}

/// Keys dropped in a flood: say how many.
pub fn dropped(app: &mut App, n: usize) -> Option<Effect> {
    app.message = Some(format!("{n} keys dropped: they came faster than they could be handled"));
    None
}

/// The pasted text as one line of plain text: each run of line breaks and tabs is one space,
/// and other control characters (escape sequences' `ESC`, `BEL`, C1) and bidi controls are
/// removed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') {
            gap = true;
        } else if !(c.is_control() || crate::text::inert::is_bidi_control(c)) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Mode;
    use crate::app::update::tests::app;

    #[test]
    fn one_line_drops_controls_and_joins_lines() {
        assert_eq!(one_line("e\u{15}export! x csv\r"), "eexport! x csv");
        assert_eq!(one_line("a\r\n\tb\u{1b}[31mc\u{9b}\u{202e}d\n"), "a b[31mcd");
        assert_eq!(one_line("\nĐà Nẵng"), "Đà Nẵng");
    }

    #[test]
    fn a_paste_outside_a_typed_line_does_nothing_but_say_so() {
        let mut f = app();
        let before = (f.view.selected, f.filter().clone());
        f.act(Action::Paste("q:export! /tmp/x csv\r".into()));
        assert_eq!(f.last, None);
        assert_eq!(f.mode, Mode::Browse);
        assert_eq!((f.view.selected, f.filter().clone()), before);
        assert!(f.message.as_deref().is_some_and(|m| m.starts_with("paste ignored")), "{:?}", f.message);
    }

    #[test]
    fn a_paste_in_the_search_line_is_the_query() {
        let mut f = app();
        f.act(Action::StartSearch);
        f.act(Action::Paste("Lào\r\u{1b}[201~q".into()));
        assert_eq!(f.mode, Mode::Search(crate::app::LineInput::new("Lào [201~q".into())));
        assert_eq!(f.filter().query, "Lào [201~q");
        assert_ne!(f.last, Some(Effect::Quit));
    }

    #[test]
    fn a_paste_in_the_colon_line_is_text_not_a_command() {
        let mut f = app();
        f.act(Action::StartCommand);
        f.act(Action::Paste("export! /tmp/pasted csv\r".into()));
        assert_eq!(f.mode, Mode::Command(crate::app::LineInput::new("export! /tmp/pasted csv".into())));
        assert_eq!(f.last, None, "nothing is written before Enter is typed");
    }
}
