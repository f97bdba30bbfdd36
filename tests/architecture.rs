//! The shape of the code, checked: the imports between top-level modules form a one-way graph
//! that reads as the README's arrows do, and no file or function grows past what a reader can
//! hold in their head.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Source files under `src/`, with their top-level module (`app`, `ui`, … or `main`).
fn sources() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).ok()?.to_path_buf();
            let first = rel.components().next()?.as_os_str().to_str()?.trim_end_matches(".rs").to_string();
            // Test modules in files of their own (`tests.rs`) are tests, not the program's shape.
            let is_test = p.file_name().is_some_and(|n| n == "tests.rs");
            (first != "lib" && !is_test).then_some((first, p))
        })
        .collect()
}

/// The code of a file without its test modules (`#[cfg(test)]` and what follows it).
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// The top-level modules of the library.
fn modules() -> BTreeSet<String> {
    sources().into_iter().map(|(m, _)| m).filter(|m| m != "main").collect()
}

/// Top-level module → the top-level modules its code names through `crate::` (or `timeline::`
/// in the binary).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let known = modules();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in sources() {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let deps = g.entry(module.clone()).or_default();
        for prefix in ["crate::", "timeline::"] {
            for (i, _) in code(&text).match_indices(prefix) {
                let rest = &text[i + prefix.len()..];
                let name: String =
                    rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if name != module && known.contains(&name) {
                    deps.insert(name);
                }
            }
        }
        // `crate::{a, b}` groups.
        for (i, _) in code(&text).match_indices("crate::{") {
            let rest = &text[i + 8..];
            let group = &rest[..rest.find('}').unwrap_or(0)];
            for part in group.split(',') {
                let name = part.trim().split("::").next().unwrap_or("").to_string();
                if name != module && known.contains(&name) {
                    deps.insert(name);
                }
            }
        }
    }
    g
}

#[test]
fn top_level_modules_form_a_dag() {
    let g = graph();
    // Depth-first search for a cycle.
    fn visit<'a>(
        n: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Result<(), String> {
        if let Some(i) = path.iter().position(|p| *p == n) {
            return Err(format!("import cycle: {} -> {n}", path[i..].join(" -> ")));
        }
        if !done.insert(n) {
            return Ok(());
        }
        path.push(n);
        for d in g.get(n).into_iter().flatten() {
            visit(d, g, path, done)?;
        }
        path.pop();
        Ok(())
    }
    let mut done = BTreeSet::new();
    for n in g.keys() {
        if let Err(e) = visit(n, &g, &mut Vec::new(), &mut BTreeSet::new()) {
            panic!("{e}\nthe graph: {g:#?}");
        }
        done.insert(n.as_str());
    }
}

#[test]
fn the_layers_import_only_downwards() {
    let g = graph();
    let deps = |m: &str| g.get(m).cloned().unwrap_or_default();
    let forbidden: &[(&str, &[&str])] = &[
        ("text", &["model", "load", "search", "input", "view", "app", "ui", "tui", "cli"]),
        ("model", &["load", "search", "input", "view", "app", "ui", "tui", "cli"]),
        ("load", &["search", "input", "view", "app", "ui", "tui", "cli"]),
        ("search", &["load", "input", "view", "app", "ui", "tui", "cli"]),
        ("input", &["view", "app", "ui", "tui", "cli", "load"]),
        ("view", &["app", "ui", "tui", "cli", "load"]),
        ("app", &["ui", "tui", "cli", "load"]),
        ("ui", &["tui", "cli", "load"]),
        ("cli", &["input", "view", "app", "ui", "tui"]),
    ];
    for (module, never) in forbidden {
        let bad: Vec<&&str> = never.iter().filter(|n| deps(module).contains(**n)).collect();
        assert!(bad.is_empty(), "`{module}` must not import {bad:?}; it imports {:?}", deps(module));
    }
    assert!(g.contains_key("text") && g.contains_key("view"), "the graph was read: {g:?}");
    assert!(deps("app").contains("view") && deps("ui").contains("app"), "the graph was read: {g:?}");
}

#[test]
fn files_and_functions_stay_small() {
    const MAX_FILE: usize = 450;
    const MAX_FN: usize = 60;
    let mut problems = Vec::new();
    for (_, path) in sources() {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let code = code(&text);
        let lines: Vec<&str> = code.lines().collect();
        if lines.len() > MAX_FILE {
            problems.push(format!("{}: {} lines of code (most {MAX_FILE})", path.display(), lines.len()));
        }
        // A function starts at a line with `fn ` and ends at the first line, at its indentation,
        // that closes it.
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn ", "const fn ", "pub const fn "]
                .iter()
                .any(|p| t.starts_with(p));
            if !is_fn || t.ends_with(';') {
                continue;
            }
            let indent = line.len() - t.len();
            let close = " ".repeat(indent) + "}";
            let end = lines[i..].iter().position(|l| l.starts_with(&close) && l.trim() == "}");
            if let Some(len) = end.filter(|len| len + 1 > MAX_FN) {
                problems.push(format!("{}:{}: a function of {} lines", path.display(), i + 1, len + 1));
            }
        }
    }
    assert!(problems.is_empty(), "too big:\n{}", problems.join("\n"));
}
