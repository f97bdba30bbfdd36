//! What is both measured and drawn, without a `Frame`: where each pane goes, the documents the
//! panes show (detail, help), the time axis's scale and counts, and the theme. `app` measures
//! through this layer (page sizes, scroll limits); `ui` draws through it, so the two always agree.

pub mod axis;
pub mod detail;
pub mod help;
pub mod layout;
pub mod picker;
pub mod provenance;
pub mod reader;
pub mod spans;
pub mod theme;

use crate::model::Kind;
pub use theme::Theme;

/// A one-column marker for each kind of event.
pub fn glyph(k: Kind) -> &'static str {
    match k {
        Kind::Visit => "→",
        Kind::Talks => "⇄",
        Kind::Meeting => "◆",
        Kind::Reception => "◇",
        Kind::Message => "✉",
        Kind::Anniversary => "★",
        Kind::Relations => "∞",
        Kind::Agreement => "§",
        Kind::Congress => "▲",
        Kind::Seminar => "¶",
        Kind::Statement => "❝",
        Kind::Multilateral => "⊕",
        Kind::Other => "•",
    }
}
