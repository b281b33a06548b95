//! Escaping text from the input for each output format.

use std::borrow::Cow;

/// Text from the input, made safe to place anywhere in a line of Markdown:
/// it cannot start a heading, a list or a quote, break a table cell, open
/// emphasis, a link or code, or pass HTML to a Markdown renderer. `&`, `<`
/// and `>` become character references; the other characters Markdown
/// gives meaning to are escaped with a backslash. Control characters never
/// reach here: the assessment rejects them.
pub(crate) fn markdown(text: &str) -> Cow<'_, str> {
    // Characters that mean something anywhere in a line.
    const SPECIAL: &[char] = &[
        '\\', '`', '*', '_', '{', '}', '[', ']', '#', '|', '!', '~', '&', '<', '>',
    ];
    // Characters that mean something at the start of a line (a list, a
    // setext heading).
    let leading = text.starts_with(['-', '+', '=']);
    if !leading && !text.contains(SPECIAL) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    if leading {
        out.push('\\');
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::markdown;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            markdown("Northside Network"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn hostile_text_is_inert() {
        assert_eq!(
            markdown("<script>alert(1)</script> & \"Co\""),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Co\""
        );
        assert_eq!(markdown("# A | B"), "\\# A \\| B");
        assert_eq!(markdown("*x* [l](u) `c`"), "\\*x\\* \\[l\\](u) \\`c\\`");
        assert_eq!(markdown("St. Mary's (North)"), "St. Mary's (North)");
        assert_eq!(markdown("- item"), "\\- item");
    }
}
