//! The keymap: one table that both handles keys and generates the help screen and key hints.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The modes that have their own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Browse,
    Reader,
    Help,
    Search,
    Picker,
    Command,
}

impl KeyMode {
    pub const ALL: [KeyMode; 6] =
        [KeyMode::Browse, KeyMode::Search, KeyMode::Picker, KeyMode::Command, KeyMode::Reader, KeyMode::Help];

    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Browse => "Browsing",
            KeyMode::Reader => "Source reader",
            KeyMode::Help => "Help",
            KeyMode::Search => "Search line",
            KeyMode::Picker => "Pickers (countries, kinds, people, places)",
            KeyMode::Command => "Period line (:)",
        }
    }

    /// Modes where printable characters are typed into a line.
    fn takes_text(self) -> bool {
        matches!(self, KeyMode::Search | KeyMode::Picker | KeyMode::Command)
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}
const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
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
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
    }
}

/// One line of the keymap.
pub struct Binding {
    pub modes: &'static [KeyMode],
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help screen says.
    pub help: &'static str,
    /// The short word in the key-hint bar, for the most useful keys.
    pub hint: Option<&'static str>,
}

use KeyMode::*;
const NAV: &[KeyMode] = &[Browse, Reader, Help];
const LINES: &[KeyMode] = &[Search, Picker];

/// The whole keymap. Order matters: the first binding that fits a key wins, and help and hints
/// list bindings in this order.
pub const BINDINGS: &[Binding] = &[
    Binding {
        modes: NAV,
        keys: &[k('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "move down (scroll in the detail pane when it has the focus)",
        hint: Some("move"),
    },
    Binding {
        modes: NAV,
        keys: &[k('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "move up",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[code(KeyCode::PageDown), k(' ')],
        action: Action::PageDown,
        help: "page down",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[code(KeyCode::PageUp), k('b')],
        action: Action::PageUp,
        help: "page up",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "half a page down",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "half a page up",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[k('g'), code(KeyCode::Home)],
        action: Action::Top,
        help: "go to the first event (top)",
        hint: None,
    },
    Binding {
        modes: NAV,
        keys: &[k('G'), code(KeyCode::End)],
        action: Action::Bottom,
        help: "go to the last event (bottom)",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k('['), k(']')],
        action: Action::PrevYear,
        help: "previous / next year",
        hint: Some("year"),
    },
    Binding {
        modes: &[Browse],
        keys: &[code(KeyCode::Tab)],
        action: Action::ToggleFocus,
        help: "switch focus between timeline and detail",
        hint: Some("focus"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('J'), k('K')],
        action: Action::DetailDown,
        help: "scroll the detail pane down / up",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[code(KeyCode::Enter), k('o')],
        action: Action::OpenReader,
        help: "read the selected event's sources in full",
        hint: Some("read source"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('/')],
        action: Action::StartSearch,
        help: "search (fuzzy, accents optional)",
        hint: Some("search"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('n'), k('N')],
        action: Action::NextHit,
        help: "next / previous search hit",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k('c')],
        action: Action::PickCountries,
        help: "filter by country",
        hint: Some("countries"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('C')],
        action: Action::ClearCountries,
        help: "clear the country filter",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k('f')],
        action: Action::PickKinds,
        help: "filter by kind of event",
        hint: Some("kinds"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('p')],
        action: Action::PickPeople,
        help: "filter by person (by name or alias: `lam` finds Tô Lâm, `a-li` Heydar Aliyev)",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k('P')],
        action: Action::PickPlaces,
        help: "filter by place",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k(':')],
        action: Action::StartCommand,
        help: "go to a date (:1983, :2025-05) or limit the period (:2022..2026, :..1992, :2020..); `:` alone clears it",
        hint: Some("period"),
    },
    Binding {
        modes: &[Browse],
        keys: &[k('e')],
        action: Action::StartExport,
        help: "export the shown events to a file (:export FILE [FORMAT])",
        hint: None,
    },
    Binding {
        modes: &[Browse],
        keys: &[k('x')],
        action: Action::ClearAll,
        help: "clear the search and every filter",
        hint: None,
    },
    Binding {
        modes: &[Browse, Search],
        keys: &[ctrl('s')],
        action: Action::ToggleOrder,
        help: "search hits by relevance / by date",
        hint: None,
    },
    Binding {
        modes: &[Reader],
        keys: &[k('n'), k('N')],
        action: Action::NextQuote,
        help: "next / previous quote of this event",
        hint: Some("quote"),
    },
    Binding {
        modes: &[Reader],
        keys: &[code(KeyCode::Tab)],
        action: Action::NextSource,
        help: "next source of this event",
        hint: Some("source"),
    },
    Binding {
        modes: &[Browse, Reader],
        keys: &[k('?'), code(KeyCode::F(1))],
        action: Action::Help,
        help: "show this help",
        hint: Some("help"),
    },
    Binding {
        modes: &[Help],
        keys: &[k('?'), code(KeyCode::Esc)],
        action: Action::Back,
        help: "close the help",
        hint: Some("close"),
    },
    Binding {
        modes: &[Reader],
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        help: "back to the timeline, where you were",
        hint: Some("back"),
    },
    Binding {
        modes: &[Browse],
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        help: "clear the search, or quit",
        hint: None,
    },
    Binding {
        modes: &[Browse, Reader, Help],
        keys: &[k('q'), ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: Some("quit"),
    },
    // Line-editing modes: printable characters are typed; these keys are not.
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Enter)],
        action: Action::Accept,
        help: "apply and return to browsing",
        hint: Some("apply"),
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        help: "cancel (in the search line: clear the search)",
        hint: Some("cancel"),
    },
    Binding {
        modes: &[Picker],
        keys: &[k(' ')],
        action: Action::ToggleEntry,
        help: "select / unselect the highlighted entry",
        hint: Some("toggle"),
    },
    Binding {
        modes: LINES,
        keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')],
        action: Action::Down,
        help: "move down",
        hint: Some("move"),
    },
    Binding {
        modes: LINES,
        keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')],
        action: Action::Up,
        help: "move up",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Backspace)],
        action: Action::Backspace,
        help: "delete a character",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[ctrl('w')],
        action: Action::DeleteWord,
        help: "delete a word",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        help: "delete to the start of the line",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Delete), ctrl('d')],
        action: Action::DeleteForward,
        help: "delete the character under the cursor",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Left), ctrl('b')],
        action: Action::CursorLeft,
        help: "cursor left",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Right), ctrl('f')],
        action: Action::CursorRight,
        help: "cursor right",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::Home), ctrl('a')],
        action: Action::LineStart,
        help: "cursor to the start of the line",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[code(KeyCode::End), ctrl('e')],
        action: Action::LineEnd,
        help: "cursor to the end of the line",
        hint: None,
    },
    Binding {
        modes: &[Search, Picker, Command],
        keys: &[ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: None,
    },
    Binding {
        modes: &KeyMode::ALL,
        keys: &[ctrl('z')],
        action: Action::Suspend,
        help: "suspend to the shell (`fg` comes back)",
        hint: None,
    },
];

/// Resolves a key press in a mode to an action. Releases and repeats are ignored.
pub fn map_key(mode: KeyMode, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    // Shift is part of the character itself (`G`, `?`), not a modifier to match.
    let mods = match key.code {
        KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    let pressed = Key { code: key.code, mods };
    if mode.takes_text()
        && let KeyCode::Char(c) = key.code
        && (mods.is_empty() || mods == KeyModifiers::ALT)
        && !(mode == Picker && c == ' ')
    {
        return Some(Action::Input(c));
    }
    let binding = BINDINGS.iter().find(|b| b.modes.contains(&mode) && b.keys.contains(&pressed))?;
    Some(second_key(binding, pressed))
}

/// A binding with two keys for a pair of opposite moves (`[`/`]`, `J`/`K`, `n`/`N`): the second
/// key means the opposite action.
fn second_key(b: &Binding, pressed: Key) -> Action {
    let second = b.keys.len() == 2 && b.keys[1] == pressed;
    match (b.action.clone(), second) {
        (Action::PrevYear, true) => Action::NextYear,
        (Action::DetailDown, true) => Action::DetailUp,
        (Action::NextHit, true) => Action::PrevHit,
        (Action::NextQuote, true) => Action::PrevQuote,
        (a, _) => a,
    }
}

/// The key-hint bar of a mode: `j/↓ move · / search · ? help`.
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .filter_map(|b| b.hint.map(|h| (keys_label(b), h)))
        .collect()
}

/// All keys of a binding, as `j/↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(map_key(Browse, key('z')), None);
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
        assert_eq!(map_key(Picker, key(' ')), Some(Action::ToggleEntry));
        assert_eq!(map_key(Command, key(' ')), Some(Action::Input(' ')));
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
    }
}

#[cfg(test)]
mod line_keys {
    use super::*;

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
