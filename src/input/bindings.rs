//! The keymap's table: one row per key (and mouse event) of every mode, with the words the help
//! screen and the key-hint bar show for it. Order matters: the first row that fits an input wins,
//! help and hints list rows in this order, and a row without words is another key of the row
//! above it (listed with it: `j/↓`, or `[ ]` when its action is the opposite move).

use super::action::Action;
use super::keymap::{Binding, Input, Key, KeyMode, KeyMode::*, Mouse};
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

/// A key with a hint in the key bar.
const fn hint(
    modes: &'static [KeyMode],
    key: Key,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { modes, input: Input::Key(key), action, help, hint: Some(hint) }
}

/// A key listed only in the help screen.
const fn help(modes: &'static [KeyMode], key: Key, action: Action, help: &'static str) -> Binding {
    Binding { modes, input: Input::Key(key), action, help, hint: None }
}

/// Another key of the row above, in the same modes: the same action, or its opposite.
const fn also(modes: &'static [KeyMode], key: Key, action: Action) -> Binding {
    Binding { modes, input: Input::Key(key), action, help: "", hint: None }
}

/// A mouse event, in every mode (what it does there is `update`'s to say).
const fn mouse(m: Mouse, action: Action, help: &'static str) -> Binding {
    Binding { modes: &KeyMode::ALL, input: Input::Mouse(m), action, help, hint: None }
}

const NAV: &[KeyMode] = &[Browse, Reader, Help];
const TYPED: &[KeyMode] = &[Search, Picker, Command, Find];
const B: &[KeyMode] = &[Browse];
const R: &[KeyMode] = &[Reader];
const BR: &[KeyMode] = &[Browse, Reader];
const RH: &[KeyMode] = &[Reader, Help];
const BRH: &[KeyMode] = &[Browse, Reader, Help];
const BS: &[KeyMode] = &[Browse, Search];
const P: &[KeyMode] = &[Picker];
const S: &[KeyMode] = &[Search];
/// Every mode, browsing first (where the help lists the key).
const ANY: &[KeyMode] = &[Browse, Reader, Help, Search, Picker, Command, Find];
/// The cell is the event's.
const AT: (u16, u16) = (0, 0);

pub const BINDINGS: &[Binding] = &[
    hint(NAV, k('j'), Action::Down, "move down (scroll the detail pane when it has the focus)", "move"),
    also(NAV, code(KeyCode::Down), Action::Down),
    help(NAV, k('k'), Action::Up, "move up"),
    also(NAV, code(KeyCode::Up), Action::Up),
    help(NAV, code(KeyCode::PageDown), Action::PageDown, "page down"),
    also(NAV, k(' '), Action::PageDown),
    help(NAV, code(KeyCode::PageUp), Action::PageUp, "page up"),
    also(NAV, k('b'), Action::PageUp),
    help(NAV, ctrl('d'), Action::HalfPageDown, "half a page down"),
    help(NAV, ctrl('u'), Action::HalfPageUp, "half a page up"),
    help(NAV, k('g'), Action::Top, "go to the top"),
    also(NAV, code(KeyCode::Home), Action::Top),
    help(NAV, k('G'), Action::Bottom, "go to the bottom (the last screenful)"),
    also(NAV, code(KeyCode::End), Action::Bottom),
    hint(
        B,
        k('['),
        Action::PrevYear,
        "start of this year, previous / next year (by relevance: that year's best hit)",
        "year",
    ),
    also(B, k(']'), Action::NextYear),
    hint(B, code(KeyCode::Tab), Action::ToggleFocus, "switch focus between timeline and detail", "focus"),
    help(B, k('J'), Action::DetailDown, "scroll the detail pane down / up"),
    also(B, k('K'), Action::DetailUp),
    hint(
        B,
        k('z'),
        Action::Zoom,
        "zoom: the focused pane fills the screen, or both panes again (kept for the session)",
        "zoom",
    ),
    hint(
        B,
        code(KeyCode::Enter),
        Action::OpenReader,
        "read the selected event's sources in full (without a quoted source: its own text, media, links)",
        "read",
    ),
    also(B, k('o'), Action::OpenReader),
    hint(
        B,
        k('/'),
        Action::StartSearch,
        "search (fuzzy, accents optional); opens with the last search selected: type to replace, → keeps",
        "search",
    ),
    help(B, k('n'), Action::NextHit, "next / previous search hit"),
    also(B, k('N'), Action::PrevHit),
    hint(B, k('c'), Action::PickCountries, "filter by country", "countries"),
    hint(B, k('f'), Action::PickKinds, "filter by kind of event", "kinds"),
    help(
        B,
        k('p'),
        Action::PickPeople,
        "filter by person (by name or alias: `lam` finds Tô Lâm, `a-li` Heydar Aliyev)",
    ),
    help(B, k('P'), Action::PickPlaces, "filter by place"),
    help(
        BRH,
        k('E'),
        Action::Edit,
        "edit the event in $EDITOR at its line, read the file again on return (after a failed reload: edit the problem; on the warnings page: the highlighted one)",
    ),
    hint(
        B,
        k('t'),
        Action::PickGroups,
        "filter by TimelineJS group (the rows of an imported timeline)",
        "groups",
    ),
    help(B, k('e'), Action::StartExport, "export the shown events to a file (:export FILE [FORMAT])"),
    hint(
        B,
        k(':'),
        Action::StartCommand,
        "go to a date (:1983, :2025-05, :jan 2026, :26/1/2026) or limit the period (:2022..2026, :2022-2026, :..1992, :2020..); an empty line clears it",
        "period",
    ),
    help(B, k('C'), Action::ClearCountries, "clear the country filter"),
    help(B, k('F'), Action::ClearKinds, "clear the kind filter"),
    help(B, k('T'), Action::ClearGroups, "clear the group filter"),
    hint(B, k('x'), Action::ClearAll, "clear the search and every filter", "clear"),
    hint(
        BR,
        k('y'),
        Action::CopyCitation,
        "copy the event as a citation: title, date, and each quote with outlet, date and file",
        "copy",
    ),
    help(BR, k('Y'), Action::CopyId, "copy the event's id"),
    help(BR, k('m'), Action::ToggleMouse, "mouse on / off (off lets the terminal select text)"),
    help(BS, ctrl('s'), Action::ToggleOrder, "search hits by relevance / by date"),
    hint(R, k('/'), Action::StartSearch, "search the article (accents optional)", "find"),
    hint(
        R,
        k('n'),
        Action::NextQuote,
        "next / previous match of the article search, else next / previous quote",
        "next",
    ),
    also(R, k('N'), Action::PrevQuote),
    hint(R, code(KeyCode::Tab), Action::NextSource, "next / previous source of this event", "source"),
    also(R, code(KeyCode::BackTab), Action::PrevSource),
    hint(R, k('J'), Action::NextEvent, "next / previous event, staying in the reader", "event"),
    also(R, k('K'), Action::PrevEvent),
    hint(
        BRH,
        k('W'),
        Action::Warnings,
        "show the load warnings: what the loader accepted but noticed, at path:line:col",
        "warnings",
    ),
    hint(BR, k('?'), Action::Help, "show this help", "help"),
    also(BR, code(KeyCode::F(1)), Action::Help),
    help(&[Help], code(KeyCode::Enter), Action::Edit, "on the warnings page: edit at the highlighted one"),
    hint(&[Help], k('?'), Action::Back, "close the help (or the warnings)", "close"),
    also(&[Help], code(KeyCode::F(1)), Action::Back),
    hint(RH, code(KeyCode::Esc), Action::Back, "back one level, where you were", "back"),
    also(RH, k('q'), Action::Back),
    help(B, code(KeyCode::Esc), Action::Back, "clear the most recent filter or search (never quits)"),
    hint(B, k('q'), Action::Quit, "quit", "quit"),
    // Typed lines: printable characters are typed; these keys are not.
    hint(TYPED, code(KeyCode::Enter), Action::Accept, "apply and return", "apply"),
    hint(TYPED, code(KeyCode::Esc), Action::Back, "cancel: back to what was applied before", "cancel"),
    hint(
        P,
        code(KeyCode::Tab),
        Action::ToggleEntry,
        "tick / untick the highlighted entry (Space types a space)",
        "tick",
    ),
    hint(S, code(KeyCode::Up), Action::Up, "an earlier search of this session", "history"),
    also(S, ctrl('p'), Action::Up),
    help(S, code(KeyCode::Down), Action::Down, "a later search of this session"),
    also(S, ctrl('n'), Action::Down),
    hint(P, code(KeyCode::Down), Action::Down, "move down", "move"),
    also(P, ctrl('n'), Action::Down),
    also(P, ctrl('j'), Action::Down),
    help(P, code(KeyCode::Up), Action::Up, "move up"),
    also(P, ctrl('p'), Action::Up),
    also(P, ctrl('k'), Action::Up),
    help(P, code(KeyCode::PageDown), Action::PageDown, "page down"),
    help(P, code(KeyCode::PageUp), Action::PageUp, "page up"),
    help(TYPED, code(KeyCode::Backspace), Action::Backspace, "delete a character"),
    help(TYPED, ctrl('w'), Action::DeleteWord, "delete a word"),
    help(TYPED, ctrl('u'), Action::ClearInput, "delete to the start of the line"),
    help(TYPED, code(KeyCode::Delete), Action::DeleteForward, "delete the character under the cursor"),
    also(TYPED, ctrl('d'), Action::DeleteForward),
    help(TYPED, code(KeyCode::Left), Action::CursorLeft, "cursor left"),
    also(TYPED, ctrl('b'), Action::CursorLeft),
    help(TYPED, code(KeyCode::Right), Action::CursorRight, "cursor right"),
    also(TYPED, ctrl('f'), Action::CursorRight),
    help(TYPED, code(KeyCode::Home), Action::LineStart, "cursor to the start of the line"),
    also(TYPED, ctrl('a'), Action::LineStart),
    help(TYPED, code(KeyCode::End), Action::LineEnd, "cursor to the end of the line"),
    also(TYPED, ctrl('e'), Action::LineEnd),
    hint(TYPED, code(KeyCode::F(1)), Action::Help, "show this help", "help"),
    help(ANY, ctrl('c'), Action::Quit, "quit, from anywhere"),
    help(&KeyMode::ALL, ctrl('z'), Action::Suspend, "suspend to the shell (`fg` comes back)"),
    // The mouse, in every mode; `m` and --no-mouse leave it to the terminal.
    mouse(
        Mouse::Click,
        Action::Click { col: AT.0, row: AT.1 },
        "select the row under the pointer; on the time axis, the event nearest to that date; in a picker, tick the entry",
    ),
    mouse(
        Mouse::WheelDown,
        Action::Wheel { col: AT.0, row: AT.1, down: true },
        "scroll the pane under the pointer (in a picker: move)",
    ),
    mouse(Mouse::WheelUp, Action::Wheel { col: AT.0, row: AT.1, down: false }, ""),
];
