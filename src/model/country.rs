//! Partner countries: ISO code plus English and Vietnamese names, and lookup by any of them.

use crate::search::fold::fold_str;

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

/// Finds a country by code, English name or Vietnamese name; case and accents do not matter,
/// so `LA`, `laos`, `Lào` and `lao` all find Laos.
pub fn lookup(countries: &[Country], query: &str) -> Option<usize> {
    let q = fold_str(query.trim());
    if q.is_empty() {
        return None;
    }
    countries
        .iter()
        .position(|c| fold_str(&c.code) == q || fold_str(&c.name) == q || fold_str(&c.name_vi) == q)
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
    fn knows_iso_codes() {
        assert_eq!(iso_name("LA"), Some("Laos"));
        assert_eq!(iso_name("VN"), Some("Vietnam"));
        assert_eq!(iso_name("XX"), None);
        assert_eq!(iso_name("la"), None);
    }
}
