//! The README is the repository's front page and the documentation modules
//! are the crate's pages on docs.rs: the README stays short and starts with
//! the two commands a new user runs, and no link in either leads nowhere.
//! rustdoc checks the links to items; these tests check the links to files,
//! which it does not.

use std::path::Path;

use crate::support;

/// Where the repository is published; links to its files from the pages on
/// docs.rs are absolute, under one of these.
const REPOSITORY: [&str; 3] = [
    "https://github.com/interagency-rs/interagency/blob/main/",
    "https://github.com/interagency-rs/interagency/tree/main/",
    "https://raw.githubusercontent.com/interagency-rs/interagency/main/",
];

/// Where the crate's pages are on docs.rs.
const DOCS_RS: &str = "https://docs.rs/interagency/latest/interagency/";

/// The targets of a Markdown text's links and images (inline, reference
/// definitions and HTML `href`/`src`), outside code blocks and code spans.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans removed: what a span holds is code, not a link.
        let text: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect();
        if let Some(rest) = text.strip_prefix('[')
            && let Some((_, target)) = rest.split_once("]:")
        {
            found.extend(target.split_whitespace().next().map(str::to_owned));
            continue;
        }
        let mut rest = text.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            found.extend(after[..end].split_whitespace().next().map(str::to_owned));
            rest = &after[end..];
        }
        for attribute in ["href=\"", "src=\""] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(attribute) {
                let after = &rest[at + attribute.len()..];
                let end = after.find('"').unwrap_or(after.len());
                found.push(after[..end].to_owned());
                rest = &after[end..];
            }
        }
    }
    found
}

fn is_absolute(target: &str) -> bool {
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| target.starts_with(scheme))
}

/// A link to a file or folder by a relative path: not a URL, not an anchor
/// on the same page, and not an item path for rustdoc (`crate::Rubric`,
/// `Assessment::voices`), which never holds a `/` or a `.`.
fn is_relative_file(target: &str) -> bool {
    let path = target.split('#').next().unwrap_or(target);
    !is_absolute(target) && !path.is_empty() && (path.contains('/') || path.contains('.'))
}

fn exists(path: &str) -> bool {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path).exists()
}

/// The documentation modules' pages, with the file names rustdoc includes.
fn pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/_documentation");
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| Path::new(name).extension().is_some_and(|ext| ext == "md"))
        .map(|name| format!("src/_documentation/{name}"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn links_are_found_outside_code() {
    let text = "See [a](b.md \"title\") and `x[0](y)`, [`c`](crate::C#anchor).\n\
                ```rust\n[d](e/f)\n```\n\
                [r]: g/h\n<img src=\"i.svg\"> ![alt](j/k.svg)\n";
    assert_eq!(
        links(text),
        ["b.md", "crate::C#anchor", "g/h", "j/k.svg", "i.svg"]
    );
    assert!(is_relative_file("docs/chart.svg"));
    assert!(is_relative_file("CONTRIBUTING.md#tests"));
    assert!(!is_relative_file("crate::_documentation::method#the-mean"));
    assert!(!is_relative_file("#the-privacy-rule"));
    assert!(!is_relative_file("https://docs.rs/askama"));
}

#[test]
fn the_readme_is_a_front_page() {
    let readme = support::read("README.md");
    let lines = readme.lines().count();
    assert!(lines <= 300, "README.md has {lines} lines; at most 300");

    // The title, then the two commands that work in a plain clone.
    let mut start = readme.lines().filter(|line| !line.trim().is_empty());
    assert_eq!(start.next(), Some("# interagency"));
    assert_eq!(start.next(), Some("```sh"));
    let assess = start.next().unwrap_or_default();
    let file = assess
        .strip_prefix("cargo run --example assess -- examples/data/")
        .unwrap_or_else(|| panic!("the first command is not the assess example: {assess}"));
    assert!(
        Path::new(file).extension().is_some_and(|ext| ext == "json")
            && !file.contains(' ')
            && exists(&format!("examples/data/{file}")),
        "the first command's file is not an example assessment: {file}"
    );
    assert_eq!(start.next(), Some("cargo test"));
    assert_eq!(start.next(), Some("```"));
}

#[test]
fn the_readme_links_to_files_that_exist() {
    let readme = support::read("README.md");
    let mut broken = Vec::new();
    for target in links(&readme) {
        let path = target.split('#').next().unwrap_or(&target);
        if !is_absolute(&target) && !path.is_empty() && !exists(path) {
            broken.push(target.clone());
        }
        // A guide on docs.rs is a page of the crate's documentation modules.
        if let Some(page) = target
            .strip_prefix(DOCS_RS)
            .and_then(|rest| rest.strip_prefix("_documentation/"))
            .and_then(|rest| rest.split('/').next())
            && !exists(&format!("src/_documentation/{page}.md"))
        {
            broken.push(target.clone());
        }
    }
    assert!(
        broken.is_empty(),
        "README.md links to nothing at {broken:?}"
    );
}

#[test]
fn the_documentation_pages_link_to_no_file_by_a_relative_path() {
    // A relative path breaks on docs.rs, which holds no file of the
    // repository: a page links to items through rustdoc and to files
    // through the repository's address.
    let pages = pages();
    assert!(pages.iter().any(|page| page.ends_with("/method.md")));
    let mut broken = Vec::new();
    for page in &pages {
        for target in links(&support::read(page)) {
            if is_relative_file(&target) {
                broken.push(format!("{page}: {target} (a relative path)"));
            }
            let path = REPOSITORY
                .iter()
                .find_map(|base| target.strip_prefix(base))
                .map(|path| path.split('#').next().unwrap_or(path));
            if path.is_some_and(|path| !exists(path.trim_end_matches('/'))) {
                broken.push(format!("{page}: {target} (no such file)"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_crate_documentation_links_to_no_file_by_a_relative_path() {
    let lib = support::read("src/lib.rs");
    let included = lib
        .lines()
        .find_map(|line| line.strip_prefix("#![doc = include_str!(\""))
        .and_then(|rest| rest.split_once('"'))
        .map(|(path, _)| path)
        .expect("lib.rs takes its crate documentation from a file");
    let docs = support::read(&format!("src/{included}"));
    let relative: Vec<String> = links(&docs)
        .into_iter()
        .filter(|target| is_relative_file(target))
        .collect();
    assert!(
        relative.is_empty(),
        "the crate documentation (src/{included}) links by relative paths, \
         which break on docs.rs: {relative:?}"
    );
}
