//! Parsing one large array on all cores. A small scanner, which knows only strings, escapes and
//! brackets, cuts the array at top-level item boundaries; the parts are parsed by worker threads
//! (by the same parser, at their offsets in the whole text, so positions need no adjusting) and
//! handed over in order. A part counts only if its parse ends exactly where the next part
//! starts: the first part starts at a true item boundary, so by induction every accepted part
//! is what the one-thread parse reads. Anything else (a syntax error, a scanner fooled by
//! invalid JSON) stops the parallel parse at the first part not accepted, and the one-thread
//! parse goes on from there and reports exactly what it always did.

use super::{Key, Parser, Spanned, SyntaxError, Top};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// How the items of large arrays are parsed: on how many threads, in parts of about how many
/// bytes. One thread is the reference the parallel parse is tested against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub threads: usize,
    pub part_bytes: usize,
}

impl Split {
    /// One thread: the array is parsed item after item.
    pub const ONE_THREAD: Split = Split { threads: 1, part_bytes: usize::MAX };

    /// All cores, in parts of 256 KiB (about 250 events: small enough that a part is still
    /// in the cache when its items are checked).
    pub fn all_cores() -> Split {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(16);
        Split { threads, part_bytes: 1 << 18 }
    }
}

/// `parse_top_level`, with large arrays parsed as `split` says.
pub fn parse_top_level_split(
    text: &str,
    split: Split,
    on: &mut dyn FnMut(Top),
) -> Result<Result<usize, Spanned>, SyntaxError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, depth: 1 };
    p.ws();
    if p.s.get(p.i) != Some(&b'{') {
        let v = p.value()?;
        p.end()?;
        return Ok(Err(v));
    }
    let start = p.i;
    p.i += 1;
    p.ws();
    if p.s.get(p.i) == Some(&b'}') {
        p.i += 1;
        p.end()?;
        return Ok(Ok(start));
    }
    loop {
        p.ws();
        let (key, _) = p.key()?;
        if p.s.get(p.i) == Some(&b'[') {
            on(Top::ArrayStart(&key, p.i));
            p.items(&key, split, on)?;
        } else {
            let v = p.value()?;
            on(Top::Member(&key, v));
        }
        p.ws();
        if p.after_member()? {
            p.end()?;
            return Ok(Ok(start));
        }
    }
}

impl Parser<'_> {
    /// The items of the top-level array member `key` whose `[` is at the cursor, each handed to
    /// `on`; large arrays in parts on several threads, as `split` says.
    fn items(&mut self, key: &Key, split: Split, on: &mut dyn FnMut(Top)) -> Result<(), SyntaxError> {
        let open = self.i;
        self.i += 1;
        let parts = (split.threads > 1).then(|| self::split(self.s, open, split.part_bytes)).flatten();
        if let Some((starts, close)) = parts {
            self.i = parse_parts(self.text, &starts, close, split.threads, &mut |v| on(Top::Item(key, v)));
            if self.i > close {
                return Ok(());
            }
        } else {
            self.ws();
            if self.s.get(self.i) == Some(&b']') {
                self.i += 1;
                return Ok(());
            }
        }
        loop {
            self.ws();
            if self.s.get(self.i) == Some(&b']') {
                return Err(self.err("trailing comma before `]`; remove the last `,`".into()));
            }
            on(Top::Item(key, &self.value()?));
            self.ws();
            if self.after_item(b']')? {
                return Ok(());
            }
        }
    }
}

/// The start of each part of the array whose `[` is at `open` (each the first byte of an item,
/// parts at least `part_bytes` long), and the offset of the closing `]`. `None` when the array
/// is empty, unfinished, nested too deep or smaller than two parts: then it is read on one thread.
pub fn split(s: &[u8], open: usize, part_bytes: usize) -> Option<(Vec<usize>, usize)> {
    let mut i = skip_ws(s, open + 1);
    if matches!(s.get(i), None | Some(b']')) {
        return None;
    }
    let mut starts = vec![i];
    let mut depth = 0usize;
    while let Some(&b) = s.get(i) {
        match b {
            b'"' => {
                i += 1;
                loop {
                    i += memchr::memchr2(b'"', b'\\', s.get(i..)?)?;
                    if s[i] == b'"' {
                        break;
                    }
                    i += 2;
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth >= super::MAX_DEPTH {
                    return None;
                }
            }
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' => return (starts.len() > 1).then_some((starts, i)),
            b'}' => return None,
            b',' if depth == 0 => {
                let next = skip_ws(s, i + 1);
                if next - starts[starts.len() - 1] >= part_bytes && s.get(next) != Some(&b']') {
                    starts.push(next);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = s.get(i) {
        i += 1;
    }
    i
}

/// The items of one part, if its parse ends exactly at `to` (the next part's start, or for the
/// last part the closing `]`).
fn parse_part(text: &str, from: usize, to: usize, last: bool) -> Option<Vec<Spanned>> {
    let mut p = Parser { s: text.as_bytes(), text, i: from, depth: 1 };
    let mut items = Vec::new();
    loop {
        if p.s.get(p.i) == Some(&b']') {
            return None;
        }
        items.push(p.value().ok()?);
        p.ws();
        match p.s.get(p.i) {
            Some(b',') if p.i < to => {
                p.i += 1;
                p.ws();
                match p.i.cmp(&to) {
                    std::cmp::Ordering::Less => {}
                    std::cmp::Ordering::Equal if !last => return Some(items),
                    _ => return None,
                }
            }
            Some(b']') if last && p.i == to => return Some(items),
            _ => return None,
        }
    }
}

/// Parts parsed by the workers and not yet taken (with the worker that parsed each), and how
/// many have been taken.
#[derive(Default)]
struct Ready {
    taken: usize,
    parts: BTreeMap<usize, (usize, Option<Vec<Spanned>>)>,
}

/// Parts handed over, given back to the worker that parsed them to be freed there: memory is
/// freed by the thread that allocated it, which keeps the allocator's arenas apart (freeing
/// them all on the consuming thread made the parallel load slower than one thread).
type Returned = Vec<Mutex<Vec<Vec<Spanned>>>>;

/// Parses the parts that start at `starts` (the array closing at `close`) on `threads` workers
/// and hands their items to `on` in order, on this thread. Returns the offset where the
/// one-thread parse must go on: after the `]` if every part was accepted, else the start of the
/// first part that was not.
pub fn parse_parts(
    text: &str,
    starts: &[usize],
    close: usize,
    threads: usize,
    on: &mut dyn FnMut(&Spanned),
) -> usize {
    // Parsed parts waiting to be taken stay few, so memory stays bounded on any size.
    let window = threads * 2;
    let (next, stop) = (AtomicUsize::new(0), AtomicBool::new(false));
    let (ready, changed) = (Mutex::new(Ready::default()), Condvar::new());
    let bound = |k: usize| starts.get(k + 1).copied().unwrap_or(close);
    let returned: Returned = (0..threads).map(|_| Mutex::new(Vec::new())).collect();
    std::thread::scope(|scope| {
        for w in 0..threads {
            let (ready, changed, next, stop, returned) = (&ready, &changed, &next, &stop, &returned);
            scope.spawn(move || {
                loop {
                    free(&returned[w]);
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= starts.len() || !wait_for_room(ready, changed, stop, k, window) {
                        return free(&returned[w]);
                    }
                    let items = parse_part(text, starts[k], bound(k), k + 1 == starts.len());
                    if let Ok(mut r) = ready.lock() {
                        r.parts.insert(k, (w, items));
                    }
                    changed.notify_all();
                }
            });
        }
        let resume = take_in_order(&ready, &changed, &returned, starts.len(), on);
        stop.store(true, Ordering::Relaxed);
        changed.notify_all();
        resume.map_or(close + 1, |k| starts[k])
    })
}

/// Frees the parts given back to one worker.
fn free(returned: &Mutex<Vec<Vec<Spanned>>>) {
    let parts = returned.lock().map(|mut r| std::mem::take(&mut *r)).unwrap_or_default();
    drop(parts);
}

/// Waits until part `k` is within `window` parts of the next one to be taken; false to stop.
fn wait_for_room(
    ready: &Mutex<Ready>,
    changed: &Condvar,
    stop: &AtomicBool,
    k: usize,
    window: usize,
) -> bool {
    let Ok(mut r) = ready.lock() else { return false };
    while k >= r.taken + window && !stop.load(Ordering::Relaxed) {
        let Ok(next) = changed.wait(r) else { return false };
        r = next;
    }
    !stop.load(Ordering::Relaxed)
}

/// Takes the parts in order and hands over their items; the first part not accepted, if any.
fn take_in_order(
    ready: &Mutex<Ready>,
    changed: &Condvar,
    returned: &Returned,
    parts: usize,
    on: &mut dyn FnMut(&Spanned),
) -> Option<usize> {
    for k in 0..parts {
        let (worker, items) = {
            let Ok(mut r) = ready.lock() else { return Some(k) };
            loop {
                if let Some(part) = r.parts.remove(&k) {
                    r.taken = k + 1;
                    break part;
                }
                let Ok(next) = changed.wait(r) else { return Some(k) };
                r = next;
            }
        };
        changed.notify_all();
        let Some(items) = items else { return Some(k) };
        items.iter().for_each(&mut *on);
        if let Ok(mut r) = returned[worker].lock() {
            r.push(items);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items of the array at the top of `text`, parsed in parts of `part_bytes`, and where the
    /// one-thread parse would go on.
    fn in_parts(text: &str, part_bytes: usize) -> (Vec<Spanned>, Option<usize>) {
        let mut items = Vec::new();
        match split(text.as_bytes(), 0, part_bytes) {
            None => (items, None),
            Some((starts, close)) => {
                let resume = parse_parts(text, &starts, close, 3, &mut |v| items.push(v.clone()));
                (items, Some(resume))
            }
        }
    }

    #[test]
    fn parts_give_the_items_of_the_whole_parse() {
        let text = r#"[ {"a": "x,]}\"", "b": [1, {"c": 2}]}, "s\\", 3 ,[[]], {"d": "Lào"}, null ]"#;
        let whole = match super::super::parse(text).unwrap().value {
            super::super::Value::Array(items) => items,
            _ => unreachable!(),
        };
        for part_bytes in [1, 5, 20, 40] {
            let (items, resume) = in_parts(text, part_bytes);
            assert_eq!(items, whole, "parts of {part_bytes}");
            assert_eq!(resume, Some(text.len()), "parts of {part_bytes}");
        }
        assert!(split(text.as_bytes(), 0, 1000).is_none(), "one part is read on one thread");
    }

    #[test]
    fn unusual_arrays_are_left_to_one_thread() {
        for text in ["[]", "[ ]", "[1, 2", r#"[1, "2]"#, "[1, 2}", r#"[1, "\"]"#] {
            assert!(split(text.as_bytes(), 0, 1).is_none(), "{text}");
        }
    }

    #[test]
    fn the_first_part_not_accepted_is_where_one_thread_goes_on() {
        // Part starts: `1`, `x`, `3`, `4`; the part at `x` fails, so only `1` is handed over.
        let text = "[1, x, 3, 4]";
        let (items, resume) = in_parts(text, 1);
        assert_eq!(items.len(), 1);
        assert_eq!(resume, Some(4));
        // A trailing comma: the last part fails where the one-thread parse will report it.
        let text = "[1, 2, ]";
        let (starts, close) = split(text.as_bytes(), 0, 1).unwrap();
        assert_eq!((starts.as_slice(), close), (&[1usize, 4][..], 7));
        let (items, resume) = in_parts(text, 1);
        assert_eq!((items.len(), resume), (1, Some(4)));
    }
}
