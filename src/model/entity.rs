//! People and places as entities of the data set: one canonical name (with its diacritics), the
//! other spellings the sources use as aliases, and an optional role. Events refer to them by id,
//! so `To Lam` and `Tô Lâm` are one person, and the `person:`/`place:` queries can match aliases.

use crate::text::fold::fold_str;

/// Whether an entity is a person or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EntityKind {
    Person,
    Place,
}

impl EntityKind {
    /// The data set's section for this kind (`people`, `places`).
    pub fn section(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Place => "places",
        }
    }

    /// One of them, in messages: `person`, `place`.
    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }
}

/// A person or a place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// The canonical name, with diacritics (`Tô Lâm`).
    pub name: String,
    /// Other spellings found in the sources (`To Lam`, `Hai-đa A-li-ép`), titles stripped.
    pub aliases: Vec<String>,
    /// Who the person is (`General Secretary of the Communist Party of Vietnam`), or what the
    /// place is; ours, in English, backed by the entity's cited quotes.
    pub role: Option<String>,
    /// The name and every alias, folded (lower case, no diacritics), for matching.
    folded: Vec<String>,
}

impl Entity {
    pub fn new(name: String, aliases: Vec<String>, role: Option<String>) -> Self {
        let folded = std::iter::once(&name).chain(&aliases).map(|n| fold_str(n)).collect();
        Self { name, aliases, role, folded }
    }

    /// The canonical name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The folded name and aliases.
    pub fn folded_names(&self) -> &[String] {
        &self.folded
    }

    /// True if the folded `term` is part of the folded name or of an alias: `to lam`, `lam` and
    /// `ali-ep` all match Tô Lâm / Heydar Aliyev.
    pub fn matches_folded(&self, term: &str) -> bool {
        !term.is_empty() && self.folded.iter().any(|n| n.contains(term))
    }

    /// True if the folded `term` is exactly the folded name or an alias.
    pub fn is_named_folded(&self, term: &str) -> bool {
        self.folded.iter().any(|n| n == term)
    }

    /// `is_named_folded`, for a folded query as typed, as a slug's words (`ha-noi`: Hà Nội) or
    /// with its spaces and hyphens anywhere or nowhere (`hanoi`, `lee jae myung`, `tolam`).
    pub fn is_named_query(&self, folded: &str) -> bool {
        let joined = compact(folded);
        self.is_named_folded(folded) || self.folded.iter().any(|n| compact(n) == joined)
    }
}

/// A folded name or query with only its letters and digits: `lee jae-myung` is `leejaemyung`,
/// as a person types it who does not know where the spaces and hyphens go.
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Ids (indexes into `entities`) of the entities whose name or an alias contains `query`,
/// ignoring case and diacritics. An exact name or alias comes first.
/// A query that finds nothing as written is tried with only its letters and digits against
/// the names' (`ha-noi`, `hanoi`, `lee jae myung`, `tolam`), as `person:` and `place:` find them.
pub fn find(entities: &[Entity], query: &str) -> Vec<usize> {
    let folded = fold_str(query.trim());
    let mut ids: Vec<usize> = (0..entities.len()).filter(|&i| entities[i].matches_folded(&folded)).collect();
    if ids.is_empty() {
        let joined = compact(&folded);
        let has = |e: &Entity| !joined.is_empty() && e.folded.iter().any(|n| compact(n).contains(&joined));
        ids = (0..entities.len()).filter(|&i| has(&entities[i])).collect();
    }
    ids.sort_by_key(|&i| !entities[i].is_named_query(&folded));
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Vec<Entity> {
        vec![
            Entity::new("Tô Lâm".into(), vec!["To Lam".into()], None),
            Entity::new("Heydar Aliyev".into(), vec!["Hai-đa A-li-ép".into(), "Heydar Aliev".into()], None),
            Entity::new("Ilham Aliyev".into(), vec![], None),
        ]
    }

    #[test]
    fn finds_by_name_or_alias_without_accents() {
        let r = registry();
        assert_eq!(find(&r, "to lam"), [0]);
        assert_eq!(find(&r, "TÔ LÂM"), [0]);
        assert_eq!(find(&r, "hai-da a-li-ep"), [1]);
        assert_eq!(find(&r, "aliev"), [1]);
        assert_eq!(find(&r, "aliyev"), [1, 2]);
        assert_eq!(find(&r, "ilham aliyev"), [2]);
        assert!(find(&r, "castro").is_empty());
        assert!(find(&r, "  ").is_empty());
    }

    #[test]
    fn an_exact_name_comes_before_a_partial_one() {
        let r = vec![
            Entity::new("Naly Sisoulith".into(), vec![], None),
            Entity::new("Sisoulith".into(), vec![], None),
        ];
        assert_eq!(find(&r, "sisoulith"), [1, 0]);
    }
}
