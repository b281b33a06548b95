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

/// Where each name re-exported by `lib.rs` comes from: its folder, and
/// the module of that folder (`input::survey::scale::Scale`: `input`,
/// `survey`).
fn reexports(lib: &str) -> HashMap<String, (String, String)> {
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
        let module = path[folder.len()..]
            .strip_prefix("::")
            .map_or("", |rest| identifier(rest.trim_start()));
        let names: Vec<&str> = match path.find('{') {
            Some(open) => path[open + 1..path.rfind('}').unwrap_or(path.len())]
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect(),
            None => vec![path.rsplit("::").next().unwrap_or(path)],
        };
        for name in names {
            map.insert(name.to_owned(), (folder.to_owned(), module.to_owned()));
        }
    }
    map
}

/// The folder a path names, if it names one of the crate's.
fn folder_of(
    path: &[String],
    names: &HashMap<String, (String, String)>,
) -> Result<Option<String>, String> {
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
        Some((folder, _)) => Ok(Some(folder.clone())),
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

/// The modules of `input/` that `text`, the code of a file of `input/`
/// `depth` folders down (1: directly in it), names: through
/// `crate::input::NAME`, a `crate::{…}` group, a name `lib.rs` re-exports
/// from `input/`, or `super::` paths, resolved by the file's depth.
fn input_modules_named(
    text: &str,
    depth: usize,
    names: &HashMap<String, (String, String)>,
) -> Vec<String> {
    // `super` is the file's folder as a module: `crate::input` directly in
    // `input/`, `crate::input::survey` in `survey/`; each `super::` more
    // goes a folder up.
    let mut text = text.to_owned();
    for ups in (1..=depth + 1).rev() {
        let supers = "super::".repeat(ups);
        let to = match depth + 1 - ups {
            0 => "crate::".to_owned(),
            1 => "crate::input::".to_owned(),
            _ => "crate::input::survey::".to_owned(),
        };
        text = text.replace(&supers, &to);
    }
    paths(&text)
        .into_iter()
        .filter_map(|path| match path.first().map(String::as_str) {
            Some("input") => path.get(1).cloned(),
            Some(name) => names
                .get(name)
                .filter(|(folder, _)| folder == "input")
                .map(|(_, module)| module.clone()),
            None => None,
        })
        .collect()
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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let names = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let input = src.join("input");
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for file in rust_files(&input) {
        let relative = file.strip_prefix(&input).unwrap();
        // A folder's `mod.rs` is the folder's own module, a level up.
        let depth = relative.iter().count() - usize::from(file.ends_with("mod.rs"));
        let first = relative.iter().next().unwrap().to_string_lossy();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "mod" {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).unwrap());
        let to = edges.entry(module.clone()).or_default();
        for named in input_modules_named(&text, depth, &names) {
            if named != module && !to.contains(&named) {
                to.push(named);
            }
        }
    }
    // Only modules count: `super::Rating` in a file's own tests names an
    // item of the file, not a module of the folder.
    let modules: Vec<String> = edges.keys().cloned().collect();
    for to in edges.values_mut() {
        to.retain(|named| modules.contains(named));
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
fn the_scan_of_input_reads_every_way_of_naming_a_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reexported = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let scan = |text: &str, depth| input_modules_named(text, depth, &reexported);
    // From a file directly in `input/`: a path, `super::`, and a
    // `super::super::` that leaves the folder.
    assert_eq!(
        scan(
            "use crate::input::plan::Action; super::survey::x(); super::super::y",
            1
        ),
        ["plan", "survey"]
    );
    // From a file of `survey/`: its own folder through `super::`, the
    // folder above through `super::super::`.
    assert_eq!(
        scan(
            "use super::sheet; crate::input::plan::A; super::super::tally::T",
            2
        ),
        ["survey", "plan", "tally"]
    );
    // Groups, and names the crate's root re-exports from `input/`.
    assert_eq!(
        scan(
            "use crate::input::{survey::sheet, rating};\nuse crate::{input::partners::Trust, SurveyTemplate, Level};",
            1
        ),
        ["survey", "rating", "partners", "survey"]
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
    let names: HashMap<String, (String, String)> = [
        ("Level", "concepts", "level"),
        ("Voices", "analysis", "voices"),
    ]
    .into_iter()
    .map(|(a, b, c)| (a.to_owned(), (b.to_owned(), c.to_owned())))
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
