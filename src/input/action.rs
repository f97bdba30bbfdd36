//! Everything the user can ask for. Keys and the mouse become `Action`s; `update` applies them.

/// One user intention, independent of the key that expressed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Stop the program as job control does (Ctrl-z); the event loop carries it out.
    Suspend,
    /// Go back one level (reader, help, a typed line, a picker); at the top level, clear the most
    /// recent filter. Never quits.
    Back,
    /// Select the next event, or scroll the detail pane down when it has the focus.
    Down,
    /// Select the previous event, or scroll the detail pane up when it has the focus.
    Up,
    /// Move a whole page down.
    PageDown,
    /// Move a whole page up.
    PageUp,
    /// Move half a page down.
    HalfPageDown,
    /// Move half a page up.
    HalfPageUp,
    /// Jump to the first event (or the top of the text).
    Top,
    /// Jump to the last event (or the bottom of the text).
    Bottom,
    /// Jump to the first event of the previous year.
    PrevYear,
    /// Jump to the first event of the next year.
    NextYear,
    /// Switch the focus between the timeline and the detail pane.
    ToggleFocus,
    /// Scroll the detail pane down, whatever has the focus.
    DetailDown,
    /// Scroll the detail pane up, whatever has the focus.
    DetailUp,
    /// Open the selected event's first source in the reader.
    OpenReader,
    /// In the reader: go to the event's next quote.
    NextQuote,
    /// In the reader: go to the event's previous quote.
    PrevQuote,
    /// In the reader: switch to the event's next source article.
    NextSource,
    /// In the reader: switch to the event's previous source article.
    PrevSource,
    /// In the reader: read the next event's sources without leaving the reader.
    NextEvent,
    /// In the reader: read the previous event's sources without leaving the reader.
    PrevEvent,
    /// Let the focused pane fill the screen, or show both panes again.
    Zoom,
    /// Copy the selected event as a citation to the clipboard.
    CopyCitation,
    /// Copy the selected event's id to the clipboard.
    CopyId,
    /// Turn mouse capture off (so the terminal can select text) or on again.
    ToggleMouse,
    /// Show or hide the help screen.
    Help,
    /// Open the search line.
    StartSearch,
    /// Type a character into the search line or a picker's filter.
    Input(char),
    /// Text pasted from the terminal (bracketed paste): typed into the line being edited, never
    /// read as keys.
    Paste(String),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the start of the line to the cursor.
    ClearInput,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Move the cursor to the start of the line.
    LineStart,
    /// Move the cursor to the end of the line.
    LineEnd,
    /// Keep the search (or apply the picker) and return to browsing.
    Accept,
    /// Switch between relevance and chronological order of search hits.
    ToggleOrder,
    /// Go to the next search hit.
    NextHit,
    /// Go to the previous search hit.
    PrevHit,
    /// Open the country picker.
    PickCountries,
    /// Clear the country filter.
    ClearCountries,
    /// Open the kind picker.
    PickKinds,
    /// Clear the kind filter.
    ClearKinds,
    /// Open the people picker.
    PickPeople,
    /// Open the places picker.
    PickPlaces,
    /// Open the TimelineJS groups picker.
    PickGroups,
    /// Clear the group filter.
    ClearGroups,
    /// Show the load warnings (what the loader accepted but noticed), each at `path:line:col`.
    Warnings,
    /// In a picker: select or unselect the highlighted entry.
    ToggleEntry,
    /// Open the `:` line to limit the period or jump to a year.
    StartCommand,
    /// Open the `:` line as `:export `, to write the shown events to a file.
    StartExport,
    /// Clear every filter and the search.
    ClearAll,
    /// A mouse click at a screen cell.
    Click { col: u16, row: u16 },
    /// The mouse wheel at a screen cell.
    Wheel { col: u16, row: u16, down: bool },
    /// Open the selected event (or the place a reload failed) in the user's editor; the data is
    /// read again when the editor returns.
    Edit,
}
