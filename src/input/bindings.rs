//! The keymap's table: every key of every mode, with the words the help screen and the key-hint
//! bar show for it. Order matters: the first binding that fits a key wins, and help and hints
//! list bindings in this order.

use super::action::Action;
use super::keymap::{Binding, Key, KeyMode, KeyMode::*};
use crossterm::event::{KeyCode, KeyModifiers};

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}
const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

/// A binding with a hint in the key bar.
const fn hint(
    modes: &'static [KeyMode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { modes, keys, action, help, hint: Some(hint) }
}

/// A binding listed only in the help screen.
const fn help(
    modes: &'static [KeyMode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding { modes, keys, action, help, hint: None }
}

const NAV: &[KeyMode] = &[Browse, Reader, Help];
const TYPED: &[KeyMode] = &[Search, Picker, Command, Find];
const B: &[KeyMode] = &[Browse];
const R: &[KeyMode] = &[Reader];

pub const BINDINGS: &[Binding] = &[
    hint(
        NAV,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "move down (scroll the detail pane when it has the focus)",
        "move",
    ),
    help(NAV, &[k('k'), code(KeyCode::Up)], Action::Up, "move up"),
    help(NAV, &[code(KeyCode::PageDown), k(' ')], Action::PageDown, "page down"),
    help(NAV, &[code(KeyCode::PageUp), k('b')], Action::PageUp, "page up"),
    help(NAV, &[ctrl('d')], Action::HalfPageDown, "half a page down"),
    help(NAV, &[ctrl('u')], Action::HalfPageUp, "half a page up"),
    help(NAV, &[k('g'), code(KeyCode::Home)], Action::Top, "go to the top"),
    help(NAV, &[k('G'), code(KeyCode::End)], Action::Bottom, "go to the bottom (the last screenful)"),
    hint(
        B,
        &[k('['), k(']')],
        Action::PrevYear,
        "start of this year, previous / next year (by relevance: that year's best hit)",
        "year",
    ),
    hint(B, &[code(KeyCode::Tab)], Action::ToggleFocus, "switch focus between timeline and detail", "focus"),
    help(B, &[k('J'), k('K')], Action::DetailDown, "scroll the detail pane down / up"),
    hint(
        B,
        &[k('z')],
        Action::Zoom,
        "zoom: the focused pane fills the screen, or both panes again (kept for the session)",
        "zoom",
    ),
    hint(
        B,
        &[code(KeyCode::Enter), k('o')],
        Action::OpenReader,
        "read the selected event's sources in full (without a quoted source: its own text, media, links)",
        "read",
    ),
    hint(
        B,
        &[k('/')],
        Action::StartSearch,
        "search (fuzzy, accents optional); opens with the last search selected: type to replace, → keeps",
        "search",
    ),
    help(B, &[k('n'), k('N')], Action::NextHit, "next / previous search hit"),
    hint(B, &[k('c')], Action::PickCountries, "filter by country", "countries"),
    hint(B, &[k('f')], Action::PickKinds, "filter by kind of event", "kinds"),
    help(
        B,
        &[k('p')],
        Action::PickPeople,
        "filter by person (by name or alias: `lam` finds Tô Lâm, `a-li` Heydar Aliyev)",
    ),
    help(B, &[k('P')], Action::PickPlaces, "filter by place"),
    help(
        &[Browse, Reader],
        &[k('E')],
        Action::Edit,
        "edit the event in $EDITOR at its line, read the file again on return (after a failed reload: edit the problem)",
    ),
    hint(
        B,
        &[k('t')],
        Action::PickGroups,
        "filter by TimelineJS group (the rows of an imported timeline)",
        "groups",
    ),
    help(B, &[k('e')], Action::StartExport, "export the shown events to a file (:export FILE [FORMAT])"),
    hint(
        B,
        &[k(':')],
        Action::StartCommand,
        "go to a date (:1983, :2025-05, :jan 2026, :26/1/2026) or limit the period (:2022..2026, :2022-2026, :..1992, :2020..); an empty line clears it",
        "period",
    ),
    help(B, &[k('C')], Action::ClearCountries, "clear the country filter"),
    help(B, &[k('F')], Action::ClearKinds, "clear the kind filter"),
    help(B, &[k('T')], Action::ClearGroups, "clear the group filter"),
    hint(B, &[k('x')], Action::ClearAll, "clear the search and every filter", "clear"),
    hint(
        &[Browse, Reader],
        &[k('y')],
        Action::CopyCitation,
        "copy the event as a citation: title, date, and each quote with outlet, date and file",
        "copy",
    ),
    help(&[Browse, Reader], &[k('Y')], Action::CopyId, "copy the event's id"),
    help(
        &[Browse, Reader],
        &[k('m')],
        Action::ToggleMouse,
        "mouse on / off (off lets the terminal select text)",
    ),
    help(&[Browse, Search], &[ctrl('s')], Action::ToggleOrder, "search hits by relevance / by date"),
    hint(R, &[k('/')], Action::StartSearch, "search the article (accents optional)", "find"),
    hint(
        R,
        &[k('n'), k('N')],
        Action::NextQuote,
        "next / previous match of the article search, else next / previous quote",
        "next",
    ),
    hint(
        R,
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        Action::NextSource,
        "next / previous source of this event",
        "source",
    ),
    hint(R, &[k('J'), k('K')], Action::NextEvent, "next / previous event, staying in the reader", "event"),
    hint(
        &[Browse, Reader, Help],
        &[k('W')],
        Action::Warnings,
        "show the load warnings: what the loader accepted but noticed, at path:line:col",
        "warnings",
    ),
    hint(&[Browse, Reader], &[k('?'), code(KeyCode::F(1))], Action::Help, "show this help", "help"),
    hint(&[Help], &[k('?'), code(KeyCode::F(1))], Action::Back, "close the help (or the warnings)", "close"),
    hint(
        &[Reader, Help],
        &[code(KeyCode::Esc), k('q')],
        Action::Back,
        "back one level, where you were",
        "back",
    ),
    help(B, &[code(KeyCode::Esc)], Action::Back, "clear the most recent filter or search (never quits)"),
    hint(B, &[k('q')], Action::Quit, "quit", "quit"),
    // Typed lines: printable characters are typed; these keys are not.
    hint(TYPED, &[code(KeyCode::Enter)], Action::Accept, "apply and return", "apply"),
    hint(TYPED, &[code(KeyCode::Esc)], Action::Back, "cancel: back to what was applied before", "cancel"),
    hint(
        &[Picker],
        &[code(KeyCode::Tab)],
        Action::ToggleEntry,
        "tick / untick the highlighted entry (Space types a space)",
        "tick",
    ),
    hint(
        &[Search],
        &[code(KeyCode::Up), ctrl('p')],
        Action::Up,
        "an earlier search of this session",
        "history",
    ),
    help(&[Search], &[code(KeyCode::Down), ctrl('n')], Action::Down, "a later search of this session"),
    hint(&[Picker], &[code(KeyCode::Down), ctrl('n'), ctrl('j')], Action::Down, "move down", "move"),
    help(&[Picker], &[code(KeyCode::Up), ctrl('p'), ctrl('k')], Action::Up, "move up"),
    help(&[Picker], &[code(KeyCode::PageDown)], Action::PageDown, "page down"),
    help(&[Picker], &[code(KeyCode::PageUp)], Action::PageUp, "page up"),
    help(TYPED, &[code(KeyCode::Backspace)], Action::Backspace, "delete a character"),
    help(TYPED, &[ctrl('w')], Action::DeleteWord, "delete a word"),
    help(TYPED, &[ctrl('u')], Action::ClearInput, "delete to the start of the line"),
    help(
        TYPED,
        &[code(KeyCode::Delete), ctrl('d')],
        Action::DeleteForward,
        "delete the character under the cursor",
    ),
    help(TYPED, &[code(KeyCode::Left), ctrl('b')], Action::CursorLeft, "cursor left"),
    help(TYPED, &[code(KeyCode::Right), ctrl('f')], Action::CursorRight, "cursor right"),
    help(TYPED, &[code(KeyCode::Home), ctrl('a')], Action::LineStart, "cursor to the start of the line"),
    help(TYPED, &[code(KeyCode::End), ctrl('e')], Action::LineEnd, "cursor to the end of the line"),
    hint(TYPED, &[code(KeyCode::F(1))], Action::Help, "show this help", "help"),
    help(
        &[Browse, Reader, Help, Search, Picker, Command, Find],
        &[ctrl('c')],
        Action::Quit,
        "quit, from anywhere",
    ),
    help(&KeyMode::ALL, &[ctrl('z')], Action::Suspend, "suspend to the shell (`fg` comes back)"),
];
