//! Body templates: minijinja over the markup, strict about undefined names.
//!
//! Every value printed by `{{ … }}` is escaped for the markup, so data is printed as written and never
//! turns into bold, italics or anything else.

pub mod views;

use std::path::{Path, PathBuf};

use minijinja::value::Value;
use minijinja::{path_loader, Environment, UndefinedBehavior};

use crate::error::Error;
use crate::markup;

/// `text` as a template that prints it as written: whatever would open a tag, an expression or a
/// comment (`{{`, `{%`, `{#`) printed from a string instead.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('{', Some(&next)) if ['{', '%', '#'].contains(&next) => {
                chars.next();
                out.push_str(&format!("{{{{ \"{{{next}\" }}}}"));
            }
            _ => out.push(c),
        }
    }
    out
}

/// Renders the template `name`, found in `dir`, with `context`.
pub fn render(dir: &Path, name: &str, context: Value) -> Result<String, Error> {
    render_given(dir, name, None, context)
}

/// As [`render`], with the template's text given (`source`) instead of read from `dir/name`; the
/// templates it includes are still read from `dir`.
pub fn render_given(
    dir: &Path,
    name: &str,
    source: Option<&str>,
    context: Value,
) -> Result<String, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_loader(path_loader(dir));
    env.set_keep_trailing_newline(true);
    env.set_formatter(|out, _state, value| {
        let text = value.to_string();
        if value.is_safe() {
            out.write_str(&text)
        } else {
            out.write_str(&markup::escape(&text))
        }
        .map_err(minijinja::Error::from)
    });
    let located = |e: minijinja::Error| {
        let file = e.name().map_or_else(|| dir.join(name), |n| dir.join(n));
        template_error(file, &e)
    };
    if let Some(source) = source {
        env.add_template_owned(name.to_owned(), source.to_owned())
            .map_err(located)?;
    }
    let template = env.get_template(name).map_err(|e| {
        if e.kind() == minijinja::ErrorKind::TemplateNotFound && e.name().is_none() {
            let missing = std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the body template does not exist",
            );
            Error::Io {
                path: dir.join(name),
                source: missing,
            }
        } else {
            located(e)
        }
    })?;
    template.render(&context).map_err(|e| {
        let mut error = located(e);
        if let Error::Template { message, .. } = &mut error {
            let unknown = unknown_names(&template, &context);
            if !unknown.is_empty() {
                message.push_str(&format!(": not defined in the job: {}", unknown.join(", ")));
                if unknown.iter().any(|name| name == "commune") {
                    message.push_str(" (`commune` is there when the job is made with `vanban batch --per commune`)");
                }
            }
        }
        error
    })
}

/// Top-level names the template uses that `context` does not define, sorted.
fn unknown_names(template: &minijinja::Template, context: &Value) -> Vec<String> {
    let mut unknown: Vec<String> = template
        .undeclared_variables(false)
        .into_iter()
        .filter(|name| context.get_attr(name).map_or(true, |v| v.is_undefined()))
        .filter(|name| !BUILTINS.contains(&name.as_str()))
        .collect();
    unknown.sort();
    unknown
}

/// Names minijinja defines itself, which are never the job's business.
const BUILTINS: [&str; 6] = ["range", "dict", "namespace", "loop", "debug", "self"];

fn template_error(file: PathBuf, e: &minijinja::Error) -> Error {
    let message = match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    };
    Error::Template {
        path: file,
        line: e.line().unwrap_or(0),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn dir_with(name: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(name), text).expect("write template");
        dir
    }

    #[test]
    fn values_are_escaped_for_the_markup() {
        let dir = dir_with("b.md.j2", "Xã {{ name }}: **{{ n }}**");
        let out = render(
            dir.path(),
            "b.md.j2",
            context! { name => "*Cẩm* \\ Bình", n => 3 },
        );
        assert_eq!(out.expect("renders"), "Xã \\*Cẩm\\* \\\\ Bình: **3**");
    }

    #[test]
    fn an_undefined_name_is_reported_with_its_line() {
        let dir = dir_with("b.md.j2", "Dòng một\n\nXã {{ ten_xa }}\n");
        let err = render(dir.path(), "b.md.j2", context! { name => "x" }).expect_err("undefined");
        let text = err.to_string();
        assert!(text.contains("b.md.j2:3:"), "{text}");
        assert!(text.contains("undefined"), "{text}");
        assert!(text.contains("ten_xa"), "{text}");
    }

    #[test]
    fn a_missing_template_is_a_missing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = render(dir.path(), "khong-co.md.j2", context! {}).expect_err("missing");
        assert!(matches!(err, Error::Io { .. }), "{err}");
    }
}
