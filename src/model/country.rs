//! Partner countries: ISO code plus English and Vietnamese names, and lookup by any of them.

use crate::text::fold::fold_str;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub name_vi: String,
}

/// The English short name of an ISO 3166-1 alpha-2 code, if the code exists.
pub fn iso_name(code: &str) -> Option<&'static str> {
    super::iso::ISO_3166.binary_search_by(|(c, _)| (*c).cmp(code)).ok().map(|i| super::iso::ISO_3166[i].1)
}

/// Names people type for a country that are neither its ISO code nor the names in the data,
/// by ISO code. Folded (lower case, no accents). `Korea` means South Korea, as in everyday use.
pub const ALIASES: &[(&str, &[&str])] = &[
    ("AE", &["uae", "emirates"]),
    ("CN", &["prc", "peoples republic of china"]),
    ("CZ", &["czech republic", "czechia"]),
    ("DE", &["deutschland"]),
    ("GB", &["uk", "britain", "great britain", "england", "united kingdom", "anh quoc"]),
    ("KP", &["north korea", "dprk", "trieu tien"]),
    ("KR", &["korea", "south korea", "republic of korea", "rok"]),
    ("LA", &["lao pdr", "lao"]),
    ("MM", &["burma"]),
    ("NL", &["holland", "the netherlands"]),
    ("RU", &["russian federation", "nga"]),
    ("TL", &["east timor", "timor leste"]),
    ("TR", &["turkey", "turkiye"]),
    ("TW", &["taiwan"]),
    ("US", &["usa", "us", "u.s.", "u.s.a.", "america", "united states of america", "my", "hoa ky"]),
    ("VN", &["viet nam", "vietnam"]),
];

/// The aliases of a country code (empty when it has none).
pub fn aliases(code: &str) -> &'static [&'static str] {
    ALIASES.iter().find(|(c, _)| *c == code).map_or(&[], |(_, a)| a)
}

/// Every name a country is found by, folded: code, English and Vietnamese names, aliases.
fn names(c: &Country) -> impl Iterator<Item = String> + '_ {
    [fold_str(&c.code), fold_str(&c.name), fold_str(&c.name_vi)]
        .into_iter()
        .chain(aliases(&c.code).iter().map(|a| a.to_string()))
}

/// Finds a country by code, English or Vietnamese name, or a common alias (`USA`, `America`,
/// `UK`, `Britain`, `Korea`, `Turkey`, …); case and accents do not matter, so `LA`, `laos`,
/// `Lào` and `lao` all find Laos.
pub fn lookup(countries: &[Country], query: &str) -> Option<usize> {
    let q = fold_str(query.trim());
    if q.is_empty() {
        return None;
    }
    countries.iter().position(|c| names(c).any(|n| n == q))
}

/// The message for a country that `lookup` does not find: the closest names, or the list.
pub fn unknown_message(countries: &[Country], query: &str) -> String {
    if countries.is_empty() {
        return format!("unknown country `{query}`: this data set has no countries");
    }
    let q = fold_str(query.trim());
    let mut close: Vec<(usize, usize)> = countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let d = names(c).map(|n| distance(&q, &n)).min()?;
            let starts = names(c).any(|n| n.len() > 2 && n.starts_with(&q) && q.len() >= 2);
            (starts || d <= 1 + q.chars().count() / 4).then_some((if starts { 0 } else { d }, i))
        })
        .collect();
    close.sort();
    let label = |i: usize| format!("{} ({})", countries[i].name, countries[i].code);
    if close.is_empty() {
        let all: Vec<String> =
            countries.iter().map(|c| format!("{} ({}, {})", c.code, c.name, c.name_vi)).collect();
        return format!("unknown country `{query}`; known countries: {}", all.join("; "));
    }
    let best: Vec<String> = close.iter().take(3).map(|&(_, i)| label(i)).collect();
    format!("unknown country `{query}`; did you mean {}?", best.join(" or "))
}

/// Edit distance (Levenshtein) between two short strings, by chars.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<Country> {
        [
            ("LA", "Laos", "Lào"),
            ("US", "United States", "Hoa Kỳ"),
            ("TR", "Türkiye", "Thổ Nhĩ Kỳ"),
            ("CN", "China", "Trung Quốc"),
        ]
        .into_iter()
        .map(|(code, name, name_vi)| Country {
            code: code.into(),
            name: name.into(),
            name_vi: name_vi.into(),
        })
        .collect()
    }

    #[test]
    fn finds_by_code_english_and_vietnamese_with_or_without_accents() {
        let t = table();
        for q in ["LA", "la", "laos", "LAOS", "Lào", "lao", " Lào "] {
            assert_eq!(lookup(&t, q), Some(0), "{q}");
        }
        for q in ["US", "united states", "Hoa Kỳ", "hoa ky"] {
            assert_eq!(lookup(&t, q), Some(1), "{q}");
        }
        for q in ["Thổ Nhĩ Kỳ", "tho nhi ky", "turkiye", "Türkiye"] {
            assert_eq!(lookup(&t, q), Some(2), "{q}");
        }
        assert_eq!(lookup(&t, "trung quoc"), Some(3));
    }

    #[test]
    fn unknown_or_empty_is_none() {
        let t = table();
        assert_eq!(lookup(&t, "Atlantis"), None);
        assert_eq!(lookup(&t, ""), None);
        assert_eq!(lookup(&t, "  "), None);
    }

    #[test]
    fn finds_by_common_aliases() {
        let t = table();
        for (q, want) in [
            ("USA", 1),
            ("US", 1),
            ("u.s.", 1),
            ("America", 1),
            ("Mỹ", 1),
            ("Turkey", 2),
            ("PRC", 3),
            ("lao pdr", 0),
        ] {
            assert_eq!(lookup(&t, q), Some(want), "{q}");
        }
        let more: Vec<Country> = [("KR", "South Korea", "Hàn Quốc"), ("GB", "United Kingdom", "Anh")]
            .into_iter()
            .map(|(code, name, name_vi)| Country {
                code: code.into(),
                name: name.into(),
                name_vi: name_vi.into(),
            })
            .collect();
        for (q, want) in [("Korea", 0), ("korea", 0), ("UK", 1), ("Britain", 1), ("great britain", 1)] {
            assert_eq!(lookup(&more, q), Some(want), "{q}");
        }
    }

    #[test]
    fn unknown_countries_get_a_suggestion() {
        let t = table();
        assert_eq!(unknown_message(&t, "Loas"), "unknown country `Loas`; did you mean Laos (LA)?");
        assert_eq!(unknown_message(&t, "Turky"), "unknown country `Turky`; did you mean Türkiye (TR)?");
        assert_eq!(unknown_message(&t, "chin"), "unknown country `chin`; did you mean China (CN)?");
        assert!(unknown_message(&t, "Atlantis").starts_with(
            "unknown country `Atlantis`; known countries: LA (Laos, Lào); US (United States, Hoa Kỳ);"
        ));
    }

    #[test]
    fn knows_iso_codes() {
        assert_eq!(iso_name("LA"), Some("Laos"));
        assert_eq!(iso_name("VN"), Some("Vietnam"));
        assert_eq!(iso_name("XX"), None);
        assert_eq!(iso_name("la"), None);
    }
}
