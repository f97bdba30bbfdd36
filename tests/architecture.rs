//! The shape of the code, checked by parsing it: the imports between top-level modules follow the
//! layer table below (every module has a row, so a new module must be placed in it), and no file
//! or function grows past what a reader can hold in their head.
//!
//! Every file under `src/` is parsed with `syn`, test modules included: a `use`, a path in an
//! expression or a type, and the tokens of every macro call count (`crate::x`, `super::…` resolved
//! to the module it names, and `timeline::x` in the binary). The last tests plant wrong imports and
//! check that they are caught, so that the checker cannot quietly go blind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// What each top-level module may import, lowest layer first. `main` is the binary.
///
/// `input` names nothing: an `Action` is only the user's intent (workers' answers are
/// `app::Notice`s). `app` reaches the file system only through its `World` and `DataFile` traits,
/// so it names no `cache`; `ui` asks `app` for the export formats.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("tty", &[]),
    ("model", &["text"]),
    ("export", &["model", "text"]),
    ("search", &["model", "text"]),
    ("load", &["model", "text"]),
    ("cache", &["load", "search", "model", "text"]),
    ("scan", &["load", "model", "text"]),
    ("input", &[]),
    ("view", &["input", "search", "model", "text"]),
    ("app", &["view", "input", "search", "export", "model", "text"]),
    ("ui", &["app", "view", "input", "search", "model", "text"]),
    ("cli", &["cache", "load", "search", "export", "scan", "model", "text"]),
    ("tui", &["app", "ui", "input", "search", "cache", "load", "model", "text", "tty"]),
    (
        "main",
        &["tui", "cli", "app", "cache", "load", "scan", "search", "export", "model", "text", "tty", "view"],
    ),
];

/// A source file: its path and its module path (`["model", "date", "edtf"]`; `["main"]` for the
/// binary).
struct Source {
    path: PathBuf,
    module: Vec<String>,
}

fn sources() -> Vec<Source> {
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
        .filter_map(|path| {
            let rel = path.strip_prefix(&src).ok()?.with_extension("");
            let mut module: Vec<String> =
                rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            (module != ["lib"]).then_some(Source { path, module })
        })
        .collect()
}

/// The top-level modules a file names, found by walking its syntax tree.
struct Imports<'a> {
    /// The module path of the item being visited (grows inside inline `mod x { … }`).
    here: Vec<String>,
    /// The crate's own name as the file sees it: `crate`, or `timeline` in the binary.
    roots: &'a [&'a str],
    found: BTreeSet<String>,
}

impl Imports<'_> {
    /// Records the top-level module a path names, given as its segments.
    fn path(&mut self, segments: &[String]) {
        let Some(first) = segments.first() else { return };
        if self.roots.contains(&first.as_str()) {
            if let Some(top) = segments.get(1) {
                self.found.insert(top.clone());
            }
        } else if first == "super" {
            let ups = segments.iter().take_while(|s| *s == "super").count();
            let mut at = self.here.clone();
            at.truncate(at.len().saturating_sub(ups));
            let top = at.first().cloned().or_else(|| segments.get(ups).cloned());
            self.found.extend(top);
        }
    }

    /// Paths inside macro calls are tokens, not syntax: look for `root :: name`.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) => {
                    let name = id.to_string();
                    if !(self.roots.contains(&name.as_str()) || name == "super") {
                        continue;
                    }
                    let mut segments = vec![name];
                    let mut j = i + 1;
                    while let (
                        Some(TokenTree::Punct(a)),
                        Some(TokenTree::Punct(b)),
                        Some(TokenTree::Ident(n)),
                    ) = (trees.get(j), trees.get(j + 1), trees.get(j + 2))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(n.to_string());
                        j += 3;
                    }
                    if segments.len() > 1 {
                        self.path(&segments);
                    }
                }
                _ => {}
            }
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.leaf(prefix, n.ident.to_string()),
            syn::UseTree::Rename(r) => self.leaf(prefix, r.ident.to_string()),
            syn::UseTree::Glob(_) => self.leaf(prefix, "*".to_string()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    fn leaf(&mut self, prefix: &[String], last: String) {
        let mut segments = prefix.to_vec();
        segments.push(last);
        self.path(&segments);
    }
}

impl<'ast> Visit<'ast> for Imports<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.here.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.here.pop();
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.path(&segments);
        syn::visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }
    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if let syn::Meta::List(list) = &a.meta {
            self.tokens(list.tokens.clone());
        }
        syn::visit::visit_attribute(self, a);
    }
}

/// The top-level modules that the code of one file (tests and macros included) names, other than
/// its own.
fn imports_of(text: &str, module: &[String]) -> Result<BTreeSet<String>, syn::Error> {
    let file = syn::parse_file(text)?;
    let roots: &[&str] = if module == ["main"] { &["timeline"] } else { &["crate"] };
    let mut v = Imports { here: module.to_vec(), roots, found: BTreeSet::new() };
    v.visit_file(&file);
    let known: BTreeSet<&str> = LAYERS.iter().map(|(m, _)| *m).collect();
    Ok(v.found.into_iter().filter(|m| *m != module[0] && known.contains(m.as_str())).collect())
}

/// Every layer violation in the tree, as `file: module imports other`.
fn violations(files: &[(PathBuf, Vec<String>, String)]) -> Vec<String> {
    let table: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut problems = Vec::new();
    for (path, module, text) in files {
        let Some(allowed) = table.get(module[0].as_str()) else {
            problems.push(format!("{}: module `{}` has no row in LAYERS", path.display(), module[0]));
            continue;
        };
        match imports_of(text, module) {
            Err(e) => problems.push(format!("{}: does not parse: {e}", path.display())),
            Ok(found) => {
                for m in found.iter().filter(|m| !allowed.contains(&m.as_str())) {
                    problems.push(format!("{}: `{}` imports `{m}`", path.display(), module[0]));
                }
            }
        }
    }
    problems
}

fn tree() -> Vec<(PathBuf, Vec<String>, String)> {
    sources()
        .into_iter()
        .map(|s| {
            let text = std::fs::read_to_string(&s.path).expect("a source file");
            (s.path, s.module, text)
        })
        .collect()
}

#[test]
fn the_layers_import_only_what_their_row_allows() {
    let files = tree();
    assert!(files.len() > 50, "the tree was read: {} files", files.len());
    let problems = violations(&files);
    assert!(problems.is_empty(), "layer violations:\n{}", problems.join("\n"));
    // The table is a real one-way order: each row names only rows above it.
    for (i, (module, allowed)) in LAYERS.iter().enumerate() {
        for a in *allowed {
            let at = LAYERS.iter().position(|(m, _)| m == a);
            assert!(at.is_some_and(|at| at < i), "`{module}` may import `{a}`, which is not below it");
        }
    }
}

#[test]
fn every_module_of_the_library_has_a_row() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let file = syn::parse_file(&lib).expect("lib.rs parses");
    let declared: BTreeSet<String> = file
        .items
        .iter()
        .filter_map(|i| if let syn::Item::Mod(m) = i { Some(m.ident.to_string()) } else { None })
        .collect();
    let rows: BTreeSet<String> = LAYERS.iter().map(|(m, _)| m.to_string()).filter(|m| m != "main").collect();
    assert_eq!(declared, rows, "src/lib.rs's modules and the rows of LAYERS");
}

/// A planted import in the places the old text search missed is caught.
#[test]
fn planted_wrong_imports_are_caught() {
    let model =
        |text: &str| (PathBuf::from("src/model/date.rs"), vec!["model".into(), "date".into()], text.into());
    let cases = [
        "#[cfg(test)]\nmod tests { use crate::app::App; }",
        "fn f() { let _ = crate::ui::draw; }",
        "fn f() { let _ = format!(\"{}\", crate::search::VERSION); }",
        "use crate::{text, app::update};",
        "fn f() -> crate::tui::Terminal { todo!() }",
        "mod inner { fn f() { super::super::super::load::load(); } }",
    ];
    for case in cases {
        assert_eq!(violations(&[model(case)]).len(), 1, "not caught: {case}");
    }
    // What the row allows passes, and `super` inside the module stays inside it.
    assert!(
        violations(&[model("use crate::text::fold; use super::edtf; fn f() { super::show(); }")]).is_empty()
    );
    let new = (PathBuf::from("src/plugins.rs"), vec!["plugins".into()], String::new());
    assert_eq!(violations(&[new]).len(), 1, "a module without a row");
    let bin = (PathBuf::from("src/main.rs"), vec!["main".into()], "use timeline::ui::draw;".into());
    assert_eq!(violations(&[bin]).len(), 1, "main imports ui only through tui");
}

/// Lines of a file outside its `#[cfg(test)]` items, and each function's length, from the syntax
/// tree's spans.
#[test]
fn files_and_functions_stay_small() {
    const MAX_FILE: usize = 450;
    const MAX_FN: usize = 60;
    let mut problems = Vec::new();
    for (path, _, text) in tree() {
        let file = syn::parse_file(&text).expect("parses");
        let is_test = |attrs: &[syn::Attribute]| attrs.iter().any(is_cfg_test);
        let test_lines: usize = file
            .items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Mod(m) if is_test(&m.attrs) => Some(span_lines(m)),
                syn::Item::Fn(f) if is_test(&f.attrs) => Some(span_lines(f)),
                _ => None,
            })
            .sum();
        let lines = text.lines().count().saturating_sub(test_lines);
        let test_file = path.to_string_lossy().ends_with("tests.rs");
        if lines > MAX_FILE && !test_file {
            problems.push(format!("{}: {lines} lines of code (most {MAX_FILE})", path.display()));
        }
        let mut fns = Functions { test: test_file, long: Vec::new(), max: MAX_FN };
        fns.visit_file(&file);
        for (line, len) in fns.long {
            problems.push(format!("{}:{line}: a function of {len} lines", path.display()));
        }
    }
    assert!(problems.is_empty(), "too big:\n{}", problems.join("\n"));
}

/// `#[cfg(test)]`, or any `cfg` that mentions `test`.
fn is_cfg_test(a: &syn::Attribute) -> bool {
    a.path().is_ident("cfg") && matches!(&a.meta, syn::Meta::List(l) if l.tokens.to_string().contains("test"))
}

fn span_lines(node: &impl syn::spanned::Spanned) -> usize {
    let span = node.span();
    span.end().line + 1 - span.start().line
}

/// Functions longer than `max` lines outside test code: (first line, length).
struct Functions {
    test: bool,
    long: Vec<(usize, usize)>,
    max: usize,
}

impl Functions {
    fn check(&mut self, node: &impl syn::spanned::Spanned) {
        let len = span_lines(node);
        if !self.test && len > self.max {
            self.long.push((node.span().start().line, len));
        }
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let was = self.test;
        self.test |= m.attrs.iter().any(is_cfg_test);
        syn::visit::visit_item_mod(self, m);
        self.test = was;
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.check(f);
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.check(f);
        syn::visit::visit_impl_item_fn(self, f);
    }
}
