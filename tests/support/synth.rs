//! Synthetic data sets for benchmarks: N events in our own format, with matching articles, so
//! the loader verifies every quote. The text mixes Vietnamese (with its diacritics) and English,
//! names, places and countries, and dates spread over 1950–2030. The same seed gives the same
//! bytes, whatever the platform or crate versions (the generator is a hand-written SplitMix64).

use serde_json::{Value, json};
use std::io::{self, Write};
use std::path::Path;

/// Events per article file.
pub const EVENTS_PER_ARTICLE: usize = 10;

/// A small, fast, stable pseudo-random generator.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AZ", "Azerbaijan", "Azerbaijan"),
    ("LA", "Laos", "Lào"),
    ("KH", "Cambodia", "Campuchia"),
    ("CN", "China", "Trung Quốc"),
    ("CU", "Cuba", "Cuba"),
    ("US", "United States", "Hoa Kỳ"),
    ("RU", "Russia", "Nga"),
    ("JP", "Japan", "Nhật Bản"),
    ("KR", "South Korea", "Hàn Quốc"),
    ("TH", "Thailand", "Thái Lan"),
    ("SG", "Singapore", "Singapore"),
    ("FR", "France", "Pháp"),
    ("DE", "Germany", "Đức"),
    ("IN", "India", "Ấn Độ"),
    ("TR", "Türkiye", "Thổ Nhĩ Kỳ"),
    ("UZ", "Uzbekistan", "Uzbekistan"),
    ("ID", "Indonesia", "Indonesia"),
    ("AU", "Australia", "Úc"),
    ("GB", "United Kingdom", "Anh"),
    ("BR", "Brazil", "Brazil"),
];

const PEOPLE: &[&str] = &[
    "Tô Lâm",
    "Hồ Chí Minh",
    "Lương Cường",
    "Phạm Minh Chính",
    "Trần Thanh Mẫn",
    "Nguyễn Thị Bình",
    "Thongloun Sisoulith",
    "Ilham Aliyev",
    "Heydar Aliyev",
    "Tahir Budagov",
    "Lawrence Wong",
    "Lee Jae-myung",
    "Recep Tayyip Erdoğan",
    "Anutin Charnvirakul",
    "Đặng Thị Ngọc Thịnh",
    "Bùi Thanh Sơn",
];

const PLACES: &[&str] = &[
    "Hà Nội",
    "Baku",
    "Viêng Chăn",
    "Phnom Penh",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "La Habana",
    "Bắc Kinh",
    "Tokyo",
    "Seoul",
    "Hải Phòng",
    "Nghệ An",
    "Thành phố Hồ Chí Minh",
];

const KINDS: &[&str] = &[
    "visit",
    "talks",
    "meeting",
    "reception",
    "message",
    "anniversary",
    "relations",
    "agreement",
    "congress",
    "seminar",
    "statement",
    "multilateral",
];

const VI_PHRASES: &[&str] = &[
    "Tổng Bí thư Tô Lâm đã tiếp Đoàn đại biểu",
    "nhân dịp kỷ niệm ngày thiết lập quan hệ ngoại giao",
    "sau thành công của Đại hội XIV của Đảng",
    "hai bên nhất trí tăng cường hợp tác toàn diện",
    "trong các lĩnh vực kinh tế - thương mại, năng lượng – dầu khí",
    "quan hệ hữu nghị truyền thống và Đối tác chiến lược",
    "tại Trụ sở Trung ương Đảng",
    "thăm cấp Nhà nước theo lời mời của Chủ tịch nước",
    "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "giáo dục – đào tạo, văn hóa, du lịch, giao lưu nhân dân",
    "đồng thời bày tỏ mong muốn sớm được đón",
    "Bộ Ngoại giao thông báo",
    "khẳng định đây là dấu mốc quan trọng",
    "điện chúc mừng Tổng Bí thư",
];

const EN_WORDS: &[&str] = &[
    "delegation",
    "visit",
    "talks",
    "cooperation",
    "friendship",
    "energy",
    "trade",
    "investment",
    "culture",
    "education",
    "partnership",
    "strategic",
    "anniversary",
    "ministry",
    "embassy",
    "congress",
    "leaders",
    "agreement",
    "security",
    "relations",
    "economic",
    "regional",
    "forum",
    "summit",
    "exchange",
];

/// One generated event: the JSON object and the sentences its quotes come from.
struct Generated {
    json: Value,
    /// The article paragraph that contains the event's quotes.
    paragraph: String,
}

fn date(r: &mut SplitMix64) -> (String, Option<String>) {
    let year = 1950 + r.below(81);
    match r.below(10) {
        0..=1 => (format!("{year}"), None),
        2..=3 => (format!("{year}-{:02}", 1 + r.below(12)), None),
        4 => {
            let (m, d) = (1 + r.below(12), 1 + r.below(27));
            (format!("{year}-{m:02}-{d:02}"), Some(format!("{year}-{m:02}-{:02}", d + 1)))
        }
        _ => (format!("{year}-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28)), None),
    }
}

fn vi_sentence(r: &mut SplitMix64, n: usize, year: &str) -> String {
    let mut s = format!("Ngày {}/{} năm {year}, ", 1 + r.below(28), 1 + r.below(12));
    for i in 0..n {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(r.pick(VI_PHRASES));
    }
    s.push_str(&format!(" với {} tại {}.", r.pick(PEOPLE), r.pick(PLACES)));
    s
}

fn en_text(r: &mut SplitMix64, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(r.pick(EN_WORDS));
    }
    s
}

fn event(r: &mut SplitMix64, i: usize, file: &str) -> Generated {
    let (date, end) = date(r);
    let year = &date[..4];
    let (code, name, name_vi) = r.pick(COUNTRIES);
    let (code2, _, _) = r.pick(COUNTRIES);
    let codes = if code2 != code && r.below(4) == 0 { vec![code, code2] } else { vec![code] };
    let person = r.pick(PEOPLE);
    let parts = 2 + r.below(2);
    let quote_vi = vi_sentence(r, parts, year);
    let quote_en = format!("The {} with {name} covered {}.", en_text(r, 3), en_text(r, 6));
    let words = 3 + r.below(3);
    let title = format!("{person} and {name}: {} {year}", en_text(r, words));
    // Some names in capitals (`LÀO`, `TÔ LÂM`): an accented word must find them too.
    let shout = |s: &str, every: usize| if i % every == 3 { s.to_uppercase() } else { s.to_string() };
    let (name_vi, named) = (shout(name_vi, 7), shout(person, 5));
    let summary =
        format!("{} in {year} involving {name_vi} and {named}. {}.", en_text(r, 12), en_text(r, 18));
    let status = if r.below(8) == 0 { "planned" } else { "held" };
    let kind = r.pick(KINDS);
    let place = r.pick(PLACES);
    let mut json = json!({
        "id": format!("ev-{i:07}"),
        "date": date,
        "status": status,
        "kind": kind,
        "countries": codes,
        "places": [place],
        "people": [person],
        "title": title,
        "summary": summary,
        "sources": [{"file": file, "quote": quote_vi}, {"file": file, "quote": quote_en}],
    });
    if let Some(end) = end {
        json["end"] = Value::from(end);
    }
    let paragraph = format!("{quote_vi} {} {quote_en}\n\n", vi_sentence(r, 1, year));
    Generated { json, paragraph }
}

/// Writes `data.json` and the articles into `dir`, with `n` events from `seed`. The events are
/// streamed one per line, so that a million of them never sit in memory at once.
pub fn write(dir: &Path, n: usize, seed: u64) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut r = SplitMix64::new(seed);
    let countries: Vec<Value> =
        COUNTRIES.iter().map(|(code, name, vi)| json!({"code": code, "name": name, "name_vi": vi})).collect();
    let articles = n.div_ceil(EVENTS_PER_ARTICLE);
    let sources: Vec<Value> = (0..articles)
        .map(|a| {
            json!({
                "file": format!("a{a:06}.txt"),
                "outlet": "Synthetic News",
                "published": format!("2026-01-{:02}", 1 + a % 28),
                "language": "vi",
                "about": format!("Generated article {a}."),
                "evidence": ["Synthetic News"],
            })
        })
        .collect();
    let mut data = io::BufWriter::new(std::fs::File::create(dir.join("data.json"))?);
    write!(data, "{{\n  \"countries\": ")?;
    serde_json::to_writer(&mut data, &countries)?;
    write!(data, ",\n  \"sources\": ")?;
    serde_json::to_writer(&mut data, &sources)?;
    writeln!(data, ",\n  \"events\": [")?;
    for a in 0..articles {
        let file = format!("a{a:06}.txt");
        let mut article = String::from("Synthetic News\n\n");
        for i in a * EVENTS_PER_ARTICLE..((a + 1) * EVENTS_PER_ARTICLE).min(n) {
            let g = event(&mut r, i, &file);
            article.push_str(&g.paragraph);
            write!(data, "    ")?;
            serde_json::to_writer(&mut data, &g.json)?;
            writeln!(data, "{}", if i + 1 < n { "," } else { "" })?;
        }
        std::fs::write(dir.join(&file), article)?;
    }
    writeln!(data, "  ]\n}}")?;
    data.flush()
}
