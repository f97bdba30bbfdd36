//! Properties of the output sanitiser (`timeline::text::inert`) and of the terminal input decoder, for
//! any text or bytes: no control character gets through, the escaped form maps back exactly,
//! JSON round-trips, and the decoder never holds more than a bounded sequence.

use proptest::prelude::*;
use timeline::text::inert::{self, unescape};
use timeline::tty::Decoder;

/// Text that is mostly controls, backslashes, bidi controls, escape look-alikes and Vietnamese.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        prop::sample::select(vec![
            "\\",
            "\\\\",
            "\\u{1b}",
            "u{",
            "}",
            "\u{202e}",
            "\u{2066}",
            "\u{2028}",
            "\r\n",
            "Tô Lâm",
            "\u{1b}]0;x\u{7}",
            "e\u{301}",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn is_unsafe(c: char) -> bool {
    c.is_control() || inert::is_bidi_control(c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn text_has_no_controls_but_newlines_and_maps_back(s in hostile_text()) {
        let out = inert::text(&s);
        prop_assert!(!out.chars().any(|c| is_unsafe(c) && c != '\n'), "{out:?}");
        prop_assert_eq!(unescape(&out), Some(s.clone()));
    }

    #[test]
    fn line_is_one_line_without_controls_and_maps_back_but_for_its_breaks(s in hostile_text()) {
        let out = inert::line(&s);
        prop_assert!(!out.chars().any(is_unsafe), "{out:?}");
        prop_assert!(!out.contains(['\u{2028}', '\u{2029}']), "{out:?}");
        // What `line` gave up is exactly the kind of break: mapping it back gives the text with
        // every line break and tab as one space.
        let flat = s.replace("\r\n", " ").replace(['\n', '\r', '\t', '\u{2028}', '\u{2029}'], " ");
        prop_assert_eq!(unescape(&out), Some(flat));
    }

    #[test]
    fn the_escaped_form_is_unambiguous(a in hostile_text(), b in hostile_text()) {
        prop_assume!(a != b);
        prop_assert_ne!(inert::text(&a), inert::text(&b));
    }

    #[test]
    fn json_escapes_every_control_and_round_trips(s in hostile_text()) {
        let mut out = Vec::new();
        inert::to_json_writer(&mut out, &serde_json::json!({ "title": s, "list": [s] })).unwrap();
        let json = String::from_utf8(out).unwrap();
        prop_assert!(!json.chars().any(|c| is_unsafe(c) && c != '\n'), "{json:?}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back["title"].as_str(), Some(s.as_str()));
        prop_assert_eq!(back["list"][0].as_str(), Some(s.as_str()));
    }

    #[test]
    fn the_decoder_never_holds_an_endless_sequence(chunks in prop::collection::vec(
        prop::collection::vec(prop_oneof![Just(0x1bu8), Just(b'['), Just(b'2'), Just(b';'), any::<u8>()], 0..40),
        0..20,
    )) {
        let mut d = Decoder::default();
        for chunk in &chunks {
            d.feed(chunk);
        }
        d.flush();
        prop_assert!(!d.is_pending());
        // After anything at all, a plain key still comes through.
        let events = d.feed(b"q");
        prop_assert_eq!(events.len(), 1);
    }
}
