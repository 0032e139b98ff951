//! The dependency rule of `src/lib.rs`, checked on the source: the layout
//! holds itself instead of relying on review.
//!
//! - only `src/store/` names `sled`;
//! - nothing outside `src/adapters/` (and the binary's `main.rs`) imports
//!   `adapters`;
//! - the store imports only the records it keeps and the backup format;
//! - pure modules import neither the store, `app`, nor an adapter;
//! - the adapters ask `App`, never the store;
//! - no cycle between the top-level modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// Every `.rs` file under `src/`, with its path relative to `src/`.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The source without comments (so a doc line naming a module is no import).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module a file belongs to (`engine/tasks.rs` → `engine`).
fn module_of(rel: &str) -> String {
    rel.split('/').next().unwrap().trim_end_matches(".rs").to_string()
}

/// The top-level modules a file refers to through `crate::…`.
fn uses(text: &str) -> BTreeSet<String> {
    let re = Regex::new(r"\bcrate::([a-z_]+)").unwrap();
    let braced = Regex::new(r"\bcrate::\{([^}]*)\}").unwrap();
    let mut out: BTreeSet<String> = re.captures_iter(text).map(|c| c[1].to_string()).collect();
    for c in braced.captures_iter(text) {
        for part in c[1].split(',') {
            let name = part.trim().split("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// The rule violations in a set of sources (so the test can also show that
/// a violation is caught).
fn violations(files: &[(String, String)]) -> Vec<String> {
    let sled = Regex::new(r"\bsled\b").unwrap();
    let adapters = Regex::new(r"\b(crate|seikyu_navi)::adapters\b").unwrap();
    let store_call = Regex::new(r"\.store\(\)").unwrap();
    // What the store may import: the records it keeps and the backup format.
    let store_may: BTreeSet<&str> = ["store", "model", "office_number", "dump", "reply"].into();
    let mut out = Vec::new();
    for (rel, text) in files {
        let text = code(text);
        let module = module_of(rel);
        if module != "store" && sled.is_match(&text) {
            out.push(format!("{rel} names sled (only src/store/ may)"));
        }
        if module != "adapters" && module != "main" && adapters.is_match(&text) {
            out.push(format!("{rel} imports the adapters (only src/adapters/ may)"));
        }
        let used = uses(&text);
        if module == "store" {
            for m in used.iter().filter(|m| !store_may.contains(m.as_str())) {
                out.push(format!("{rel} (the store) imports crate::{m}"));
            }
        }
        if !["store", "app", "adapters", "main", "lib"].contains(&module.as_str()) {
            for m in used.iter().filter(|m| ["store", "app"].contains(&m.as_str())) {
                out.push(format!("{rel} (pure) imports crate::{m}"));
            }
        }
        if module == "adapters" && store_call.is_match(&text) {
            out.push(format!("{rel} reaches into the store (ask App)"));
        }
    }
    if let Some(cycle) = cycle(files) {
        out.push(format!("module cycle: {}", cycle.join(" → ")));
    }
    out
}

/// A cycle in the graph of top-level modules, if there is one.
fn cycle(files: &[(String, String)]) -> Option<Vec<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        let module = module_of(rel);
        let used = uses(&code(text));
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(used.into_iter().filter(|m| *m != module));
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut c = path[i..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, &graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_source_keeps_the_dependency_rule() {
    let files = sources();
    assert!(files.iter().any(|(r, _)| r == "store/mod.rs"), "reads src/");
    let found = violations(&files);
    assert!(found.is_empty(), "dependency rule broken:\n{}", found.join("\n"));
}

#[test]
fn each_rule_catches_a_violation() {
    let files = sources();
    let with = |rel: &str, line: &str| {
        let mut f = files.clone();
        let entry = f.iter_mut().find(|(r, _)| r == rel).expect(rel);
        entry.1.push_str(line);
        violations(&f)
    };
    let cases = [
        ("engine/tasks.rs", "\nfn f(_: sled::Db) {}\n", "names sled"),
        (
            "staff.rs",
            "\nuse crate::adapters::render::plain_text;\n",
            "imports the adapters",
        ),
        (
            "store/mod.rs",
            "\nuse crate::engine::Ctx;\n",
            "(the store) imports crate::engine",
        ),
        ("faq.rs", "\nuse crate::store::Store;\n", "(pure) imports crate::store"),
        (
            "adapters/console.rs",
            "\nfn f(a: &App) { a.store(); }\n",
            "reaches into the store",
        ),
        ("playbook.rs", "\nuse crate::cards::bar;\n", "module cycle"),
    ];
    for (rel, line, expected) in cases {
        let found = with(rel, line);
        assert!(
            found.iter().any(|v| v.contains(expected)),
            "adding {line:?} to {rel} should be caught ({expected}); found {found:?}"
        );
    }
}
