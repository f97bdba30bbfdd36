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
            KeyMode::Picker => "Pickers (countries, kinds, people, places)",
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
    let pressed = Key { code: key.code, mods };
    if mode.takes_text()
        && let KeyCode::Char(c) = key.code
        && (mods.is_empty() || mods == KeyModifiers::ALT)
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
        (Action::NextSource, true) => Action::PrevSource,
        (Action::NextEvent, true) => Action::PrevEvent,
        (a, _) => a,
    }
}

/// The key-hint bar of a mode: `j/↓ move · / search · ? help`.
pub fn hints(mode: KeyMode) -> Vec<(String, &'static str)> {
    hints_where(mode, |_| true)
}

/// The key-hint bar of a mode, without the keys whose action `keep` says has nothing to act on
/// (a picker of countries for a file without countries).
pub fn hints_where(mode: KeyMode, keep: impl Fn(&Action) -> bool) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode) && keep(&b.action))
        .filter_map(|b| b.hint.map(|h| (keys_label(b), h)))
        .collect()
}

/// All keys of a binding: alternatives as `j/↓`, a pair of opposite moves as `[ ]`.
pub fn keys_label(b: &Binding) -> String {
    let pair = b.keys.len() == 2 && second_key(b, b.keys[1]) != b.action;
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join(if pair { " " } else { "/" })
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
