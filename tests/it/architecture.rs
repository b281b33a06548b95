//! The crate's folders follow its pipeline, and imports run one way down
//! it: a folder uses only the folders below it.
//!
//! `foundation <- concepts <- error <- rubric <- input <- analysis <- render`
//!
//! The test reads every `crate::…` path in the library's code (root
//! re-exports are traced back to the folder they come from, through
//! `lib.rs`) and fails on any that names a folder above the file's own.

use std::collections::HashMap;
use std::path::Path;

/// The folders, lowest first.
const LAYERS: [&str; 7] = [
    "foundation",
    "concepts",
    "error",
    "rubric",
    "input",
    "analysis",
    "render",
];

/// The modules `lib.rs` declares inline to gather re-exports.
const GATHERING: [&str; 4] = ["report", "catalogue", "set", "schema"];

/// The Rust files in `folder` and the folders inside it.
fn rust_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn rank(folder: &str) -> Option<usize> {
    LAYERS.iter().position(|&l| l == folder)
}

/// Code without comments (doc comments included).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string is rare in this crate's code; the
            // paths we look for are never after one.
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The paths named after each `crate::` in `text`, as lists of segments
/// (only as many as needed: two at most). A `crate::{a::b, C}` group gives
/// one path per member.
fn paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        out.extend(group_paths(rest));
    }
    out
}

/// The paths at the start of `text`: one path, or a `{…}` group of them.
fn group_paths(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start();
    if let Some(inner) = text.strip_prefix('{') {
        // The members at depth one, split at commas.
        let mut members = Vec::new();
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    members.push(&inner[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    members.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return members
            .into_iter()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .flat_map(group_paths)
            .collect();
    }
    let first = identifier(text);
    if first.is_empty() {
        return Vec::new();
    }
    let mut path = vec![first.to_owned()];
    if let Some(after) = text[first.len()..].strip_prefix("::") {
        let second = identifier(after.trim_start());
        if second.is_empty() {
            // `a::{…}`: the module alone decides the layer, unless it
            // gathers re-exports, when each member does.
            return group_paths(after)
                .into_iter()
                .map(|mut p| {
                    p.insert(0, first.to_owned());
                    p
                })
                .collect();
        }
        path.push(second.to_owned());
    }
    vec![path]
}

/// The folder each name re-exported by `lib.rs` comes from.
fn reexports(lib: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for statement in code(lib).split(';') {
        let Some(i) = statement.find("pub use ") else {
            continue;
        };
        let path = statement[i + "pub use ".len()..].trim();
        let path = path.strip_prefix("crate::").unwrap_or(path);
        let folder = identifier(path);
        if rank(folder).is_none() {
            continue;
        }
        for p in group_paths(path) {
            // The last segment of each path is the name; group_paths keeps
            // two segments, so take the name from the statement itself.
            let _ = p;
        }
        let names: Vec<&str> = match path.find('{') {
            Some(open) => path[open + 1..path.rfind('}').unwrap_or(path.len())]
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect(),
            None => vec![path.rsplit("::").next().unwrap_or(path)],
        };
        for name in names {
            map.insert(name.to_owned(), folder.to_owned());
        }
    }
    map
}

/// The folder a path names, if it names one of the crate's.
fn folder_of(path: &[String], names: &HashMap<String, String>) -> Result<Option<String>, String> {
    let first = path[0].as_str();
    if rank(first).is_some() {
        return Ok(Some(first.to_owned()));
    }
    if first == "_documentation" {
        return Ok(None);
    }
    let name = if GATHERING.contains(&first) {
        match path.get(1) {
            Some(name) => name.as_str(),
            None => return Err(format!("`crate::{first}` names no item")),
        }
    } else {
        first
    };
    match names.get(name) {
        Some(folder) => Ok(Some(folder.clone())),
        None => Err(format!(
            "`{}` is not re-exported by lib.rs",
            path.join("::")
        )),
    }
}

#[test]
fn imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let names = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    assert!(names.contains_key("Assessment") && names.contains_key("Source"));
    let mut wrong = Vec::new();
    let mut scanned = Vec::new();
    for layer in LAYERS {
        let mut files = rust_files(&src.join(layer));
        files.sort();
        for file in files {
            scanned.push(file.clone());
            let text = code(&std::fs::read_to_string(&file).unwrap());
            for path in paths(&text) {
                match folder_of(&path, &names) {
                    Ok(Some(folder)) if rank(&folder) > rank(layer) => wrong.push(format!(
                        "{}: crate::{} is in {folder}/, above {layer}/",
                        file.strip_prefix(&src).unwrap().display(),
                        path.join("::")
                    )),
                    Ok(_) => {}
                    Err(e) => wrong.push(format!(
                        "{}: {e}",
                        file.strip_prefix(&src).unwrap().display()
                    )),
                }
            }
        }
    }
    // Files in folders inside a layer are read too.
    assert!(scanned.iter().any(|f| f.ends_with("survey/template.rs")));
    assert!(
        wrong.is_empty(),
        "imports that run up the pipeline:\n{}",
        wrong.join("\n")
    );
}

/// The modules of `input/` that `text` (the code of a file of `input/`)
/// names: `crate::input::NAME`, and `super::NAME` from a file directly in
/// `input/`.
fn input_modules_named(text: &str, directly_in_input: bool) -> Vec<String> {
    // `super::super::` from a file of `input/` leaves the layer.
    let text = text.replace("super::super::", "");
    let mut named = Vec::new();
    let prefixes: &[&str] = if directly_in_input {
        &["crate::input::", "super::"]
    } else {
        &["crate::input::"]
    };
    for prefix in prefixes {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end > 0 {
                named.push(rest[..end].to_owned());
            }
        }
    }
    named
}

/// A circle through `module` or a module it reaches, depth first: `path`
/// is the way from where the search began, `done` the modules cleared.
fn first_circle(
    module: &str,
    edges: &HashMap<String, Vec<String>>,
    path: &mut Vec<String>,
    done: &mut Vec<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == module) {
        let mut circle = path[at..].to_vec();
        circle.push(module.to_owned());
        return Some(circle);
    }
    if done.iter().any(|m| m == module) {
        return None;
    }
    path.push(module.to_owned());
    for next in edges.get(module).into_iter().flatten() {
        if let Some(circle) = first_circle(next, edges, path, done) {
            return Some(circle);
        }
    }
    path.pop();
    done.push(module.to_owned());
    None
}

#[test]
fn the_modules_of_input_import_each_other_one_way() {
    // Reading sits in one place, the types it builds below it: no two
    // modules of `input/` (a file, or the `survey/` folder as one) name each
    // other, directly or through others.
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/input");
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for file in rust_files(&input) {
        let relative = file.strip_prefix(&input).unwrap();
        let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
        let first = parts.next().unwrap();
        let directly = parts.next().is_none();
        let module = if directly {
            first.trim_end_matches(".rs").to_owned()
        } else {
            first
        };
        if module == "mod" {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        let to = edges.entry(module.clone()).or_default();
        for named in input_modules_named(&text, directly) {
            if named != module && !to.contains(&named) {
                to.push(named);
            }
        }
    }
    assert!(edges["plan_read"].contains(&"plan".to_owned()), "{edges:?}");
    assert!(
        edges["survey"].contains(&"assessment".to_owned()),
        "{edges:?}"
    );
    let mut done = Vec::new();
    let mut modules: Vec<&String> = edges.keys().collect();
    modules.sort();
    for module in modules {
        let circle = first_circle(module, &edges, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "a circle of imports: {}",
            circle.unwrap().join(" -> ")
        );
    }
}

#[test]
fn the_scan_of_input_reads_both_ways_of_naming_a_module() {
    assert_eq!(
        input_modules_named(
            "use crate::input::plan::Action; super::survey::x(); super::super::y",
            true
        ),
        ["plan", "survey"]
    );
    assert_eq!(
        input_modules_named("use super::sheet; crate::input::plan::A", false),
        ["plan"]
    );
}

#[test]
fn a_circle_of_modules_is_found_and_named() {
    let graph = |edges: &[(&str, &str)]| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (from, to) in edges {
            map.entry((*from).to_owned())
                .or_default()
                .push((*to).to_owned());
        }
        map
    };
    let one_way = graph(&[("read", "plan"), ("read", "survey"), ("survey", "plan")]);
    assert_eq!(
        first_circle("read", &one_way, &mut Vec::new(), &mut Vec::new()),
        None
    );
    let circle = graph(&[("read", "plan"), ("plan", "survey"), ("survey", "plan")]);
    assert_eq!(
        first_circle("read", &circle, &mut Vec::new(), &mut Vec::new()),
        Some(vec![
            "plan".to_owned(),
            "survey".to_owned(),
            "plan".to_owned()
        ])
    );
}

#[test]
fn the_scan_sees_what_it_must() {
    let names: HashMap<String, String> = [("Level", "concepts"), ("Voices", "analysis")]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    let found = paths(
        "use crate::{Level, analysis::voices::Voices};\n\
         let x = crate::render::view::band_word(b); $crate::report::Voices",
    );
    let folders: Vec<_> = found
        .iter()
        .map(|p| folder_of(p, &names).unwrap().unwrap())
        .collect();
    assert_eq!(folders, ["concepts", "analysis", "render", "analysis"]);
    assert!(paths("// use crate::render::view;").len() == 1);
    assert!(paths(&code("// use crate::render::view;")).is_empty());
}
