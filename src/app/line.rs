//! A line being typed, with a cursor: the search line, the `:` line and the pickers' filters.
//! Keys follow readline: ←/→, Home/End (Ctrl-a/Ctrl-e), Backspace, Delete, Ctrl-w, Ctrl-u.
//! A line can open with its text selected, as a browser's address bar does: typing replaces
//! it, a deleting key clears it, and a cursor key keeps it (→ and End at its end).

use super::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    /// Byte offset of the cursor, always on a char boundary.
    pub cursor: usize,
    /// The whole text is selected: the next character typed replaces it.
    pub selected: bool,
}

/// What an action did to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved (or nothing happened, for an editing key).
    Moved,
    /// Not an editing action.
    NotMine,
}

impl LineInput {
    /// A line holding `text`, with the cursor at its end.
    pub fn new(text: String) -> Self {
        Self { cursor: text.len(), text, selected: false }
    }

    /// A line holding `text`, all of it selected (nothing is selected in an empty line).
    pub fn selected(text: String) -> Self {
        Self { selected: !text.is_empty(), ..Self::new(text) }
    }

    /// The first key on a selected line: what typing or deleting does to the selection.
    fn replace_selection(&mut self, action: &Action) -> Option<Edit> {
        self.selected = false;
        match action {
            Action::Input(_)
            | Action::Backspace
            | Action::DeleteForward
            | Action::DeleteWord
            | Action::ClearInput => {
                self.text.clear();
                self.cursor = 0;
                match action {
                    Action::Input(_) => None,
                    _ => Some(Edit::Changed),
                }
            }
            Action::CursorLeft | Action::LineStart => {
                self.cursor = 0;
                Some(Edit::Moved)
            }
            Action::CursorRight | Action::LineEnd => Some(Edit::Moved),
            _ => {
                self.selected = true;
                Some(Edit::NotMine)
            }
        }
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    fn prev(&self) -> usize {
        self.text[..self.cursor].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        self.text[self.cursor..].chars().next().map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Applies an editing or cursor action.
    pub fn edit(&mut self, action: &Action) -> Edit {
        if self.selected
            && let Some(done) = self.replace_selection(action)
        {
            return done;
        }
        let before = self.text.len();
        match action {
            Action::Input(c) => {
                self.text.insert(self.cursor, *c);
                self.cursor += c.len_utf8();
            }
            Action::Backspace => {
                let p = self.prev();
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Action::DeleteForward => {
                let n = self.next();
                self.text.replace_range(self.cursor..n, "");
            }
            Action::DeleteWord => {
                let head = self.text[..self.cursor].trim_end_matches(' ');
                let start = head.rfind(' ').map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::ClearInput => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Action::CursorLeft => self.cursor = self.prev(),
            Action::CursorRight => self.cursor = self.next(),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = self.text.len(),
            _ => return Edit::NotMine,
        }
        if self.text.len() != before || matches!(action, Action::Input(_)) {
            Edit::Changed
        } else {
            Edit::Moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(line: &mut LineInput, actions: &[Action]) {
        for a in actions {
            line.edit(a);
        }
    }

    #[test]
    fn edits_at_the_cursor_on_char_boundaries() {
        let mut l = LineInput::new("Đại hội".into());
        apply(&mut l, &[Action::CursorLeft, Action::CursorLeft, Action::CursorLeft, Action::Backspace]);
        assert_eq!((l.text.as_str(), l.split().0), ("Đạihội", "Đại"));
        apply(&mut l, &[Action::Input(' ')]);
        assert_eq!(l.text, "Đại hội");
        apply(&mut l, &[Action::LineStart, Action::DeleteForward]);
        assert_eq!((l.text.as_str(), l.cursor), ("ại hội", 0));
        apply(&mut l, &[Action::LineEnd, Action::DeleteWord]);
        assert_eq!(l.text, "ại ");
        apply(&mut l, &[Action::CursorLeft, Action::ClearInput]);
        assert_eq!((l.text.as_str(), l.cursor), (" ", 0));
    }

    #[test]
    fn a_selected_line_is_replaced_by_typing_and_kept_by_a_cursor_key() {
        let mut l = LineInput::selected("jan 2026".into());
        assert_eq!(l.edit(&Action::Input('l')), Edit::Changed);
        assert_eq!((l.text.as_str(), l.selected), ("l", false));
        let mut l = LineInput::selected("jan 2026".into());
        assert_eq!(l.edit(&Action::LineEnd), Edit::Moved);
        assert_eq!(l.edit(&Action::Input('x')), Edit::Changed);
        assert_eq!(l.text, "jan 2026x");
        let mut l = LineInput::selected("jan 2026".into());
        assert_eq!(l.edit(&Action::CursorRight), Edit::Moved);
        assert_eq!((l.text.as_str(), l.cursor), ("jan 2026", 8));
        let mut l = LineInput::selected("jan 2026".into());
        assert_eq!(l.edit(&Action::Down), Edit::NotMine, "not an editing key: still selected");
        assert!(l.selected);
        assert_eq!(l.edit(&Action::LineStart), Edit::Moved);
        assert_eq!(l.edit(&Action::Input('x')), Edit::Changed);
        assert_eq!(l.text, "xjan 2026");
        let mut l = LineInput::selected("jan 2026".into());
        assert_eq!(l.edit(&Action::Backspace), Edit::Changed);
        assert_eq!(l.text, "");
        assert!(!LineInput::selected(String::new()).selected);
    }

    #[test]
    fn reports_what_changed() {
        let mut l = LineInput::new("to".into());
        assert_eq!(l.edit(&Action::CursorLeft), Edit::Moved);
        assert_eq!(l.edit(&Action::Input('x')), Edit::Changed);
        assert_eq!(l.edit(&Action::LineEnd), Edit::Moved);
        assert_eq!(l.edit(&Action::DeleteForward), Edit::Moved, "nothing after the cursor");
        assert_eq!(l.edit(&Action::Down), Edit::NotMine);
        assert_eq!(l.text, "txo");
    }
}
