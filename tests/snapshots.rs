//! Whole-screen snapshots on ratatui's TestBackend. Styled snapshots add, under each row that has
//! any, a track of what each cell looks like without colour: R reverse, U underline, B bold,
//! I italic, D dim. That is what keeps the selection and highlights visible under NO_COLOR.

use crate::support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use support::Browser;
use timeline::app::{Action, App};
use timeline::ui::{Theme, render};

const COLOR: Theme = Theme::colored(false);
const PLAIN: Theme = Theme::plain();

fn app(w: u16, h: u16, actions: &[Action]) -> App {
    let mut b = Browser::new(support::frozen(), w, h);
    for a in actions {
        b.act(a.clone());
    }
    b.app
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

/// Every modifier, with the letter that marks it in a style track.
const MODIFIERS: [(Modifier, char); 9] = [
    (Modifier::REVERSED, 'R'),
    (Modifier::UNDERLINED, 'U'),
    (Modifier::BOLD, 'B'),
    (Modifier::ITALIC, 'I'),
    (Modifier::DIM, 'D'),
    (Modifier::CROSSED_OUT, 'X'),
    (Modifier::SLOW_BLINK, 'S'),
    (Modifier::RAPID_BLINK, 'F'),
    (Modifier::HIDDEN, 'H'),
];

/// The screen with, under each row, one track per modifier used in it (`~B` for bold, …) that
/// marks every cell carrying it: every modifier of every cell is in the snapshot.
fn styled(app: &App, w: u16, h: u16, theme: &Theme) -> String {
    let t = draw(app, w, h, theme);
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let line: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
        for (m, letter) in MODIFIERS {
            let track: String =
                (0..w).map(|x| if buf[(x, y)].modifier.contains(m) { letter } else { ' ' }).collect();
            if !track.trim().is_empty() {
                out.push_str(&format!("~{letter}{}\n", track.trim_end()));
            }
        }
    }
    out
}

/// The cells of the screen whose text is `word`, found on the first row that has it.
fn cells_of(t: &Terminal<TestBackend>, w: u16, h: u16, word: &str) -> Vec<(u16, u16)> {
    let buf = t.backend().buffer();
    for y in 0..h {
        let symbols: Vec<&str> = (0..w).map(|x| buf[(x, y)].symbol()).collect();
        let n = word.chars().count();
        for x in 0..symbols.len().saturating_sub(n) {
            let here: String = symbols[x..x + n].concat();
            if here == word {
                return (x..x + n).map(|x| (x as u16, y)).collect();
            }
        }
    }
    Vec::new()
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
fn no_color_shows_a_hit_inside_a_quote() {
    // "dai hoi" matches the Lao leader's visit only in a quote ("Đại hội" in the article).
    let actions: Vec<Action> =
        [Action::StartSearch].into_iter().chain(typed("dai hoi")).chain([Action::Accept]).collect();
    let mut b = Browser::new(support::frozen(), 140, 60);
    for action in actions {
        b.act(action);
    }
    let is_target =
        |b: &Browser| b.app.selected_event().unwrap().title.starts_with("Thongloun Sisoulith pays");
    for _ in 0..b.app.shown.hits.len() {
        if is_target(&b) {
            break;
        }
        b.act(Action::Down);
    }
    assert!(is_target(&b), "the event under test is a hit");
    let a = b.app;
    let t = draw(&a, 140, 60, &PLAIN);
    let buf = t.backend().buffer();
    let hit = cells_of(&t, 140, 60, "Đại");
    assert!(!hit.is_empty(), "the quote with the hit is on screen");
    let mods = |(x, y): (u16, u16)| buf[(x, y)].modifier;
    for &c in &hit {
        assert!(mods(c).contains(Modifier::BOLD | Modifier::UNDERLINED), "the hit is bold and underlined");
    }
    let row = hit[0].1;
    let quote_only = (0..140).map(|x| mods((x, row))).filter(|m| *m == Modifier::UNDERLINED).count();
    assert!(quote_only > 0, "the rest of the quote on that row is underlined only, not bold");
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
    actions.extend(typed("azerbaijan"));
    actions.push(Action::Accept);
    insta::assert_snapshot!(text(&app(80, 24, &actions), 80, 24));
}

/// The event rows the timeline pane shows: rows between its borders that are not year headers.
fn list_events(screen: &str) -> usize {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows.iter().position(|r| r.contains("Timeline ")).expect("the timeline pane");
    rows[top + 1..]
        .iter()
        .take_while(|r| !r.starts_with('└'))
        .filter(|r| r.chars().nth(3).is_some_and(|c| c.is_ascii_alphanumeric()))
        .count()
}

#[test]
fn main_screen_100x30() {
    let screen = text(&app(100, 30, &[Action::Down]), 100, 30);
    assert!(list_events(&screen) >= 18, "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_list_shows_at_least_eight_events_at_80x24() {
    for actions in [vec![], vec![Action::Bottom], typed_search("visit")] {
        let screen = text(&app(80, 24, &actions), 80, 24);
        assert!(list_events(&screen) >= 8, "{screen}");
        assert!(screen.lines().last().unwrap_or("").contains("? help") || screen.contains("F1 help"));
    }
}

fn typed_search(q: &str) -> Vec<Action> {
    [Action::StartSearch].into_iter().chain(typed(q)).chain([Action::Accept]).collect()
}

#[test]
fn zoomed_list_at_80x24_has_year_headers() {
    insta::assert_snapshot!(text(&app(80, 24, &[Action::Zoom]), 80, 24));
}

#[test]
fn reader_searching_its_article_at_80x24() {
    let mut actions = vec![Action::Down, Action::OpenReader, Action::StartSearch];
    actions.extend(typed("azerbaijan"));
    insta::assert_snapshot!(text(&app(80, 24, &actions), 80, 24));
}

#[test]
fn the_key_bar_keeps_help_at_every_width() {
    for w in [40, 60, 80, 99, 100, 124] {
        for actions in [vec![], vec![Action::OpenReader], vec![Action::PickKinds], vec![Action::StartSearch]]
        {
            let screen = text(&app(w, 24, &actions), w, 24);
            let bar = screen.lines().last().unwrap_or("");
            assert!(bar.ends_with("help"), "{w} columns: {bar}");
            // The reader keeps its way back too.
            if actions == [Action::OpenReader] {
                assert!(bar.ends_with("Esc/q back · ?/F1 help"), "{w} columns: {bar}");
            }
        }
    }
    // On the help screen, the key that closes it, down to a tiny terminal.
    for (w, h) in [(30, 8), (40, 10), (80, 24)] {
        let screen = text(&app(w, h, &[Action::Help]), w, h);
        let bar = screen.lines().last().unwrap_or("");
        assert!(bar.trim_end().ends_with("?/F1 close"), "{w}x{h}: {bar}");
    }
}

#[test]
fn nothing_shown_reads_zero_of_zero() {
    let screen = text(&app(80, 24, &typed_search("zzzzqqq")), 80, 24);
    assert!(screen.contains(" 0/0 of 35"), "{screen}");
}

#[test]
fn zoomed_detail_fills_the_screen() {
    let screen = text(&app(80, 24, &[Action::ToggleFocus, Action::Zoom]), 80, 24);
    assert!(!screen.contains("Timeline "), "{screen}");
    assert!(screen.contains("Detail"), "{screen}");
}

#[test]
fn a_short_terminal_shares_the_last_row_between_status_and_keys() {
    let screen = text(&app(80, 16, &typed_search("to lam")), 80, 16);
    let last = screen.lines().last().unwrap_or("");
    assert!(last.starts_with(" 1/16 of 35") && last.ends_with("help"), "{screen}");
    assert!(list_events(&screen) >= 5, "{screen}");
}

#[test]
fn people_picker_matches_aliases() {
    // `a-li` is only in the Vietnamese transliteration of Heydar Aliyev's name.
    let actions: Vec<Action> = [Action::PickPeople].into_iter().chain(typed("a-li")).collect();
    insta::assert_snapshot!(styled(&app(100, 30, &actions), 100, 30, &PLAIN));
}

/// The reader's current article match stands apart from the others (a red bar), and moves with
/// `n`; the status line says which it is.
#[test]
fn the_readers_current_match_is_marked_apart() {
    let mut actions = vec![Action::Down, Action::OpenReader, Action::StartSearch];
    actions.extend(typed("azerbaijan"));
    actions.extend([Action::Accept, Action::NextQuote]);
    let a = app(100, 30, &actions);
    let t = draw(&a, 100, 30, &COLOR);
    let buf = t.backend().buffer();
    let current: Vec<(u16, u16)> = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .filter(|&p| buf[p].bg == ratatui::style::Color::Red)
        .collect();
    assert_eq!(current.len(), "azerbaijan".len(), "one match in the current-match style: {current:?}");
    let word: String = current.iter().map(|&p| buf[p].symbol()).collect();
    assert_eq!(word.to_lowercase(), "azerbaijan");
    let screen = text(&a, 100, 30);
    assert!(screen.contains("match ") && screen.contains(" · n N move"), "{screen}");
}
