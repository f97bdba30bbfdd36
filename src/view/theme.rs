//! One theme. With `NO_COLOR` it uses no colour at all, and everything that matters (the
//! selection, quotes, search hits, focus) stays visible through bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// No colour: what measuring a document uses, and what `NO_COLOR` gets.
    pub const fn plain() -> Theme {
        Theme { color: false }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default().add_modifier(Modifier::DIM))
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn label(&self) -> Style {
        self.pick(Style::default().fg(Color::Blue), Style::default().add_modifier(Modifier::DIM))
    }

    pub fn year(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn codes(&self) -> Style {
        self.pick(Style::default().fg(Color::Green), Style::default())
    }

    pub fn planned(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            Style::default().add_modifier(Modifier::ITALIC),
        )
    }

    /// The selected timeline row.
    pub fn selected(&self) -> Style {
        self.pick(
            Style::default().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// A quote inside its context. Without colour it is underlined only, so that the search hits
    /// inside it (bold and underlined) still stand out.
    pub fn quote(&self) -> Style {
        self.pick(
            Style::default().fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The quote the reader is on.
    pub fn current_quote(&self) -> Style {
        self.pick(
            Style::default().bg(Color::Yellow).fg(Color::Black).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// Letters that matched the search.
    pub fn matched(&self) -> Style {
        self.pick(
            Style::default().fg(Color::LightRed).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::default().fg(Color::Cyan),
            (true, false) => Style::default().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::default().bg(Color::DarkGray).fg(Color::White),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::default().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Axis marks of events that the filters hide.
    pub fn filtered_out(&self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default().add_modifier(Modifier::DIM))
    }

    pub fn axis_mark(&self) -> Style {
        self.pick(Style::default().fg(Color::Green), Style::default())
    }
}
