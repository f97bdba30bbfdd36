//! The keymap: one table, a row per key or mouse event, that both handles input and generates
//! the help screen and the key hints.

use super::action::Action;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The modes that have their own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Browse,
    Reader,
    Help,
    Search,
    Picker,
    Command,
    /// The reader's `/` line: searching the article.
    Find,
}

impl KeyMode {
    pub const ALL: [KeyMode; 7] = [
        KeyMode::Browse,
        KeyMode::Search,
        KeyMode::Picker,
        KeyMode::Command,
        KeyMode::Reader,
        KeyMode::Find,
        KeyMode::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Browse => "Browsing",
            KeyMode::Reader => "Source reader",
            KeyMode::Help => "Help",
            KeyMode::Search => "Search line",
            KeyMode::Picker => "Pickers (countries, kinds, people, places, groups)",
            KeyMode::Command => "Period line (:)",
            KeyMode::Find => "Searching the article (/ in the reader)",
        }
    }

    /// Modes where printable characters are typed into a line.
    fn takes_text(self) -> bool {
        matches!(self, KeyMode::Search | KeyMode::Picker | KeyMode::Command | KeyMode::Find)
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// How the key is written in help and hints: `j`, `Ctrl-d`, `PgDn`, `↓`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
    }
}

/// A mouse event a binding answers; where it happened goes into the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The left button pressed.
    Click,
    WheelDown,
    WheelUp,
}

impl Mouse {
    fn of(kind: MouseEventKind) -> Option<Mouse> {
        Some(match kind {
            MouseEventKind::Down(MouseButton::Left) => Mouse::Click,
            MouseEventKind::ScrollDown => Mouse::WheelDown,
            MouseEventKind::ScrollUp => Mouse::WheelUp,
            _ => return None,
        })
    }

    /// A mouse event of this kind at a cell, as crossterm reports it.
    pub fn event(self, col: u16, row: u16) -> MouseEvent {
        let kind = match self {
            Mouse::Click => MouseEventKind::Down(MouseButton::Left),
            Mouse::WheelDown => MouseEventKind::ScrollDown,
            Mouse::WheelUp => MouseEventKind::ScrollUp,
        };
        MouseEvent { kind, column: col, row, modifiers: KeyModifiers::NONE }
    }
}

/// What a binding answers: a key, or a mouse event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Mouse(Mouse),
}

impl Input {
    /// How the input is written in help and hints: `j`, `Ctrl-d`, `click`, `wheel↓`.
    pub fn label(&self) -> String {
        match self {
            Input::Key(k) => k.label(),
            Input::Mouse(Mouse::Click) => "click".into(),
            Input::Mouse(Mouse::WheelDown) => "wheel↓".into(),
            Input::Mouse(Mouse::WheelUp) => "wheel↑".into(),
        }
    }
}

/// One row of the keymap: one key (or mouse event), in some modes, and what it does.
pub struct Binding {
    pub modes: &'static [KeyMode],
    pub input: Input,
    /// What it does. A mouse row's `Click` and `Wheel` get the event's cell in place of theirs.
    pub action: Action,
    /// What the help screen says. Empty: another key of the row above, listed with it (`j/↓`,
    /// or `[ ]` for a pair of opposite moves).
    pub help: &'static str,
    /// The short word in the key-hint bar, for the most useful keys.
    pub hint: Option<&'static str>,
}

pub use super::bindings::BINDINGS;

/// Resolves a key press in a mode to an action. Releases and repeats are ignored.
pub fn map_key(mode: KeyMode, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character itself (`G`, `?`), not a modifier to match.
    let mods = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    if mode.takes_text()
        && let KeyCode::Char(c) = key.code
        && (mods.is_empty() || mods == KeyModifiers::ALT)
    {
        return Some(Action::Input(c));
    }
    bound(mode, Input::Key(Key { code: key.code, mods })).map(|b| b.action.clone())
}

/// Resolves a mouse event in a mode to an action at the event's cell.
pub fn map_mouse(mode: KeyMode, m: MouseEvent) -> Option<Action> {
    let b = bound(mode, Input::Mouse(Mouse::of(m.kind)?))?;
    Some(match b.action {
        Action::Click { .. } => Action::Click { col: m.column, row: m.row },
        Action::Wheel { down, .. } => Action::Wheel { col: m.column, row: m.row, down },
        ref other => other.clone(),
    })
}

/// The first row for an input in a mode.
fn bound(mode: KeyMode, input: Input) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| b.input == input && b.modes.contains(&mode))
}

/// The keymap as the help lists it: each row with help, and the rows after it that have none
/// (its other keys).
pub fn groups() -> impl Iterator<Item = &'static [Binding]> {
    let starts: Vec<usize> = (0..BINDINGS.len()).filter(|&i| !BINDINGS[i].help.is_empty()).collect();
    let ends: Vec<usize> = starts.iter().skip(1).copied().chain([BINDINGS.len()]).collect();
    starts.into_iter().zip(ends).map(|(a, b)| &BINDINGS[a..b])
}

/// The key-hint bar of a mode: `j/↓ move · / search · ? help`.
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    hints_where(mode, |_| true)
}

/// The key-hint bar of a mode, without the keys whose action `keep` says has nothing to act on
/// (a picker of countries for a file without countries).
pub fn hints_where(mode: KeyMode, keep: impl Fn(&Action) -> bool) -> Vec<(String, &'static str)> {
    groups()
        .filter(|g| g[0].modes.contains(&mode) && keep(&g[0].action))
        .filter_map(|g| g[0].hint.map(|h| (keys_label(g), h)))
        .collect()
}

/// All inputs of a group: alternatives as `j/↓`, a pair of opposite moves as `[ ]`.
pub fn keys_label(group: &[Binding]) -> String {
    let pair = group.iter().any(|b| b.action != group[0].action);
    group.iter().map(|b| b.input.label()).collect::<Vec<_>>().join(if pair { " " } else { "/" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyMode::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn key(c: char) -> KeyEvent {
        press(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn browse_keys_follow_tig_and_less() {
        assert_eq!(map_key(Browse, key('j')), Some(Action::Down));
        assert_eq!(map_key(Browse, press(KeyCode::Down, KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(map_key(Browse, press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(
            map_key(Browse, press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(map_key(Browse, key('[')), Some(Action::PrevYear));
        assert_eq!(map_key(Browse, key(']')), Some(Action::NextYear));
        assert_eq!(map_key(Browse, key('K')), Some(Action::DetailUp));
        assert_eq!(map_key(Browse, key('N')), Some(Action::PrevHit));
        assert_eq!(map_key(Browse, key('q')), Some(Action::Quit));
        assert_eq!(map_key(Browse, key('z')), Some(Action::Zoom));
        assert_eq!(map_key(Browse, press(KeyCode::Esc, KeyModifiers::NONE)), Some(Action::Back));
        assert_eq!(map_key(Reader, key('q')), Some(Action::Back), "q backs out of the reader, as in less");
        assert_eq!(map_key(Help, key('q')), Some(Action::Back));
        assert_eq!(map_key(Reader, key('J')), Some(Action::NextEvent));
        assert_eq!(map_key(Reader, press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::PrevSource));
        assert_eq!(map_key(Browse, key('Z')), None);
    }

    #[test]
    fn text_modes_type_characters() {
        assert_eq!(map_key(Search, key('q')), Some(Action::Input('q')));
        assert_eq!(map_key(Search, key('à')), Some(Action::Input('à')));
        assert_eq!(map_key(Search, press(KeyCode::Char('L'), KeyModifiers::SHIFT)), Some(Action::Input('L')));
        assert_eq!(map_key(Search, press(KeyCode::Enter, KeyModifiers::NONE)), Some(Action::Accept));
        assert_eq!(
            map_key(Search, press(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Action::ToggleOrder)
        );
        assert_eq!(map_key(Picker, key(' ')), Some(Action::Input(' ')), "Space types a space");
        assert_eq!(map_key(Picker, press(KeyCode::Tab, KeyModifiers::NONE)), Some(Action::ToggleEntry));
        assert_eq!(map_key(Find, key('n')), Some(Action::Input('n')));
        assert_eq!(map_key(Command, key(' ')), Some(Action::Input(' ')));
    }

    #[test]
    fn the_mouse_is_in_the_table() {
        let at = |m: Mouse, mode| map_mouse(mode, m.event(7, 9));
        assert_eq!(at(Mouse::Click, Browse), Some(Action::Click { col: 7, row: 9 }));
        assert_eq!(at(Mouse::WheelDown, Picker), Some(Action::Wheel { col: 7, row: 9, down: true }));
        assert_eq!(at(Mouse::WheelUp, Reader), Some(Action::Wheel { col: 7, row: 9, down: false }));
        let moved = MouseEvent { kind: MouseEventKind::Moved, ..Mouse::Click.event(1, 1) };
        assert_eq!(map_mouse(Browse, moved), None);
    }

    /// One row per input: no key means two things in one mode, and a key listed with the row
    /// above it works in the same modes.
    #[test]
    fn each_input_is_bound_once_per_mode() {
        for (i, b) in BINDINGS.iter().enumerate() {
            for later in &BINDINGS[i + 1..] {
                let shared = b.modes.iter().find(|m| later.modes.contains(m));
                assert!(b.input != later.input || shared.is_none(), "{:?} twice in {shared:?}", b.input);
            }
        }
        assert!(!BINDINGS[0].help.is_empty());
        for g in groups() {
            for b in &g[1..] {
                assert!(
                    b.modes == g[0].modes && b.hint.is_none(),
                    "{:?} goes with {:?}",
                    b.input,
                    g[0].input
                );
            }
        }
    }

    #[test]
    fn only_presses_count() {
        let mut release = key('j');
        release.kind = KeyEventKind::Release;
        assert_eq!(map_key(Browse, release), None);
    }

    #[test]
    fn every_mode_has_hints_and_help_lists_them() {
        for mode in KeyMode::ALL {
            assert!(!hints(mode).is_empty(), "{mode:?}");
        }
        assert!(hints(Browse).iter().any(|(k, h)| k == "/" && *h == "search"));
        assert!(hints(Browse).iter().any(|(k, h)| k == "[ ]" && *h == "year"), "a pair reads as two keys");
        for mode in KeyMode::ALL {
            assert!(hints(mode).iter().any(|(_, h)| *h == "help" || *h == "close"), "{mode:?} shows help");
        }
    }
}

#[cfg(test)]
mod line_keys {
    use super::*;
    use KeyMode::*;

    #[test]
    fn arrows_move_the_cursor_in_typed_lines() {
        let left = KeyEvent::new(KeyCode::Left, KeyModifiers::NONE);
        for mode in [Search, Picker, Command] {
            assert_eq!(map_key(mode, left), Some(Action::CursorLeft), "{mode:?}");
            assert_eq!(
                map_key(mode, KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL)),
                Some(Action::LineStart)
            );
        }
    }
}
