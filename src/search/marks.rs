//! Where an event matched a query, for highlighting: the same rules as the search, per field.

use super::fields::{FieldTest, in_period};
use super::index::{Field, field_text, fields_of};
use super::matcher::match_field;
use super::query::{Query, Test, Text};
use super::{Engine, Marks, merge, ranges};
use crate::model::Timeline;
use crate::text::fold::{Folded, fold, lower_keep_accents};
use std::ops::Range;

/// One field's original text and its folded forms (the accented one made when needed).
struct FieldForms<'a> {
    original: &'a str,
    folded: Folded,
    accented: Option<Folded>,
}

impl Engine {
    /// Where `event` matches `query`, field by field (title, people, places, countries, headline,
    /// date, summary, quotes), by the rules the search used: each positive term where it matched
    /// in each field, and adjacent words as one phrase where they are adjacent (then instead of
    /// the separate words in that field). A date term in its period marks the date; `country:`
    /// marks the country's names. Meant to be cached per visible row.
    pub fn marks(&self, t: &Timeline, event: usize, query: &Query) -> Marks {
        let e = &t.events[event];
        let plain = query.plain_groups();
        let pairs = query.pairs();
        let mut out: Marks = Vec::new();
        for field in fields_of(e) {
            let original = &*field_text(t, e, field);
            if original.is_empty() {
                continue;
            }
            let mut forms = FieldForms { original, folded: fold(original), accented: None };
            let mut found: Vec<Range<usize>> = Vec::new();
            let mut covered: Vec<usize> = Vec::new();
            for (k, pair) in pairs.iter().enumerate() {
                if let Some(r) = self.text_ranges(&mut forms, field, pair) {
                    found.extend(r);
                    covered.extend([plain[k], plain[k + 1]]);
                }
            }
            for (g, group) in query.groups.iter().enumerate() {
                for term in group.iter().filter(|t| !t.negated) {
                    let r = match &term.test {
                        Test::Text(_) if covered.contains(&g) => None,
                        Test::Date { period, .. } if in_period(e, period) => {
                            (field == Field::Date).then(|| whole(original))
                        }
                        Test::Text(x) | Test::Date { text: x, .. } => self.text_ranges(&mut forms, field, x),
                        Test::Field(FieldTest::Country(c)) => match field {
                            Field::Country(i) | Field::CountryVi(i)
                                if e.countries.get(i as usize) == Some(c) =>
                            {
                                Some(whole(original))
                            }
                            _ => None,
                        },
                        Test::Field(_) => None,
                    };
                    found.extend(r.into_iter().flatten());
                }
            }
            if !found.is_empty() {
                out.push((field, merge(found)));
            }
        }
        out
    }

    /// Where a text pattern matches one field, as byte ranges of the original text: the
    /// alignment that scores it (see `matcher::match_field`).
    fn text_ranges(&self, forms: &mut FieldForms, field: Field, x: &Text) -> Option<Vec<Range<usize>>> {
        if !field.in_scope(x.scope) {
            return None;
        }
        let original = forms.original;
        let FieldForms { folded, accented, .. } = forms;
        let rule = x.rule(field.is_short());
        let accented_text = move || {
            let cache = accented; // moved out: the closure is `FnOnce` and may lend it out
            Some(cache.get_or_insert_with(|| lower_keep_accents(original)).text.as_str())
        };
        let m = match_field(rule, &folded.text, &x.folded, x.accented.as_deref(), accented_text, true)?;
        let form = if x.accented.is_some() { forms.accented.as_ref()? } else { &forms.folded };
        Some(ranges(original, &form.origin, &m.chars))
    }
}

/// The whole of a field, as ranges.
fn whole(s: &str) -> Vec<Range<usize>> {
    std::iter::once(0..s.len()).collect()
}
