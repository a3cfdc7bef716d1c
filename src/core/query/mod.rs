//! The URL is the single source of truth for what the reader sees. This module turns a query
//! string into a `ViewState` and back: parsing is lenient (a bad value falls back to its default
//! and is reported, never a panic), writing is canonical (defaults left out, a fixed key order,
//! sorted sets), so `parse(write(s)) == s` and equal views have equal links.
//!
//! `values` holds the small enums and checked values a link carries, `encoding` the
//! percent-encoding, `migrate` the versions of the format, `reconcile` the check of a link's ids
//! against a loaded report.

mod encoding;
mod migrate;
mod reconcile;
mod values;

pub use encoding::{decode, decode_checked, encode};
pub use migrate::{migrate, migrate_with, Step, STEPS, URL_VERSION};
pub use values::{accent, Embed, Scheme, Sort, View};

use crate::core::model::{Kind, Lang};
use encoding::split_checked;
use values::{id, truncate};

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

    /// Only what decides which highlights are listed and in which order (filters and sort); the
    /// rest at its default. Two views with equal criteria list the same highlights.
    pub fn criteria(&self) -> ViewState {
        ViewState {
            themes: self.themes.clone(),
            chapter: self.chapter.clone(),
            kind: self.kind,
            query: self.query.clone(),
            sort: self.sort,
            ..ViewState::default()
        }
    }

    /// Whether the first page of a large report ([`crate::core::first_page`]) is this view as it
    /// will be: the story (no filter, no card open, the cards view, not embedded), whose first
    /// cards are the file's first records. Any other view waits for the whole report.
    pub fn shows_first_page(&self) -> bool {
        self.criteria() == ViewState::default()
            && self.selected.is_none()
            && self.view == View::Cards
            && self.embed.is_none()
    }

    pub fn has_filters(&self) -> bool {
        !self.themes.is_empty()
            || self.chapter.is_some()
            || self.kind.is_some()
            || !self.query.is_empty()
    }

    /// Themes sorted and without duplicates, so equal views write equal links.
    fn normalize(&mut self) {
        self.themes.sort_unstable();
        self.themes.dedup();
        self.query = self.query.trim().to_string();
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
    fn long_search_text_is_cut_and_reported() {
        let long = "养".repeat(5000);
        let (s, p) = ViewState::parse(&format!("q={}", encode(&long)));
        assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(p.len(), 1);
        assert!(p[0].value.chars().count() <= 81);
    }

    #[test]
    fn toggling_a_theme_twice_restores_the_link() {
        let s = ViewState::default().toggle_theme("safety");
        assert_eq!(s.write(), "v=1&t=safety");
        assert_eq!(s.toggle_theme("safety").write(), "");
    }
}
