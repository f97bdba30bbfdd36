//! One theme, in the terminal's own 16 colours (so that the user's palette applies), with a
//! variant for light backgrounds. With `NO_COLOR` or `TERM=dumb` it uses no colour at all, and
//! everything that matters (the selection, quotes, search hits, focus) stays visible through
//! bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    /// Colours chosen to read on a light background.
    pub light: bool,
}

impl Theme {
    /// No colour: what measuring a document uses, and what `NO_COLOR` gets.
    pub const fn plain() -> Theme {
        Theme { color: false, light: false }
    }

    /// Colours for a dark (`light == false`) or light background.
    pub const fn colored(light: bool) -> Theme {
        Theme { color: true, light }
    }

    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org) or the terminal is
    /// `dumb`.
    pub fn color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
    }

    /// The theme for this terminal: `light` as the user asked (`--theme`), or else guessed from
    /// `COLORFGBG` (set by rxvt, Konsole and others: background 7 or 15 is light).
    pub fn from_env(light: Option<bool>) -> Theme {
        if !Theme::color_from_env() {
            return Theme::plain();
        }
        let guessed = std::env::var("COLORFGBG")
            .ok()
            .and_then(|v| v.rsplit(';').next().map(|bg| matches!(bg.trim(), "7" | "15")))
            .unwrap_or(false);
        Theme::colored(light.unwrap_or(guessed))
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// A colour for a dark background, or its stand-in on a light one.
    fn on(&self, dark: Color, light: Color) -> Color {
        if self.light { light } else { dark }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }

    pub fn dim(&self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default().add_modifier(Modifier::DIM))
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::default().fg(self.on(Color::Cyan, Color::Blue)).add_modifier(Modifier::BOLD),
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
        self.pick(Style::default().fg(self.on(Color::Green, Color::Blue)), Style::default())
    }

    pub fn planned(&self) -> Style {
        self.pick(
            Style::default().fg(self.on(Color::Yellow, Color::Magenta)).add_modifier(Modifier::ITALIC),
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

    /// A part of the selected row: the selection's colours win (the light theme's blue country
    /// codes would vanish on its blue bar, grey, red and magenta barely read on it), while bold,
    /// italic and underline stay, so that search hits and planned events still show.
    pub fn on_selection(&self, style: Style) -> Style {
        Style { fg: None, bg: None, underline_color: None, ..style }
    }

    /// A quote inside its context. Without colour it is underlined only, so that the search hits
    /// inside it (bold and underlined) still stand out.
    pub fn quote(&self) -> Style {
        self.pick(
            Style::default().fg(self.on(Color::LightYellow, Color::Blue)).add_modifier(Modifier::BOLD),
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
            Style::default()
                .fg(self.on(Color::LightRed, Color::Red))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// The reader's current article match (`n`/`N` move it): unlike the other matches, on a red
    /// bar, or reversed without colour.
    pub fn current_match(&self) -> Style {
        self.pick(
            Style::default().bg(Color::Red).fg(Color::White).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::default().fg(self.on(Color::Cyan, Color::Blue)),
            (true, false) => Style::default().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::default().fg(self.on(Color::Cyan, Color::Blue)).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// The status line. On a light background it is light grey with black text: the blue `/`
    /// prompt and the red warnings and messages drawn on it would barely read on dark grey.
    pub fn status(&self) -> Style {
        self.pick(
            Style::default()
                .bg(self.on(Color::DarkGray, Color::Gray))
                .fg(self.on(Color::White, Color::Black)),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::default().fg(self.on(Color::LightRed, Color::Red)).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Axis marks of events that the filters hide.
    pub fn filtered_out(&self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default().add_modifier(Modifier::DIM))
    }

    pub fn axis_mark(&self) -> Style {
        self.pick(Style::default().fg(self.on(Color::Green, Color::Blue)), Style::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_backgrounds_get_no_light_colours() {
        let light = Theme::colored(true);
        for style in [light.quote(), light.planned(), light.matched(), light.error()] {
            assert!(
                !matches!(style.fg, Some(Color::LightYellow | Color::Yellow | Color::LightRed)),
                "{style:?}"
            );
        }
        assert_eq!(Theme::colored(false).quote().fg, Some(Color::LightYellow));
    }

    /// Every element, not only quotes: on white, text in a light colour (cyan, green, yellow,
    /// white, the bright variants) cannot be read unless it has a background of its own.
    #[test]
    fn every_element_reads_on_a_white_background() {
        let t = Theme::colored(true);
        let all = [
            t.base(),
            t.dim(),
            t.heading(),
            t.title(),
            t.label(),
            t.year(),
            t.codes(),
            t.planned(),
            t.selected(),
            t.quote(),
            t.current_quote(),
            t.matched(),
            t.border(true),
            t.border(false),
            t.key(),
            t.status(),
            t.error(),
            t.filtered_out(),
            t.axis_mark(),
        ];
        for style in all {
            let washed_out = matches!(
                style.fg,
                Some(
                    Color::Cyan
                        | Color::LightCyan
                        | Color::Green
                        | Color::LightGreen
                        | Color::Yellow
                        | Color::LightYellow
                        | Color::LightRed
                        | Color::LightBlue
                        | Color::LightMagenta
                        | Color::White
                )
            );
            assert!(!washed_out || style.bg.is_some(), "{style:?}");
            // On the status line, the prompt, warnings and messages keep their dark colours on
            // a light grey.
            assert_eq!((t.status().bg, t.status().fg), (Some(Color::Gray), Some(Color::Black)));
            // On the selected row, every part reads in the selection's own colours.
            let on_bar = t.selected().patch(t.on_selection(style));
            assert_eq!((on_bar.fg, on_bar.bg), (t.selected().fg, t.selected().bg), "{style:?}");
            assert_eq!(on_bar.add_modifier & style.add_modifier, style.add_modifier, "{style:?}");
        }
    }
}
