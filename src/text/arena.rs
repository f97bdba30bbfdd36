//! Text read in place: an [`Arena`] is bytes that never change (a mapped index cache), and a
//! [`Shared`] string is either its own or a range of an arena. The long texts of a decoded event
//! (its summary, its quotes) stay where they lie in the cache instead of being copied out, event
//! by event, into fresh memory: at a million events that is 700 MB neither allocated nor held.
//!
//! A `Shared` string is made in place only while a decoder runs inside [`decoding_in`] over the
//! arena its input lies in, and only for a `&str` the deserializer borrows from that input (so
//! already checked as UTF-8); anything else (JSON, an escaped string, other bytes) is copied as
//! before.

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Bytes that many strings lie in, shared by them: a mapped cache file, read in place instead of
/// copied out.
pub struct Arena(Box<dyn Source>);

/// What an arena's bytes are.
pub trait Source: AsRef<[u8]> + Send + Sync {
    /// Lets the OS take back the memory the bytes take, if they read back the same when next
    /// touched (the pages of a mapped file); by default, nothing.
    fn release(&self) {}
}

impl Source for Vec<u8> {}

impl Arena {
    /// # Safety
    ///
    /// `bytes.as_ref()` must give the same bytes every time it is called, for as long as the
    /// arena lives: the texts in it are checked as UTF-8 once, when a string is made over them.
    pub unsafe fn new(bytes: Box<dyn Source>) -> Arena {
        Arena(bytes)
    }

    pub fn bytes(&self) -> &[u8] {
        (*self.0).as_ref()
    }

    /// Gives the OS back the memory of the bytes where it reads them again when needed
    /// (`Source::release`): for a process done with most of them.
    pub fn release(&self) {
        self.0.release();
    }

    /// Where `s` lies in the arena, if it lies wholly in it.
    fn place_of(&self, s: &str) -> Option<usize> {
        let bytes = self.bytes();
        let at = (s.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
        (at.checked_add(s.len())? <= bytes.len()).then_some(at)
    }
}

impl fmt::Debug for Arena {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Arena({} bytes)", self.bytes().len())
    }
}

/// A string of its own, or one read in place from an arena. It reads as a `str` either way.
#[derive(Clone)]
pub struct Shared(Repr);

/// 24 bytes either way, as a `CompactString` alone: a text in place is an arena of up to 4 GiB
/// (a text past that is copied), and one of its own holds up to 24 bytes without allocating.
#[derive(Clone)]
enum Repr {
    Own(CompactString),
    /// Checked as UTF-8 when made; the arena's bytes never change (`Arena::new`'s contract).
    In(Arc<Arena>, u32, u32),
}

impl Shared {
    /// A range of `arena`, if it is UTF-8.
    pub fn in_arena(arena: &Arc<Arena>, range: std::ops::Range<usize>) -> Option<Shared> {
        let text = std::str::from_utf8(arena.bytes().get(range.clone())?).ok()?;
        Some(Self::placed(arena, range.start, text))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Own(s) => s,
            Repr::In(arena, at, len) => {
                let at = *at as usize;
                let bytes = &arena.bytes()[at..at + *len as usize];
                // SAFETY: checked as UTF-8 when made, and the arena's bytes never change.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }

    /// `text`, which lies at `at` in `arena`: in place if it can be told in 32 bits, else copied.
    fn placed(arena: &Arc<Arena>, at: usize, text: &str) -> Shared {
        match (u32::try_from(at), u32::try_from(text.len())) {
            (Ok(at), Ok(len)) => Shared(Repr::In(Arc::clone(arena), at, len)),
            _ => text.into(),
        }
    }

    /// Whether it lies in an arena rather than in its own memory.
    pub fn is_in_arena(&self) -> bool {
        matches!(self.0, Repr::In(..))
    }
}

impl Deref for Shared {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        self
    }
}

impl Default for Shared {
    fn default() -> Self {
        Shared(Repr::Own(CompactString::default()))
    }
}

impl From<String> for Shared {
    fn from(s: String) -> Self {
        Shared(Repr::Own(s.into()))
    }
}

impl From<&str> for Shared {
    fn from(s: &str) -> Self {
        Shared(Repr::Own(s.into()))
    }
}

impl From<Shared> for String {
    fn from(s: Shared) -> Self {
        s.as_str().to_string()
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Shared {}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Shared> for str {
    fn eq(&self, other: &Shared) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Shared> for &str {
    fn eq(&self, other: &Shared) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Shared> for String {
    fn eq(&self, other: &Shared) -> bool {
        self == other.as_str()
    }
}

impl std::hash::Hash for Shared {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

thread_local! {
    /// The arena a decoder on this thread reads from (see `decoding_in`).
    static DECODING: RefCell<Option<Arc<Arena>>> = const { RefCell::new(None) };
}

/// Runs `decode` with the strings it borrows from `arena` made in place (see the module).
pub fn decoding_in<T>(arena: &Arc<Arena>, decode: impl FnOnce() -> T) -> T {
    /// Puts back what was there, also if `decode` panics.
    struct Restore(Option<Arc<Arena>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let before = self.0.take();
            DECODING.with(|d| *d.borrow_mut() = before);
        }
    }
    let _restore = Restore(DECODING.with(|d| d.borrow_mut().replace(Arc::clone(arena))));
    decode()
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Shared;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Shared, E> {
                let placed = DECODING.with(|d| {
                    let arena = d.borrow();
                    let arena = arena.as_ref()?;
                    Some(Shared::placed(arena, arena.place_of(s)?, s))
                });
                Ok(placed.unwrap_or_else(|| s.into()))
            }
            fn visit_str<E>(self, s: &str) -> Result<Shared, E> {
                Ok(s.into())
            }
            fn visit_string<E>(self, s: String) -> Result<Shared, E> {
                Ok(s.into())
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arena(bytes: &[u8]) -> Arc<Arena> {
        // SAFETY: a vector nobody changes.
        Arc::new(unsafe { Arena::new(Box::new(bytes.to_vec())) })
    }

    /// A string the decoder borrows from the arena is read in place; the same bytes decoded
    /// from elsewhere, or outside `decoding_in`, are copied; either reads the same.
    #[test]
    fn borrowed_strings_of_the_arena_are_read_in_place() {
        let bytes = postcard::to_allocvec(&("Tô Lâm", "Hà Nội")).expect("encodes");
        let a = arena(&bytes);
        let (x, y): (Shared, Shared) = decoding_in(&a, || postcard::from_bytes(a.bytes()).expect("decodes"));
        assert!(x.is_in_arena() && y.is_in_arena());
        assert_eq!((&*x, &*y), ("Tô Lâm", "Hà Nội"));
        let elsewhere = bytes.clone();
        let (x, _): (Shared, Shared) = decoding_in(&a, || postcard::from_bytes(&elsewhere).expect("decodes"));
        assert!(!x.is_in_arena());
        let (x, _): (Shared, Shared) = postcard::from_bytes(a.bytes()).expect("decodes");
        assert!(!x.is_in_arena() && x == "Tô Lâm");
        let json: Shared = decoding_in(&a, || serde_json::from_str("\"Đà Nẵng\"").expect("decodes"));
        assert!(!json.is_in_arena() && json == "Đà Nẵng");
    }

    /// Invalid UTF-8 in the arena fails to decode (postcard checks a borrowed `&str`), and a
    /// range made by hand is checked too.
    #[test]
    fn bytes_that_are_not_utf8_make_no_string() {
        let mut bytes = postcard::to_allocvec(&"Tô").expect("encodes");
        bytes[2] = 0xff;
        let a = arena(&bytes);
        assert!(decoding_in(&a, || postcard::from_bytes::<Shared>(a.bytes())).is_err());
        assert!(Shared::in_arena(&a, 1..bytes.len()).is_none());
        assert_eq!(Shared::in_arena(&arena(b"xTo"), 1..3).as_deref(), Some("To"));
    }

    #[test]
    fn a_string_is_as_small_as_a_compact_string() {
        assert_eq!(size_of::<Shared>(), size_of::<CompactString>());
    }

    /// A text past 4 GiB into its arena is copied rather than placed.
    #[test]
    fn a_text_past_32_bits_is_copied() {
        let a = arena(b"To");
        assert!(Shared::placed(&a, 0, "To").is_in_arena());
        let far = Shared::placed(&a, 1 << 32, "Tô Lâm");
        assert!(!far.is_in_arena() && far == "Tô Lâm");
    }

    /// The arena a decoder reads from is put back when it ends, also by a panic.
    #[test]
    fn the_decoding_arena_is_put_back() {
        let (a, b) = (arena(b"a"), arena(b"b"));
        decoding_in(&a, || {
            let _ =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| decoding_in(&b, || panic!("in b"))));
            DECODING.with(|d| assert!(Arc::ptr_eq(d.borrow().as_ref().expect("a"), &a)));
        });
        DECODING.with(|d| assert!(d.borrow().is_none()));
    }
}
