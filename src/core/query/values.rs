//! The small values a link carries: enums written as short codes, ids, a host's accent colour.

/// A small enum written in links as a short code: `ALL` its values, `code` and `from_code`.
macro_rules! link_codes {
    ($ty:ident { $($v:ident => $c:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: [$ty; [$($c),+].len()] = [$($ty::$v),+];
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$v => $c),+
                }
            }
            pub(super) fn from_code(s: &str) -> Option<$ty> {
                Self::ALL.into_iter().find(|x| x.code() == s)
            }
        }
    };
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Report,
    Theme,
    Kind,
}
link_codes!(Sort { Report => "report", Theme => "theme", Kind => "kind" });

/// Which view of the report is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Cards,
    Charts,
    /// 「原文」: the whole report with the quotes highlighted.
    Text,
}
link_codes!(View { Cards => "cards", Charts => "charts", Text => "text" });

/// Light or dark, when the page (or the portal embedding it) sets it; otherwise the reader's
/// system setting decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    Light,
    Dark,
}
link_codes!(Scheme { Light => "light", Dark => "dark" });

/// What an embedded page shows: the whole page without its chrome, one highlight card, or one
/// chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Embed {
    Page,
    Card,
    Chart,
}
link_codes!(Embed { Page => "page", Card => "card", Chart => "chart" });

/// A host's accent colour, lower-case `rrggbb` without `#`, accepted only when white text on it
/// and it on white keep 4.5:1 contrast (WCAG AA), so no portal can make the page unreadable.
pub fn accent(s: &str) -> Option<String> {
    let s = s.trim_start_matches('#').to_ascii_lowercase();
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| {
        let c = u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    let contrast = 1.05 / (luminance + 0.05);
    (contrast >= 4.5).then_some(s)
}

/// Longest id accepted for a theme, chapter, report or highlight.
const MAX_ID: usize = 64;

pub(super) fn id(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_string())
}

pub(super) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).chain(std::iter::once('…')).collect()
    }
}

/// Split `a=1&b=2` into decoded pairs; a later duplicate key wins. A pair whose percent-encoding
/// is broken is left out and its key returned in the second list.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::ViewState;

    #[test]
    fn a_host_accent_must_keep_text_readable() {
        assert_eq!(accent("9B1C1C").as_deref(), Some("9b1c1c"));
        assert_eq!(accent("#0b5e55").as_deref(), Some("0b5e55"));
        assert_eq!(
            accent("ffff00"),
            None,
            "yellow: white text on it is unreadable"
        );
        assert_eq!(accent("red"), None);
        assert_eq!(accent("12345"), None);
        let (s, p) = ViewState::parse("accent=9B1C1C&embed=page");
        assert!(p.is_empty());
        assert_eq!(s.write(), "v=1&embed=page&accent=9b1c1c");
    }
}
