//! Exploring the real report as a reader does: theme, chapter and kind chips and the counts they
//! print, search in Chinese and English, the three sort orders, links that survive any input and
//! round-trip exactly, the charts' numbers against the dataset, and the 「原文」 view's runs.

use std::collections::BTreeSet;

use proptest::prelude::*;
use xixi_highlights::core::charts::layout::Layout;
use xixi_highlights::core::charts::spec::{self, ChartKind, ChartSpec};
use xixi_highlights::core::filter::{self, SearchIndex};
use xixi_highlights::core::format;
use xixi_highlights::core::load;
use xixi_highlights::core::model::{ChartSeries, Kind, Lang, Qualifier, Report, Status};
use xixi_highlights::core::original;
use xixi_highlights::core::query::{Embed, Scheme, Sort, View, ViewState, MAX_QUERY_CHARS};
use xixi_highlights::core::validate::find_metric;

const JSON: &str = include_str!("../public/data/xixi-2023.json");

fn report() -> Report {
    let loaded = load::load_report(JSON).unwrap_or_else(|e| panic!("refused: {e}"));
    assert!(loaded.skipped.is_empty(), "skipped: {:#?}", loaded.skipped);
    loaded.report
}

struct Fixture {
    r: Report,
    index: SearchIndex,
}

fn fixture() -> Fixture {
    let r = report();
    let index = SearchIndex::new(&r);
    Fixture { r, index }
}

impl Fixture {
    fn visible(&self, s: &ViewState) -> Vec<usize> {
        filter::visible(&self.r, &self.index, s)
    }

    fn ids(&self, s: &ViewState) -> Vec<&str> {
        self.visible(s)
            .into_iter()
            .map(|i| self.r.highlights[i].id.as_str())
            .collect()
    }

    /// Ids, in report order, of the highlights for which `f` holds.
    fn ids_where(&self, f: impl Fn(&xixi_highlights::core::model::Highlight) -> bool) -> Vec<&str> {
        self.r
            .highlights
            .iter()
            .filter(|h| f(h))
            .map(|h| h.id.as_str())
            .collect()
    }

    fn search(&self, q: &str) -> BTreeSet<&str> {
        let s = ViewState {
            query: q.to_string(),
            ..ViewState::default()
        };
        self.ids(&s).into_iter().collect()
    }
}

fn with_themes(themes: &[&str]) -> ViewState {
    ViewState {
        themes: themes.iter().map(|t| t.to_string()).collect(),
        ..ViewState::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Filtering

#[test]
fn the_dataset_has_86_highlights_and_the_default_view_shows_all_in_report_order() {
    let f = fixture();
    assert_eq!(f.r.highlights.len(), 86);
    let all = f.visible(&ViewState::default());
    assert_eq!(all, (0..86).collect::<Vec<_>>());
}

#[test]
fn one_theme_chip_shows_exactly_that_themes_highlights() {
    let f = fixture();
    let safety = f.ids(&with_themes(&["safety"]));
    assert_eq!(safety, f.ids_where(|h| h.theme == "safety"));
    assert_eq!(safety.len(), 10);
    assert!(safety.contains(&"illegal-steel-sheds"));
    assert!(safety.contains(&"safety-committee-command-system"));
    assert!(!safety.contains(&"industrial-output"));
    // Every theme of the taxonomy, not only safety.
    for th in &f.r.themes {
        let got = f.ids(&with_themes(&[&th.id]));
        assert_eq!(got, f.ids_where(|h| h.theme == th.id), "theme {}", th.id);
        assert!(!got.is_empty(), "theme {} has highlights", th.id);
    }
}

#[test]
fn two_theme_chips_show_the_union_in_report_order() {
    let f = fixture();
    let both = f.ids(&with_themes(&["safety", "elderly-care"]));
    let expected = f.ids_where(|h| h.theme == "safety" || h.theme == "elderly-care");
    assert_eq!(both, expected);
    assert_eq!(both.len(), 10 + 10);
    // Order of choosing does not matter.
    assert_eq!(f.ids(&with_themes(&["elderly-care", "safety"])), expected);
    // Toggling one off again leaves the other.
    let s = with_themes(&["safety", "elderly-care"]).toggle_theme("safety");
    assert_eq!(f.ids(&s), f.ids_where(|h| h.theme == "elderly-care"));
}

#[test]
fn chapter_and_kind_narrow_a_theme_further() {
    let f = fixture();
    let mut s = with_themes(&["prosperity", "industry"]);
    let union = f.visible(&s).len();
    s.chapter = Some("results".into());
    let in_results = f.ids(&s);
    assert_eq!(
        in_results,
        f.ids_where(
            |h| (h.theme == "prosperity" || h.theme == "industry") && h.chapter == "results"
        )
    );
    assert!(in_results.len() < union);
    assert!(in_results.contains(&"industrial-output"));
    assert!(
        !in_results.contains(&"new-jobs"),
        "new-jobs is in 'momentum'"
    );

    s.kind = Some(Kind::Figure);
    let figures = f.ids(&s);
    assert_eq!(
        figures,
        f.ids_where(|h| (h.theme == "prosperity" || h.theme == "industry")
            && h.chapter == "results"
            && h.kind == Kind::Figure)
    );
    assert!(!figures.is_empty());
    assert!(figures.len() <= in_results.len());

    // Kind alone.
    let projects = f.ids(&ViewState {
        kind: Some(Kind::Project),
        ..ViewState::default()
    });
    assert_eq!(projects, f.ids_where(|h| h.kind == Kind::Project));
    assert_eq!(projects.len(), 6);
}

/// The count a chip prints is the number of cards the reader gets by choosing it (with every
/// other filter kept): checked for every theme, chapter and kind, from several starting views.
#[test]
fn every_chip_count_equals_what_choosing_it_shows() {
    let f = fixture();
    let starts = [
        ViewState::default(),
        with_themes(&["safety"]),
        with_themes(&["culture", "industry"]),
        ViewState {
            chapter: Some("results".into()),
            ..ViewState::default()
        },
        ViewState {
            kind: Some(Kind::Figure),
            ..ViewState::default()
        },
        ViewState {
            query: "企业".into(),
            ..ViewState::default()
        },
        ViewState {
            themes: vec!["elderly-care".into()],
            kind: Some(Kind::Service),
            chapter: Some("wellbeing".into()),
            query: "health".into(),
            ..ViewState::default()
        },
        ViewState {
            query: "no-such-thing-anywhere".into(),
            ..ViewState::default()
        },
    ];
    for start in &starts {
        let facets = filter::facets(&f.r, &f.index, start);
        assert_eq!(facets.themes.len(), f.r.themes.len());
        assert_eq!(facets.chapters.len(), f.r.chapters.len());
        assert_eq!(facets.kinds.len(), Kind::ALL.len());
        for (i, th) in f.r.themes.iter().enumerate() {
            // The theme chip alone (themes are "any of"; a chip counts its own theme).
            let chosen = ViewState {
                themes: vec![th.id.clone()],
                ..start.clone()
            };
            assert_eq!(
                facets.themes[i],
                f.visible(&chosen).len(),
                "theme chip {} from {:?}",
                th.id,
                start.write()
            );
            // And from a view without themes, the chip adds exactly its count.
            if start.themes.is_empty() {
                assert_eq!(
                    f.visible(&start.toggle_theme(&th.id)).len(),
                    facets.themes[i]
                );
            }
        }
        for (i, c) in f.r.chapters.iter().enumerate() {
            let chosen = ViewState {
                chapter: Some(c.id.clone()),
                ..start.clone()
            };
            assert_eq!(
                facets.chapters[i],
                f.visible(&chosen).len(),
                "chapter chip {} from {:?}",
                c.id,
                start.write()
            );
        }
        for (i, k) in Kind::ALL.iter().enumerate() {
            let chosen = ViewState {
                kind: Some(*k),
                ..start.clone()
            };
            assert_eq!(
                facets.kinds[i],
                f.visible(&chosen).len(),
                "kind chip {} from {:?}",
                k.code(),
                start.write()
            );
        }
        // Every highlight has one theme, chapter and kind: the chips of a group add up to what
        // the view shows with that group unset.
        let no_themes = ViewState {
            themes: vec![],
            ..start.clone()
        };
        assert_eq!(
            facets.themes.iter().sum::<usize>(),
            f.visible(&no_themes).len()
        );
        let no_kind = ViewState {
            kind: None,
            ..start.clone()
        };
        assert_eq!(
            facets.kinds.iter().sum::<usize>(),
            f.visible(&no_kind).len()
        );
    }
    // The real numbers of the default view.
    let facets = filter::facets(&f.r, &f.index, &ViewState::default());
    let safety = f.r.themes.iter().position(|t| t.id == "safety").unwrap();
    assert_eq!(facets.themes[safety], 10);
    assert_eq!(facets.kinds, vec![34, 9, 29, 6, 6, 2]);
}

#[test]
fn clear_restores_all_86_and_keeps_view_sort_and_language() {
    let f = fixture();
    let s = ViewState {
        themes: vec!["safety".into(), "culture".into()],
        chapter: Some("results".into()),
        kind: Some(Kind::Figure),
        query: "企业".into(),
        sort: Sort::Theme,
        view: View::Charts,
        lang: Lang::En,
        ..ViewState::default()
    };
    assert!(s.has_filters());
    assert!(f.visible(&s).len() < 86);
    let c = s.cleared();
    assert!(!c.has_filters());
    assert_eq!(f.visible(&c).len(), 86);
    assert_eq!(
        (c.sort, c.view, c.lang),
        (Sort::Theme, View::Charts, Lang::En)
    );
    assert_eq!(c.write(), "v=1&view=charts&s=theme&lang=en");
}

// ---------------------------------------------------------------------------------------------
// Search

#[test]
fn search_in_chinese_finds_the_right_highlights() {
    let f = fixture();
    let care = f.search("养老");
    for id in [
        "home-care-centre-services",
        "home-care-centres",
        "smart-care-pilots",
        "elders-served-meals",
    ] {
        assert!(care.contains(id), "养老 finds {id}: {care:?}");
    }
    for id in ["industrial-output", "illegal-steel-sheds", "new-jobs"] {
        assert!(!care.contains(id), "养老 does not find {id}");
    }

    let firms = f.search("企业");
    for id in [
        "upgraded-enterprises",
        "national-tech-smes",
        "hot-work-enterprises",
        "gas-using-enterprises",
    ] {
        assert!(firms.contains(id), "企业 finds {id}: {firms:?}");
    }
    for id in ["home-care-centres", "resident-population", "media-reports"] {
        assert!(!firms.contains(id), "企业 does not find {id}");
    }

    let shangtan = f.search("上坛村");
    assert!(shangtan.contains("shangtan-five-star-cultural-hall"));
    assert!(shangtan.contains("pomegranate-red-volunteers"));
    assert!(!shangtan.contains("sikou-cultural-centre"));
    assert!(!shangtan.contains("xixi-hospital-branch"));
}

#[test]
fn search_in_english_ignores_case() {
    let f = fixture();
    let lower = f.search("elderly");
    assert!(lower.contains("home-care-centres"), "{lower:?}");
    assert!(lower.contains("elders-served-meals"));
    assert!(!lower.contains("industrial-output"));
    assert_eq!(f.search("Elderly"), lower);
    assert_eq!(f.search("ELDERLY"), lower);
    let hospital = f.search("Hospital");
    assert!(hospital.contains("xixi-hospital-branch"), "{hospital:?}");
}

#[test]
fn several_terms_must_all_match() {
    let f = fixture();
    let a = f.search("企业");
    let b = f.search("安全");
    let both = f.search("企业 安全");
    assert!(!both.is_empty());
    assert_eq!(both, a.intersection(&b).copied().collect::<BTreeSet<_>>());
    assert!(both.len() < a.len());
    assert!(both.contains("gas-using-enterprises"));
    assert!(!both.contains("national-tech-smes"));
    // Extra spaces (and a full-width space) between terms change nothing.
    assert_eq!(f.search("  企业   安全  "), both);
    assert_eq!(f.search("企业\u{3000}安全"), both);
    // A term that matches nothing empties the list.
    assert!(f.search("企业 xyzzy").is_empty());
}

#[test]
fn search_reaches_quotes_and_printed_figures() {
    let f = fixture();
    assert_eq!(
        f.search("12.34亿元").into_iter().collect::<Vec<_>>(),
        vec!["industrial-output"]
    );
    // A stretch of a quote that is in neither title nor summary.
    let h =
        f.r.highlights
            .iter()
            .find(|h| h.id == "media-reports")
            .unwrap();
    let quote: Vec<char> = h.quotes[0].text.chars().collect();
    assert!(quote.len() >= 6);
    let piece: String = quote[..6].iter().collect();
    assert!(
        f.search(&piece).contains("media-reports"),
        "quote piece {piece:?}"
    );
    // Every printed figure finds its own highlight.
    for h in &f.r.highlights {
        for m in &h.metrics {
            if let Some(p) = &m.printed {
                assert!(
                    f.search(p).contains(h.id.as_str()),
                    "printed {p:?} finds {}",
                    h.id
                );
            }
        }
    }
    // Every place, in Chinese and in pinyin (any case).
    for h in &f.r.highlights {
        for p in &h.places {
            assert!(f.search(&p.zh).contains(h.id.as_str()), "{}", p.zh);
            assert!(
                f.search(&p.en.to_uppercase()).contains(h.id.as_str()),
                "{}",
                p.en
            );
        }
    }
}

#[test]
fn nonsense_finds_nothing_and_blank_finds_everything() {
    let f = fixture();
    for q in ["qwxzv", "火星基地", "99999亿元", "%zz"] {
        assert!(f.search(q).is_empty(), "{q:?} finds {:?}", f.search(q));
    }
    assert_eq!(f.search("").len(), 86);
    assert_eq!(f.search("   ").len(), 86);
}

// ---------------------------------------------------------------------------------------------
// Sort

#[test]
fn report_order_is_ascending() {
    let f = fixture();
    let s = ViewState {
        themes: vec!["culture".into(), "safety".into()],
        sort: Sort::Report,
        ..ViewState::default()
    };
    let v = f.visible(&s);
    assert!(v.windows(2).all(|w| w[0] < w[1]), "{v:?}");
    let mut shuffled = vec![5, 3, 80, 0, 41];
    filter::sort(&f.r, Sort::Report, &mut shuffled);
    assert_eq!(shuffled, vec![0, 3, 5, 41, 80]);
}

#[test]
fn theme_order_follows_the_taxonomy_then_the_report() {
    let f = fixture();
    let s = ViewState {
        sort: Sort::Theme,
        ..ViewState::default()
    };
    let v = f.visible(&s);
    assert_eq!(v.len(), 86);
    let rank = |i: usize| {
        f.r.themes
            .iter()
            .position(|t| t.id == f.r.highlights[i].theme)
            .unwrap()
    };
    for w in v.windows(2) {
        let (a, b) = (w[0], w[1]);
        assert!(
            rank(a) < rank(b) || (rank(a) == rank(b) && a < b),
            "{} before {}",
            f.r.highlights[a].id,
            f.r.highlights[b].id
        );
    }
    // The groups appear in the order of `report.themes`, each theme once.
    let mut groups: Vec<&str> = v
        .iter()
        .map(|&i| f.r.highlights[i].theme.as_str())
        .collect();
    groups.dedup();
    let taxonomy: Vec<&str> = f.r.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(groups, taxonomy);
    // Governance is first in the taxonomy, livelihood last.
    assert_eq!(f.r.highlights[v[0]].theme, "governance");
    assert_eq!(f.r.highlights[*v.last().unwrap()].theme, "livelihood");
}

#[test]
fn kind_order_follows_kind_all_then_the_report() {
    let f = fixture();
    let s = ViewState {
        sort: Sort::Kind,
        ..ViewState::default()
    };
    let v = f.visible(&s);
    assert_eq!(v.len(), 86);
    let rank = |i: usize| {
        Kind::ALL
            .iter()
            .position(|k| *k == f.r.highlights[i].kind)
            .unwrap()
    };
    for w in v.windows(2) {
        assert!(rank(w[0]) < rank(w[1]) || (rank(w[0]) == rank(w[1]) && w[0] < w[1]));
    }
    let mut groups: Vec<Kind> = v.iter().map(|&i| f.r.highlights[i].kind).collect();
    groups.dedup();
    assert_eq!(groups, Kind::ALL.to_vec());
    // Sorting keeps the filter: the same set as report order.
    let filtered = ViewState {
        query: "企业".into(),
        sort: Sort::Kind,
        ..ViewState::default()
    };
    let mut a = f.visible(&filtered);
    a.sort_unstable();
    assert_eq!(
        a,
        f.visible(&ViewState {
            sort: Sort::Report,
            ..filtered.clone()
        })
    );
}

// ---------------------------------------------------------------------------------------------
// URL

#[test]
fn a_5000_character_query_is_cut_and_reported() {
    let long = "企业".repeat(2500);
    let (s, p) = ViewState::parse(&format!("?q={long}&t=safety"));
    assert_eq!(s.query.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(s.themes, vec!["safety"]);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].param, "q");
    assert!(p[0].value.chars().count() <= 81);
    // The cut link writes and reads back to itself.
    assert_eq!(ViewState::parse(&s.write()), (s.clone(), vec![]));
}

#[test]
fn broken_percent_encoding_in_ids_falls_back_and_is_reported() {
    for q in [
        "t=%E5%8", "t=%zz", "t=%", "h=%E5%8", "h=%zz", "c=%", "r=%zz",
    ] {
        let (s, p) = ViewState::parse(q);
        assert_eq!(s, ViewState::default(), "{q}");
        assert_eq!(p.len(), 1, "{q}: {p:?}");
        assert_eq!(p[0].param, &q[..1], "{q}");
    }
    // A pair with a broken escape falls back as a whole; the other pairs still apply.
    let (s, p) = ViewState::parse("t=safety,%zz,culture&k=figure&q=%");
    assert_eq!(s.themes, Vec::<String>::new());
    assert_eq!(s.kind, Some(Kind::Figure));
    assert_eq!(s.query, "");
    let params: Vec<&str> = p.iter().map(|x| x.param.as_str()).collect();
    assert_eq!(params, vec!["t", "q"], "{p:?}");
    // Broken keys never panic, and are reported.
    for q in ["%=1", "%E5%8=1", "%%%", "%ff%fe=%00", "=%", "%"] {
        let (s, p) = ViewState::parse(q);
        assert_eq!(s, ViewState::default(), "{q}");
        assert_eq!(p.len(), 1, "{q}: {p:?}");
    }
    assert_eq!(ViewState::parse("&&&=&="), (ViewState::default(), vec![]));
}

/// The search text of a link with broken percent-encoding used to become a U+FFFD search with
/// no notice; it is now reported and left out.
#[test]
fn broken_percent_encoding_in_the_search_is_reported() {
    for q in ["q=%E5%8", "q=%zz", "q=100%", "q=%E5%85"] {
        let (s, p) = ViewState::parse(q);
        assert_eq!(s.query, "", "{q}");
        assert_eq!(p.len(), 1, "{q} read as {:?}: {p:?}", s.query);
        assert_eq!(p[0].param, "q");
    }
    // A well-formed escape of a literal % is fine.
    let (s, p) = ViewState::parse("q=100%25");
    assert_eq!((s.query.as_str(), p.len()), ("100%", 0));
}

#[test]
fn unknown_ids_in_a_link_are_dropped_and_reported_against_the_report() {
    let r = report();
    let (s, p) = ViewState::parse("t=safety,nope&c=nowhere&h=does-not-exist&k=figure");
    assert!(p.is_empty(), "well-formed ids pass parse: {p:?}");
    let (s, p) = s.reconcile(&r);
    assert_eq!(s.themes, vec!["safety"]);
    assert_eq!(s.chapter, None);
    assert_eq!(s.selected, None);
    assert_eq!(s.kind, Some(Kind::Figure));
    let params: Vec<(&str, &str)> = p
        .iter()
        .map(|x| (x.param.as_str(), x.value.as_str()))
        .collect();
    assert_eq!(
        params,
        vec![("t", "nope"), ("c", "nowhere"), ("h", "does-not-exist")]
    );
    // Known ids pass unchanged.
    let good = ViewState {
        themes: vec!["culture".into(), "safety".into()],
        chapter: Some("results".into()),
        selected: Some("media-reports".into()),
        ..ViewState::default()
    };
    assert_eq!(good.reconcile(&r), (good.clone(), vec![]));
}

#[test]
fn equal_views_write_equal_links_and_the_default_writes_nothing() {
    assert_eq!(ViewState::default().write(), "");
    assert_eq!(ViewState::default().cleared().write(), "");
    let a = ViewState {
        themes: vec!["safety".into(), "culture".into(), "safety".into()],
        query: "  养老 ".into(),
        ..ViewState::default()
    };
    let b = ViewState {
        themes: vec!["culture".into(), "safety".into()],
        query: "养老".into(),
        ..ViewState::default()
    };
    assert_eq!(a.write(), b.write());
    assert_eq!(b.write(), "v=1&t=culture,safety&q=%E5%85%BB%E8%80%81");
    // Parameter order and duplicate themes in an incoming link do not matter.
    let (x, _) = ViewState::parse("q=%E5%85%BB%E8%80%81&t=safety,culture,culture");
    assert_eq!(x.write(), b.write());
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,64}"
}

fn kind() -> impl Strategy<Value = Option<Kind>> {
    prop::option::of(prop::sample::select(Kind::ALL.to_vec()))
}

/// Search text as a link can hold it: any unicode, trimmed and at most MAX_QUERY_CHARS.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "\\PC{0,250}",
        "[ 养老企业a-zA-Z0-9+&=%#?,./]{0,40}",
    ]
    .prop_map(|q| {
        q.trim()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect::<String>()
            .trim()
            .to_string()
    })
}

prop_compose! {
    fn view_state()(
        report in prop::option::of(slug()),
        mut themes in prop::collection::vec(slug(), 0..6),
        chapter in prop::option::of(slug()),
        kind in kind(),
        query in query(),
        sort in prop::sample::select(Sort::ALL.to_vec()),
        selected in prop::option::of(slug()),
        view in prop::sample::select(View::ALL.to_vec()),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        care in any::<bool>(),
        scheme in prop::option::of(prop::sample::select(vec![Scheme::Light, Scheme::Dark])),
        embed in prop::option::of(prop::sample::select(Embed::ALL.to_vec())),
        chart in prop::option::of(slug()),
        accent in prop::option::of(prop::sample::select(vec!["0b5e55".to_string(), "9b1c1c".to_string(), "1a3d7c".to_string()])),
    ) -> ViewState {
        themes.sort();
        themes.dedup();
        ViewState { report, themes, chapter, kind, query, sort, selected, view, lang, care, scheme, embed, chart, accent }
    }
}

/// Query strings made of the pieces a real (or mangled) link is made of.
fn linkish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("&".to_string()),
        Just("=".to_string()),
        Just("%".to_string()),
        Just("?".to_string()),
        Just("+".to_string()),
        Just(",".to_string()),
        prop::sample::select(vec!["v", "r", "t", "c", "k", "q", "s", "h", "view", "lang"])
            .prop_map(str::to_string),
        "%[0-9a-fA-FzZ]{0,2}",
        "[0-9]{1,12}",
        "\\PC{0,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_any_string(s in any::<String>()) {
        let (state, problems) = ViewState::parse(&s);
        // Whatever it read, it writes a link that reads back to the same view.
        let again = ViewState::parse(&state.write());
        prop_assert_eq!(again.0, state);
        prop_assert!(again.1.is_empty());
        for p in problems {
            prop_assert!(p.value.chars().count() <= 81);
            prop_assert!(p.param.chars().count() <= 41);
        }
    }

    #[test]
    fn parse_never_panics_on_link_like_strings(s in linkish()) {
        let (state, _) = ViewState::parse(&s);
        let (again, problems) = ViewState::parse(&state.write());
        prop_assert_eq!(again, state);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn parse_never_panics_on_very_long_input(
        unit in "\\PC{1,4}",
        n in 1000usize..6000,
        key in prop::sample::select(vec!["q", "t", "h", "zz", ""]),
    ) {
        let body = unit.repeat(n);
        let (s, _) = ViewState::parse(&format!("{key}={body}"));
        prop_assert!(s.query.chars().count() <= MAX_QUERY_CHARS);
        let _ = ViewState::parse(&body);
    }

    #[test]
    fn a_written_link_reads_back_to_the_same_view(s in view_state()) {
        let link = s.write();
        let (back, problems) = ViewState::parse(&link);
        prop_assert!(problems.is_empty(), "{} -> {:?}", link, problems);
        prop_assert_eq!(&back, &s, "link {}", link);
        // With a leading `?` as `location.search` gives it.
        prop_assert_eq!(ViewState::parse(&format!("?{link}")).0, s.clone());
        // Only unreserved characters (and the theme comma) appear unescaped.
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric()
            || b"-_.~,=&%".contains(&b)), "{}", link);
        prop_assert_eq!(link.is_empty(), s == ViewState::default());
    }

    #[test]
    fn writing_is_canonical(s in view_state(), extra in prop::collection::vec(0usize..6, 0..4)) {
        // Equal views write equal links.
        prop_assert_eq!(s.clone().write(), s.write());
        // The same themes in another order, some repeated, and untrimmed search text: same link.
        let mut t = s.clone();
        t.themes.reverse();
        for i in extra {
            if let Some(x) = s.themes.get(i) {
                t.themes.push(x.clone());
            }
        }
        t.query = format!("  {}\t", s.query);
        prop_assert_eq!(t.write(), s.write());
        // Toggling a theme twice gives back the same link.
        prop_assert_eq!(s.toggle_theme("safety").toggle_theme("safety").write(), s.write());
    }

    #[test]
    fn different_views_write_different_links(a in view_state(), b in view_state()) {
        prop_assert_eq!(a == b, a.write() == b.write());
    }
}

// ---------------------------------------------------------------------------------------------
// Charts

fn all_specs(r: &Report, lang: Lang) -> Vec<ChartSpec> {
    let all: Vec<usize> = (0..r.highlights.len()).collect();
    spec::specs(r, &all, lang)
}

fn chart<'a>(specs: &'a [ChartSpec], id: &str) -> &'a ChartSpec {
    specs
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no chart {id}"))
}

#[test]
fn every_chart_draws_the_dataset_metrics_it_names() {
    let r = report();
    for lang in Lang::ALL {
        let specs = all_specs(&r, lang);
        assert!(specs.len() >= 5, "{} charts", specs.len());
        assert_eq!(specs.len(), r.charts.len());
        for (def, s) in r.charts.iter().zip(&specs) {
            assert_eq!(s.id, def.id);
            assert_eq!(s.title, def.title.get(lang));
            assert!(!s.bars.is_empty(), "chart {} has marks", s.id);
            assert!(!s.finding.is_empty());
            assert_eq!(s.note.as_deref(), def.note.as_ref().map(|n| n.get(lang)));
            let names: Vec<&String> = match &def.series {
                ChartSeries::Metrics { metrics, .. } => metrics.iter().collect(),
                ChartSeries::PartOfWhole { part, whole } => vec![whole, part],
                ChartSeries::StatusCount { .. } => vec![],
            };
            if !names.is_empty() {
                assert_eq!(s.bars.len(), names.len(), "chart {}", s.id);
            }
            for (name, bar) in names.iter().zip(&s.bars) {
                let (h, m) = find_metric(&r, name).unwrap_or_else(|| panic!("{name}"));
                assert_eq!(bar.value, m.value, "{name}");
                assert_eq!(bar.label, m.label.get(lang), "{name}");
                assert_eq!(bar.text, format::figure(m, lang).text, "{name}");
                assert_eq!(bar.derived, m.derived.is_some(), "{name}");
                assert_eq!(bar.more_than, m.qualifier == Qualifier::MoreThan);
                let hi = r.highlights.iter().position(|x| x.id == h.id);
                assert_eq!(bar.highlight, hi, "{name}");
            }
            // Every value fits on the axis.
            for b in &s.bars {
                assert!(
                    b.value <= s.max,
                    "chart {}: {} > max {}",
                    s.id,
                    b.value,
                    s.max
                );
            }
        }
    }
}

#[test]
fn each_kind_of_data_gets_its_kind_of_chart() {
    let r = report();
    let specs = all_specs(&r, Lang::Zh);
    let kind = |id: &str| chart(&specs, id).kind;
    assert_eq!(kind("enterprise-cultivation"), ChartKind::Bars);
    assert_eq!(kind("publicity"), ChartKind::Bars);
    assert_eq!(kind("elderly-care"), ChartKind::Units);
    assert_eq!(kind("safety-inspections"), ChartKind::Units);
    assert_eq!(kind("village-income"), ChartKind::PartOfWhole);
    assert_eq!(kind("projects-by-status"), ChartKind::Track);
}

#[test]
fn publicity_compares_items_with_items_on_a_linear_axis() {
    let r = report();
    let specs = all_specs(&r, Lang::Zh);
    let p = chart(&specs, "publicity");
    let values: Vec<f64> = p.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![49.0, 292.0, 300.0]);
    let texts: Vec<&str> = p.bars.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, vec!["49条", "292条", "300余条"]);
    let more: Vec<bool> = p.bars.iter().map(|b| b.more_than).collect();
    assert_eq!(more, vec![false, false, true]);
    assert_eq!(p.ticks.first().map(|t| t.value), Some(0.0));
    assert!(p.max >= 300.0);
    assert!(
        p.finding.contains("公益广告最多（300余条）"),
        "{}",
        p.finding
    );
    assert!(
        p.finding.contains("金华地市级及以上媒体报道最少（49条）"),
        "{}",
        p.finding
    );
    let en = all_specs(&r, Lang::En);
    let pe = chart(&en, "publicity");
    assert!(
        pe.finding.contains("Public-service ads") && pe.finding.contains("300+"),
        "{}",
        pe.finding
    );
}

#[test]
fn new_firm_designations_are_five_bars_of_newly_designated_firms() {
    let r = report();
    let specs = all_specs(&r, Lang::Zh);
    let e = chart(&specs, "enterprise-cultivation");
    let values: Vec<f64> = e.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![2.0, 2.0, 3.0, 11.0, 5.0]);
    assert!(
        e.bars.iter().all(|b| b.label.starts_with("新增")),
        "{:?}",
        e.bars
    );
    // Two categories share the smallest value: both are named.
    assert!(
        e.finding
            .contains("新增战略性新兴产业企业、新增国家高新企业最少（各2家）"),
        "{}",
        e.finding
    );
    assert!(
        e.finding.contains("新增国家科技型中小企业最多（11家）"),
        "{}",
        e.finding
    );
    assert!(e.note.as_deref().unwrap().contains("不是企业总数"));
}

#[test]
fn village_income_is_four_of_the_twenty() {
    let r = report();
    let specs = all_specs(&r, Lang::Zh);
    let v = chart(&specs, "village-income");
    let got: Vec<(f64, &str, bool)> = v
        .bars
        .iter()
        .map(|b| (b.value, b.text.as_str(), b.derived))
        .collect();
    assert_eq!(got, vec![(20.0, "20个", false), (4.0, "4个", false)]);
    assert!(v
        .note
        .as_deref()
        .unwrap()
        .contains("未说明全镇共有多少个行政村"));
}

#[test]
fn projects_stand_on_a_track_one_row_each() {
    let r = report();
    let specs = all_specs(&r, Lang::Zh);
    let p = chart(&specs, "projects-by-status");
    let projects: Vec<&str> = r
        .highlights
        .iter()
        .filter(|h| h.kind == Kind::Project)
        .map(|h| h.title.zh.as_str())
        .collect();
    let rows: Vec<&str> = p.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(rows, projects);
    assert_eq!(p.steps, vec!["已完成设计", "已开工", "已完工"]);
    for b in &p.bars {
        let h = &r.highlights[b.highlight.unwrap()];
        let step = match h.status.unwrap() {
            Status::DesignFinished => 1.0,
            Status::UnderConstruction => 2.0,
            Status::Completed => 3.0,
        };
        assert_eq!(b.value, step, "{}", h.id);
        assert_eq!(b.text, h.status.unwrap().label().zh);
    }
}

#[test]
fn charts_follow_the_filters_and_say_when_they_are_empty() {
    let f = fixture();
    let s = with_themes(&["safety"]);
    let visible = f.visible(&s);
    for lang in Lang::ALL {
        let specs = spec::specs(&f.r, &visible, lang);
        let safety = chart(&specs, "safety-inspections");
        assert_eq!(safety.bars.len(), 2);
        let publicity = chart(&specs, "publicity");
        assert!(publicity.is_empty());
        let expected = match lang {
            Lang::Zh => "没有数据",
            Lang::En => "Nothing in this chart",
        };
        assert!(
            publicity.finding.contains(expected),
            "{}",
            publicity.finding
        );
        assert!(publicity.position(100.0) >= 0.0);
    }
    // A filter that leaves only some bars: only those bars.
    let s = ViewState {
        query: "媒体".into(),
        ..ViewState::default()
    };
    let visible = f.visible(&s);
    let specs = spec::specs(&f.r, &visible, Lang::Zh);
    let p = chart(&specs, "publicity");
    assert!(p
        .bars
        .iter()
        .all(|b| visible.contains(&b.highlight.unwrap())));
    assert!(p.bars.len() < 3 && !p.bars.is_empty(), "{:?}", p.bars);
    // Projects chart with only completed projects visible.
    let s = ViewState {
        query: "已完工".into(),
        kind: Some(Kind::Project),
        ..ViewState::default()
    };
    let visible = f.visible(&s);
    let specs = spec::specs(&f.r, &visible, Lang::Zh);
    let rows = chart(&specs, "projects-by-status").bars.len();
    assert_eq!(rows, visible.len());
}

#[test]
fn position_is_within_the_axis_and_monotonic() {
    let r = report();
    for s in all_specs(&r, Lang::Zh) {
        let mut last = -1.0;
        for i in 0..=400 {
            let v = s.max * 1.2 * i as f64 / 400.0;
            let p = s.position(v);
            assert!((0.0..=1.0).contains(&p), "chart {} at {v}: {p}", s.id);
            assert!(p >= last, "chart {} not monotonic at {v}", s.id);
            last = p;
        }
        assert_eq!(s.position(s.max), 1.0, "chart {}", s.id);
        assert_eq!(s.position(0.0), 0.0);
        assert_eq!(s.position(-5.0), 0.0);
        // Bars of different values sit at different places, bigger further along.
        for a in &s.bars {
            for b in &s.bars {
                if a.value < b.value {
                    assert!(s.position(a.value) < s.position(b.value), "chart {}", s.id);
                }
            }
        }
        // Ticks are at their positions, rising.
        assert!(s.ticks.windows(2).all(|w| w[0].at < w[1].at));
        for t in &s.ticks {
            assert_eq!(t.at, s.position(t.value));
        }
    }
}

#[test]
fn pointing_at_each_marks_row_finds_that_mark() {
    let r = report();
    for width in [200.0, 390.0, 1280.0] {
        for scale in [1.0, 1.5] {
            let layout = Layout::new(width, scale);
            for s in all_specs(&r, Lang::Zh) {
                let rows = layout.rows(&s);
                assert_eq!(rows.len(), s.bars.len(), "chart {}", s.id);
                let height = layout.height(&s);
                for r in &rows {
                    assert!(
                        r.top >= layout.pad && r.top + r.height <= height,
                        "chart {} fits",
                        s.id
                    );
                }
                if s.kind == ChartKind::PartOfWhole {
                    // The first cell is the part (filled), the last cell of the whole is the whole.
                    let cell = layout.grid_cell();
                    let at = |k: usize| {
                        let (col, line) = (k % 10, k / 10);
                        (
                            layout.pad + (col as f64 + 0.5) * cell,
                            layout.pad + (line as f64 + 0.5) * cell,
                        )
                    };
                    let (x, y) = at(0);
                    assert_eq!(layout.mark_at(&s, x, y), Some(1));
                    let (x, y) = at(s.bars[0].value as usize - 1);
                    assert_eq!(layout.mark_at(&s, x, y), Some(0));
                    let (x, y) = at(s.bars[0].value as usize);
                    assert_eq!(layout.mark_at(&s, x, y), None, "past the whole");
                    continue;
                }
                for (i, r) in rows.iter().enumerate() {
                    assert_eq!(
                        layout.mark_at(&s, 10.0, r.top + r.height / 2.0),
                        Some(i),
                        "chart {} row {i}",
                        s.id
                    );
                }
                // Rows follow each other without overlap.
                assert!(rows
                    .windows(2)
                    .all(|w| w[0].top + w[0].height <= w[1].top + 1e-9));
                assert_eq!(layout.mark_at(&s, 10.0, layout.pad - 1.0), None);
                assert_eq!(layout.mark_at(&s, 10.0, height + 1.0), None);
            }
            // Bars: the rows the end-to-end pointer test relies on (8 px, then 56 px rows).
            let (x0, x1) = layout.track();
            assert!(x0 < x1 && x1 <= width);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 原文

#[test]
fn the_highlights_cover_over_half_of_the_text() {
    let r = report();
    let c = original::coverage(&r);
    assert!(c.paragraphs > 0);
    assert!(c.paragraphs_quoted <= c.paragraphs);
    assert!(c.quoted_chars <= c.total_chars);
    assert!(c.percent() > 50, "coverage {}% ({c:?})", c.percent());
    assert!(c.percent() <= 100);
}

#[test]
fn runs_concatenate_back_to_each_block_and_know_their_quotes() {
    let r = report();
    for (bi, b) in r.source.blocks.iter().enumerate() {
        let runs = original::runs(&r, bi);
        let joined: String = runs.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, b.text, "block {bi}");
        assert!(runs.iter().all(|x| !x.text.is_empty()), "block {bi}");
    }
    // Every quote is exactly a sequence of runs that name its highlight.
    for (hi, h) in r.highlights.iter().enumerate() {
        for q in &h.quotes {
            let runs = original::runs(&r, q.block);
            let mut at = 0;
            let mut covered = String::new();
            for run in &runs {
                let len = run.text.chars().count();
                if at >= q.offset && at + len <= q.offset + q.text.chars().count() {
                    assert!(run.highlights.contains(&hi), "{} block {}", h.id, q.block);
                    covered.push_str(&run.text);
                }
                at += len;
            }
            assert_eq!(covered, q.text, "{}", h.id);
        }
    }
    assert!(original::runs(&r, usize::MAX).is_empty());
}
