//! Whole-screen snapshots on ratatui's TestBackend. Styled snapshots add, under each row that has
//! any, a track of what each cell looks like without colour: R reverse, U underline, B bold,
//! I italic, D dim. That is what keeps the selection and highlights visible under NO_COLOR.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use timeline::app::{Action, App, update};
use timeline::load::load_builtin;
use timeline::ui::{Theme, render};

const COLOR: Theme = Theme { color: true };
const PLAIN: Theme = Theme { color: false };

fn app(w: u16, h: u16, actions: &[Action]) -> App {
    let mut app = App::new(load_builtin().unwrap(), w, h);
    for a in actions {
        update(&mut app, a.clone());
    }
    app
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Input).collect()
}

fn draw(app: &App, w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(app, f, theme)).unwrap();
    t
}

/// The screen as text, one line per row.
fn text(app: &App, w: u16, h: u16) -> String {
    let t = draw(app, w, h, &COLOR);
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string() + "\n")
        .collect()
}

/// The screen with a style track under every row that has styles.
fn styled(app: &App, w: u16, h: u16, theme: &Theme) -> String {
    let t = draw(app, w, h, theme);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let line: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
        let track: String = (0..w)
            .map(|x| {
                let m = buf[(x, y)].modifier;
                if m.contains(Modifier::REVERSED) {
                    'R'
                } else if m.contains(Modifier::UNDERLINED) {
                    'U'
                } else if m.contains(Modifier::BOLD) {
                    'B'
                } else if m.contains(Modifier::ITALIC) {
                    'I'
                } else if m.contains(Modifier::DIM) {
                    'D'
                } else {
                    ' '
                }
            })
            .collect();
        if !track.trim().is_empty() {
            out.push_str(&format!("~{}\n", track.trim_end()));
        }
    }
    out
}

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(text(&app(80, 24, &[]), 80, 24));
}

#[test]
fn main_screen_140x40() {
    insta::assert_snapshot!(text(&app(140, 40, &[Action::Down]), 140, 40));
}

#[test]
fn reader_on_the_1959_visit() {
    let a = app(100, 30, &[Action::Down, Action::OpenReader]);
    insta::assert_snapshot!(styled(&a, 100, 30, &COLOR));
}

#[test]
fn help_screen() {
    insta::assert_snapshot!(text(&app(100, 40, &[Action::Help]), 100, 40));
}

#[test]
fn no_color_keeps_selection_and_highlights_visible() {
    let a = app(
        80,
        24,
        &[Action::StartSearch].into_iter().chain(typed("to lam")).chain([Action::Accept]).collect::<Vec<_>>(),
    );
    let t = draw(&a, 80, 24, &PLAIN);
    let colored = t.backend().buffer().content.iter().any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
    assert!(!colored, "NO_COLOR means no colour at all");
    insta::assert_snapshot!(styled(&a, 80, 24, &PLAIN));
}

#[test]
fn tiny_terminal_10x3() {
    insta::assert_snapshot!(text(&app(10, 3, &[]), 10, 3));
}

#[test]
fn search_line_with_highlighted_hits() {
    let actions: Vec<Action> = [Action::StartSearch].into_iter().chain(typed("dai hoi")).collect();
    insta::assert_snapshot!(styled(&app(100, 30, &actions), 100, 30, &PLAIN));
}

#[test]
fn country_picker() {
    let actions: Vec<Action> = [Action::PickCountries]
        .into_iter()
        .chain(typed("a"))
        .chain([Action::Down, Action::ToggleEntry])
        .collect();
    insta::assert_snapshot!(styled(&app(100, 30, &actions), 100, 30, &PLAIN));
}

#[test]
fn empty_result_says_which_filters_are_active() {
    let mut actions: Vec<Action> = vec![Action::PickCountries];
    actions.extend(typed("cuba"));
    actions.extend([Action::Accept, Action::StartSearch]);
    actions.extend(typed("baku"));
    actions.push(Action::Accept);
    insta::assert_snapshot!(text(&app(80, 24, &actions), 80, 24));
}

#[test]
fn people_picker_matches_aliases() {
    // `a-li` is only in the Vietnamese transliteration of Heydar Aliyev's name.
    let actions: Vec<Action> = [Action::PickPeople].into_iter().chain(typed("a-li")).collect();
    insta::assert_snapshot!(styled(&app(100, 30, &actions), 100, 30, &PLAIN));
}
