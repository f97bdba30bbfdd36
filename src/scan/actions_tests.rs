//! Finding undated actions: people, verbs, what is not a verb, and dated sentences.

use super::{Cover, Found, Phrases, VERBS, excluded, find, lower_in_place, phrase_words, words};
use crate::scan::Coverage;
use chrono::NaiveDate;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 30).unwrap()
}

/// (sentence, people, verb phrases) for each undated action in `text`, with a registry of `names`
/// (each its own person).
fn actions(text: &str, names: &[&str]) -> Vec<(String, Vec<usize>, Vec<&'static str>)> {
    let people = Phrases::new(names.iter().enumerate().map(|(i, n)| (*n, i)));
    let verbs = Phrases::new(VERBS.iter().enumerate().map(|(v, verb)| (verb.phrase, v)));
    find(text, day(), &people, &verbs)
        .into_iter()
        .map(|f: Found| {
            (
                text[f.sentence].trim().to_string(),
                f.people,
                f.verbs.iter().map(|&v| VERBS[v].phrase).collect(),
            )
        })
        .collect()
}

#[test]
fn a_person_and_a_verb_in_an_undated_sentence_is_an_action() {
    let text = "Tin liên quan\nTổng Bí thư Tô Lâm tiếp Đặc phái viên của Chủ tịch Tập Cận Bình\nBài khác";
    assert_eq!(
        actions(text, &["Tô Lâm", "Tập Cận Bình"]),
        [(
            "Tổng Bí thư Tô Lâm tiếp Đặc phái viên của Chủ tịch Tập Cận Bình".to_string(),
            vec![0, 1],
            vec!["tiếp"]
        )]
    );
}

#[test]
fn every_kind_of_action_in_both_languages() {
    for (text, verb) in [
        ("Tô Lâm thăm Lào.", "thăm"),
        ("Donald Trump đã gửi điện chúc mừng.", "gửi điện"),
        ("Donald Trump gửi thư cho Tô Lâm.", "gửi thư"),
        ("Hai bên ký Hiệp định, Tô Lâm nói.", "ký"),
        ("Tô Lâm hội đàm với Thongloun Sisoulith.", "hội đàm"),
        ("Tô Lâm hội kiến Thủ tướng.", "hội kiến"),
        ("Tô Lâm đón tiếp Đoàn đại biểu.", "đón tiếp"),
        ("TÔ LÂM TIẾP ĐOÀN", "tiếp"),
        ("To Lam received the envoy.", "received"),
        ("President Ilham Aliyev touched upon his own visit to Vietnam.", "visit"),
        ("Ilham Aliyev held expanded meeting with General Secretary", "meeting with"),
        ("To Lam met the President.", "met"),
        ("Donald Trump sent a letter to To Lam.", "sent a letter"),
    ] {
        let found =
            actions(text, &["Tô Lâm", "To Lam", "Donald Trump", "Ilham Aliyev", "Thongloun Sisoulith"]);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].2, [verb], "{text:?}");
    }
}

#[test]
fn words_that_only_contain_a_verb_are_not_actions() {
    for text in [
        // "tiếp tục": to continue; "Thư ký": a secretary; "thăm hỏi": greetings.
        "Tổng Bí thư Tô Lâm tiếp tục đảm nhiệm vai trò lãnh đạo.",
        "Tổng Thư ký Đảng Hành động Nhân dân Singapore Lawrence Wong.",
        "Tô Lâm đề nghị chuyển lời thăm hỏi.",
        // Letters and telegrams received: "thư, điện" is two things, not "gửi thư".
        "Tô Lâm đã nhận được nhiều thư, điện chúc mừng.",
        // A verb inside another word, and a name inside another one.
        "Tô Lâmx thămx Lào.",
        "Ilham Aliyevich visits.",
        // No one of the registry.
        "Thủ tướng tiếp Đại sứ.",
    ] {
        assert_eq!(actions(text, &["Tô Lâm", "Lawrence Wong", "Ilham Aliyev"]), [], "{text:?}");
    }
}

#[test]
fn a_dated_sentence_is_left_to_the_date_scan() {
    let text = "Ngày 26/1, Tô Lâm tiếp Đoàn. Tô Lâm thăm Lào trong tuần tới. Tô Lâm hội kiến Thủ tướng.";
    let found = actions(text, &["Tô Lâm"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Tô Lâm hội kiến Thủ tướng.");
}

#[test]
fn hyphens_and_spaces_join_a_name_but_punctuation_does_not() {
    assert_eq!(actions("Hai-đa A-li-ép thăm Việt Nam.", &["Hai-đa A-li-ép"]).len(), 1);
    assert_eq!(actions("Hai đa A li ép thăm Việt Nam.", &["Hai-đa A-li-ép"]).len(), 1);
    assert_eq!(actions("Hai, đa A-li-ép thăm Việt Nam.", &["Hai-đa A-li-ép"]), []);
}

#[test]
fn one_line_per_sentence_with_each_verb_once() {
    let text = "Tô Lâm hội đàm với Thongloun Sisoulith; hội kiến Thủ tướng và hội đàm tiếp.";
    let found = actions(text, &["Tô Lâm", "Thongloun Sisoulith"]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, [0, 1]);
    assert_eq!(found[0].2, ["hội đàm", "hội kiến", "tiếp"]);
}

#[test]
fn every_verb_is_lower_case_nfc_and_its_exceptions_contain_it() {
    use unicode_normalization::UnicodeNormalization;
    for v in VERBS {
        assert_eq!(v.phrase, v.phrase.to_lowercase());
        assert_eq!(v.phrase, v.phrase.nfc().collect::<String>());
        for u in v.unless {
            let ws = words(u);
            let verb = phrase_words(v.phrase);
            // The phrase is a run of words of its exception, found by `excluded` at that run.
            let at = (0..ws.len()).find(|&i| u[ws[i].clone()] == verb[0]);
            let at = at.unwrap_or_else(|| panic!("`{u}` does not contain `{}`", v.phrase));
            assert!(excluded(u, &ws, at, verb.len(), v), "`{u}` does not exclude `{}`", v.phrase);
        }
    }
}

#[test]
fn a_quote_or_an_ignored_passage_anywhere_in_the_sentence_covers_it() {
    let cover = Cover { quotes: vec![(3, 10..20), (5, 100..110)], ignored: vec![(0, 40..45)] };
    assert_eq!(cover.of(&(0..12)), Coverage::Events(vec![3]));
    assert_eq!(cover.of(&(15..50)), Coverage::Events(vec![3]), "an event wins over an ignore");
    assert_eq!(cover.of(&(30..42)), Coverage::Ignored(0));
    assert_eq!(cover.of(&(20..40)), Coverage::Uncovered, "ranges that only touch do not meet");
}

#[test]
fn lowering_keeps_every_offset() {
    // `İ` lowers to two characters: it stays, and what follows keeps its offset.
    let text = "İ TÔ LÂM Đ";
    let lower = lower_in_place(text);
    assert_eq!(lower.len(), text.len());
    assert_eq!(lower, "İ tô lâm đ");
    assert_eq!(actions("İTÔ LÂM THĂM LÀO", &["Tô Lâm"]), []);
    assert_eq!(actions("İ TÔ LÂM THĂM LÀO", &["Tô Lâm"]).len(), 1);
}

#[test]
fn text_with_hostile_bytes_and_long_lines_is_safe() {
    // Control characters, bidi overrides, combining marks and a very long sentence.
    let long = format!("Tô Lâm \u{1b}[31m tiếp\u{202e} {} ́ thăm", "ữ".repeat(10_000));
    let found = actions(&long, &["Tô Lâm"]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, ["tiếp", "thăm"]);
}
