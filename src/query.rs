//! The URL is the single source of truth for what the reader sees. This module turns a query
//! string into a `ViewState` and back: parsing is lenient (a bad value falls back to its default
//! and is reported, never a panic), writing is canonical (defaults left out, a fixed key order,
//! sorted sets), so `parse(write(s)) == s` and equal views have equal links.

use crate::model::{Kind, Lang, Report};

/// One step of link migration: rewrites the parameters of a link of version n to version n + 1
/// (e.g. renaming a parameter, or writing out a default that a later version changes).
pub type Step = fn(&mut Vec<(String, String)>);

/// The migration steps, oldest first: `STEPS[0]` takes version 1 to 2. Empty while version 1 is
/// the only format there has been; a change to names or defaults appends a step here, and links
/// shared before it keep opening the view they showed.
pub const STEPS: &[Step] = &[];

/// The version of the link format written today. Links without `v` are read as version 1.
pub const URL_VERSION: u32 = STEPS.len() as u32 + 1;

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
            fn from_code(s: &str) -> Option<$ty> {
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

/// Everything a link reproduces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// `r`: which report of the index; `None` is the first listed.
    pub report: Option<String>,
    /// `t`: themes, any of which a highlight may have (sorted, no duplicates).
    pub themes: Vec<String>,
    /// `c`: one chapter.
    pub chapter: Option<String>,
    /// `k`: one kind.
    pub kind: Option<Kind>,
    /// `q`: search text, trimmed.
    pub query: String,
    /// `s`: sort order.
    pub sort: Sort,
    /// `h`: the highlight open in the detail view.
    pub selected: Option<String>,
    /// `view`
    pub view: View,
    /// `lang`
    pub lang: Lang,
    /// `care=1`: 关怀模式, extra-large text, high contrast, one column, no animation.
    pub care: bool,
    /// `scheme`: light or dark; `None` follows the system.
    pub scheme: Option<Scheme>,
    /// `embed`: shown inside a portal's iframe.
    pub embed: Option<Embed>,
    /// `chart`: the chart an `embed=chart` page shows.
    pub chart: Option<String>,
    /// `accent`: the host's accent colour, `rrggbb` (dark enough for white text on it).
    pub accent: Option<String>,
}

/// A query parameter that could not be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryProblem {
    pub param: String,
    pub value: String,
    pub reason: &'static str,
}

impl QueryProblem {
    /// The reason in the reader's language.
    pub fn reason_text(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            return self.reason;
        }
        match self.reason {
            "unknown link version; read as the current one" => "链接版本无法识别，已按当前版本读取",
            "not a report id" => "不是有效的报道编号",
            "not a theme id" | "unknown theme" => "没有这个主题",
            "not a chapter id" | "unknown chapter" => "没有这个章节",
            "unknown kind" => "没有这个类型",
            "search text too long; cut short" => "搜索词过长，已截短",
            "unknown sort order" => "没有这种排序",
            "not a highlight id" | "no such highlight" => "没有这个要点",
            "unknown view" => "没有这个视图",
            "unknown language" => "不支持这种语言",
            "unknown parameter" => "无法识别的参数",
            "broken percent-encoding" => "编码有误，已忽略",
            "use care=1" => "关怀模式请用 care=1",
            "unknown colour scheme" => "没有这种配色",
            "unknown embed mode" => "没有这种嵌入方式",
            "accent must be a dark rrggbb colour" => "强调色须为较深的六位十六进制颜色",
            "not a chart id" | "no such chart" => "没有这个图表",
            other => other,
        }
    }
}

/// Longest search text kept from a link; a longer one is cut (and reported).
pub const MAX_QUERY_CHARS: usize = 200;
/// Longest id accepted for a theme, chapter, report or highlight.
const MAX_ID: usize = 64;

impl ViewState {
    /// Parse a query string (with or without the leading `?`). Never panics.
    pub fn parse(query: &str) -> (ViewState, Vec<QueryProblem>) {
        let mut s = ViewState::default();
        let mut problems = Vec::new();
        let mut bad = |param: &str, value: &str, reason: &'static str| {
            problems.push(QueryProblem {
                param: truncate(param, 40),
                value: truncate(value, 80),
                reason,
            })
        };
        let (pairs, broken) = split_checked(query.strip_prefix('?').unwrap_or(query));
        for (k, v) in &broken {
            bad(k, v, "broken percent-encoding");
        }
        let mut version = URL_VERSION;
        for (k, v) in &pairs {
            if k == "v" {
                match v.parse::<u32>() {
                    Ok(n) if n >= 1 && n <= URL_VERSION => version = n,
                    _ => bad(k, v, "unknown link version; read as the current one"),
                }
            }
        }
        let pairs = migrate(version, pairs);
        for (k, v) in pairs {
            match k.as_str() {
                "v" => {}
                "r" => match id(&v) {
                    Some(x) => s.report = Some(x),
                    None => bad(&k, &v, "not a report id"),
                },
                "t" => {
                    for t in v.split(',').filter(|t| !t.is_empty()) {
                        match id(t) {
                            Some(x) => s.themes.push(x),
                            None => bad(&k, t, "not a theme id"),
                        }
                    }
                }
                "c" => match id(&v) {
                    Some(x) => s.chapter = Some(x),
                    None => bad(&k, &v, "not a chapter id"),
                },
                "k" => match Kind::from_code(&v) {
                    Some(x) => s.kind = Some(x),
                    None => bad(&k, &v, "unknown kind"),
                },
                "q" => {
                    let q = v.trim();
                    if q.chars().count() > MAX_QUERY_CHARS {
                        bad(&k, q, "search text too long; cut short");
                    }
                    s.query = q
                        .chars()
                        .take(MAX_QUERY_CHARS)
                        .collect::<String>()
                        .trim()
                        .to_string();
                }
                "s" => match Sort::from_code(&v) {
                    Some(x) => s.sort = x,
                    None => bad(&k, &v, "unknown sort order"),
                },
                "h" => match id(&v) {
                    Some(x) => s.selected = Some(x),
                    None => bad(&k, &v, "not a highlight id"),
                },
                "view" => match View::from_code(&v) {
                    Some(x) => s.view = x,
                    None => bad(&k, &v, "unknown view"),
                },
                "lang" => match Lang::from_code(&v) {
                    Some(x) => s.lang = x,
                    None => bad(&k, &v, "unknown language"),
                },
                "care" => match v.as_str() {
                    "1" => s.care = true,
                    "0" => s.care = false,
                    _ => bad(&k, &v, "use care=1"),
                },
                "scheme" => match Scheme::from_code(&v) {
                    Some(x) => s.scheme = Some(x),
                    None => bad(&k, &v, "unknown colour scheme"),
                },
                "embed" => match Embed::from_code(&v) {
                    Some(x) => s.embed = Some(x),
                    None => bad(&k, &v, "unknown embed mode"),
                },
                "accent" => match accent(&v) {
                    Some(x) => s.accent = Some(x),
                    None => bad(&k, &v, "accent must be a dark rrggbb colour"),
                },
                "chart" => match id(&v) {
                    Some(x) => s.chart = Some(x),
                    None => bad(&k, &v, "not a chart id"),
                },
                "" => {}
                _ => bad(&k, &v, "unknown parameter"),
            }
        }
        s.normalize();
        (s, problems)
    }

    /// The canonical query string, without `?`; empty for the default view.
    pub fn write(&self) -> String {
        let mut s = self.clone();
        s.normalize();
        let mut out: Vec<(&str, String)> = Vec::new();
        if let Some(r) = &s.report {
            out.push(("r", r.clone()));
        }
        if s.view != View::default() {
            out.push(("view", s.view.code().into()));
        }
        if !s.themes.is_empty() {
            out.push(("t", s.themes.join(",")));
        }
        if let Some(c) = &s.chapter {
            out.push(("c", c.clone()));
        }
        if let Some(k) = s.kind {
            out.push(("k", k.code().into()));
        }
        if !s.query.is_empty() {
            out.push(("q", s.query.clone()));
        }
        if s.sort != Sort::default() {
            out.push(("s", s.sort.code().into()));
        }
        if let Some(h) = &s.selected {
            out.push(("h", h.clone()));
        }
        if s.lang != Lang::default() {
            out.push(("lang", s.lang.code().into()));
        }
        if s.care {
            out.push(("care", "1".into()));
        }
        if let Some(x) = s.scheme {
            out.push(("scheme", x.code().into()));
        }
        if let Some(x) = s.embed {
            out.push(("embed", x.code().into()));
        }
        if let Some(c) = &s.chart {
            out.push(("chart", c.clone()));
        }
        if let Some(a) = &s.accent {
            out.push(("accent", a.clone()));
        }
        if out.is_empty() {
            return String::new();
        }
        let mut q = format!("v={URL_VERSION}");
        for (k, v) in out {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(&encode(&v));
        }
        q
    }

    /// The same view with its filters cleared (search, themes, chapter, kind), keeping the rest.
    pub fn cleared(&self) -> ViewState {
        ViewState {
            themes: vec![],
            chapter: None,
            kind: None,
            query: String::new(),
            ..self.clone()
        }
    }

    pub fn has_filters(&self) -> bool {
        !self.themes.is_empty()
            || self.chapter.is_some()
            || self.kind.is_some()
            || !self.query.is_empty()
    }

    /// Themes sorted and without duplicates, so equal views write equal links.
    fn normalize(&mut self) {
        self.themes.sort();
        self.themes.dedup();
        self.query = self.query.trim().to_string();
    }

    /// Check the ids a link names against the loaded report: an unknown theme, chapter or
    /// highlight is dropped (so the view falls back to its default) and reported.
    pub fn reconcile(&self, report: &Report) -> (ViewState, Vec<QueryProblem>) {
        let mut s = self.clone();
        let mut problems = Vec::new();
        // A renamed theme or highlight is found by its old id and written with its new one.
        let theme = |id: &str| {
            report
                .themes
                .iter()
                .find(|x| x.id == id || x.aliases.iter().any(|a| a == id))
        };
        let mut themes = Vec::new();
        for t in &s.themes {
            match theme(t) {
                Some(x) => themes.push(x.id.clone()),
                None => problems.push(QueryProblem {
                    param: "t".into(),
                    value: t.clone(),
                    reason: "unknown theme",
                }),
            }
        }
        s.themes = themes;
        s.normalize();
        if let Some(c) = &s.chart {
            if !report.charts.iter().any(|x| x.id == *c) {
                problems.push(QueryProblem {
                    param: "chart".into(),
                    value: c.clone(),
                    reason: "no such chart",
                });
                s.chart = None;
            }
        }
        if let Some(c) = &s.chapter {
            if !report.chapters.iter().any(|x| x.id == *c) {
                problems.push(QueryProblem {
                    param: "c".into(),
                    value: c.clone(),
                    reason: "unknown chapter",
                });
                s.chapter = None;
            }
        }
        if let Some(h) = &s.selected {
            let renamed = report
                .highlights
                .iter()
                .find(|x| x.aliases.iter().any(|a| a == h));
            if let Some(x) = renamed {
                s.selected = Some(x.id.clone());
            } else if !report.highlights.iter().any(|x| x.id == *h) {
                problems.push(QueryProblem {
                    param: "h".into(),
                    value: h.clone(),
                    reason: "no such highlight",
                });
                s.selected = None;
            }
        }
        (s, problems)
    }

    /// Toggle one theme in the filter.
    pub fn toggle_theme(&self, theme: &str) -> ViewState {
        let mut s = self.clone();
        if let Some(i) = s.themes.iter().position(|t| t == theme) {
            s.themes.remove(i);
        } else {
            s.themes.push(theme.to_string());
        }
        s.normalize();
        s
    }
}

/// Bring the parameters of a link of `version` up to today's format.
pub fn migrate(version: u32, pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    migrate_with(STEPS, version, pairs)
}

/// Apply the steps from `version` on, in order.
pub fn migrate_with(
    steps: &[Step],
    version: u32,
    mut pairs: Vec<(String, String)>,
) -> Vec<(String, String)> {
    for step in steps.iter().skip(version.saturating_sub(1) as usize) {
        step(&mut pairs);
    }
    pairs
}

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

fn id(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_string())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).chain(std::iter::once('…')).collect()
    }
}

/// Split `a=1&b=2` into decoded pairs; a later duplicate key wins. A pair whose percent-encoding
/// is broken is left out and its key returned in the second list.
type Pairs = Vec<(String, String)>;

fn split_checked(q: &str) -> (Pairs, Pairs) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut broken = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let ((k, k_ok), (v, v_ok)) = (decode_checked(k), decode_checked(v));
        if !(k_ok && v_ok) {
            broken.push((k, v));
            continue;
        }
        if let Some(existing) = out.iter_mut().find(|(ek, _)| *ek == k) {
            existing.1 = v;
        } else {
            out.push((k, v));
        }
    }
    (out, broken)
}

#[cfg(test)]
fn split_pairs(q: &str) -> Vec<(String, String)> {
    split_checked(q).0
}

/// Percent-decoding that never fails: a broken escape is kept as the text it was, and bytes that
/// are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    decode_checked(s).0
}

/// Percent-decoding, and whether the input was well formed (every `%` starts an escape of two
/// hex digits, and the bytes are UTF-8).
pub fn decode_checked(s: &str) -> (String, bool) {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut ok = true;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && hex(b[i + 1]).is_some() && hex(b[i + 2]).is_some() => {
                out.push(hex(b[i + 1]).unwrap_or(0) * 16 + hex(b[i + 2]).unwrap_or(0));
                i += 2;
            }
            b'%' => {
                ok = false;
                out.push(b'%');
            }
            c => out.push(c),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => (s, ok),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encoding of everything but unreserved characters and the `,` that joins themes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_view_has_an_empty_link() {
        assert_eq!(ViewState::default().write(), "");
        assert_eq!(ViewState::parse(""), (ViewState::default(), vec![]));
        assert_eq!(ViewState::parse("?"), (ViewState::default(), vec![]));
    }

    #[test]
    fn canonical_order_and_sorted_themes() {
        let (s, p) =
            ViewState::parse("?lang=en&t=safety,industry,safety&q=%E5%85%BB%E8%80%81&view=charts");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s.themes, vec!["industry", "safety"]);
        assert_eq!(s.query, "养老");
        assert_eq!(
            s.write(),
            "v=1&view=charts&t=industry,safety&q=%E5%85%BB%E8%80%81&lang=en"
        );
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let (s, p) = ViewState::parse("k=planet&s=random&view=3d&lang=fr&h=<script>&zz=1&v=99");
        assert_eq!(s, ViewState::default());
        let params: Vec<&str> = p.iter().map(|x| x.param.as_str()).collect();
        assert_eq!(params, vec!["v", "k", "s", "view", "lang", "h", "zz"]);
    }

    #[test]
    fn broken_percent_encoding_is_kept_as_text() {
        assert_eq!(decode("%E5%85"), "\u{FFFD}");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%20c"), "a b c");
    }

    #[test]
    fn long_search_text_is_cut_and_reported() {
        let long = "养".repeat(5000);
        let (s, p) = ViewState::parse(&format!("q={}", encode(&long)));
        assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(p.len(), 1);
        assert!(p[0].value.chars().count() <= 81);
    }

    /// A made-up history of the format: version 2 renamed `view=text` to `view=original`, and
    /// version 3 made "theme" the default sort, so a link of an older version that relied on the
    /// old default (report order) must now say so.
    #[allow(clippy::ptr_arg)] // a Step: other steps push, so all take the Vec
    fn v1_to_v2(p: &mut Vec<(String, String)>) {
        for (k, v) in p.iter_mut() {
            if k == "view" && v == "text" {
                *v = "original".into();
            }
        }
    }
    fn v2_to_v3(p: &mut Vec<(String, String)>) {
        if !p.iter().any(|(k, _)| k == "s") {
            p.push(("s".into(), "report".into()));
        }
    }

    #[test]
    fn old_links_are_brought_up_to_date_step_by_step() {
        let steps: &[Step] = &[v1_to_v2, v2_to_v3];
        let pairs = |q: &str| split_pairs(q);
        assert_eq!(
            migrate_with(steps, 1, pairs("view=text&q=a")),
            pairs("view=original&q=a&s=report")
        );
        // A version-2 link only takes the later step; a current one none.
        assert_eq!(
            migrate_with(steps, 2, pairs("view=text")),
            pairs("view=text&s=report")
        );
        assert_eq!(
            migrate_with(steps, 3, pairs("view=text")),
            pairs("view=text")
        );
        // Today's format has had no change yet: every link is current.
        assert_eq!(URL_VERSION, 1);
        assert_eq!(
            migrate(1, pairs("view=text&t=safety")),
            pairs("view=text&t=safety")
        );
    }

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

    #[test]
    fn toggling_a_theme_twice_restores_the_link() {
        let s = ViewState::default().toggle_theme("safety");
        assert_eq!(s.write(), "v=1&t=safety");
        assert_eq!(s.toggle_theme("safety").write(), "");
    }
}
