//! Shared links keep working: ids the report does not have fall back to the default and are
//! reported; ids that were renamed (listed as aliases in the data) open the renamed record.

use xixi_highlights::core::load::load_report;
use xixi_highlights::core::model::Report;
use xixi_highlights::core::query::ViewState;

fn report() -> Report {
    load_report(include_str!("../public/data/xixi-2023.json"))
        .unwrap()
        .report
}

#[test]
fn unknown_ids_in_a_link_fall_back_and_are_reported() {
    let r = report();
    let (s, p) = ViewState::parse("?t=safety,no-such-theme&c=nowhere&h=no-such-highlight&q=养老");
    assert!(p.is_empty(), "the link is well-formed: {p:?}");
    let (clean, problems) = s.reconcile(&r);
    assert_eq!(clean.themes, vec!["safety"]);
    assert_eq!(clean.chapter, None);
    assert_eq!(clean.selected, None);
    assert_eq!(clean.query, "养老", "the rest of the view is kept");
    let named: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.param.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("t", "no-such-theme"),
            ("c", "nowhere"),
            ("h", "no-such-highlight")
        ]
    );
    assert_eq!(clean.write(), "v=1&t=safety&q=%E5%85%BB%E8%80%81");
}

#[test]
fn a_valid_link_is_left_alone() {
    let r = report();
    let id = r.highlights[10].id.clone();
    let (s, _) = ViewState::parse(&format!("?t=industry,safety&h={id}&view=charts&lang=en"));
    let (clean, problems) = s.reconcile(&r);
    assert!(problems.is_empty());
    assert_eq!(clean, s);
}

#[test]
fn renamed_themes_and_highlights_still_open_from_old_links() {
    let mut r = report();
    // Suppose a later edition of the data renames a theme and a highlight, keeping the old ids.
    let theme = r.themes.iter_mut().find(|t| t.id == "safety").unwrap();
    theme.id = "work-safety".into();
    theme.aliases = vec!["safety".into()];
    for h in r.highlights.iter_mut().filter(|h| h.theme == "safety") {
        h.theme = "work-safety".into();
    }
    let old_id = r.highlights[0].id.clone();
    r.highlights[0].id = "renamed-highlight".into();
    r.highlights[0].aliases = vec![old_id.clone()];

    let (s, _) = ViewState::parse(&format!("?t=safety&h={old_id}"));
    let (clean, problems) = s.reconcile(&r);
    assert!(
        problems.is_empty(),
        "a renamed id is no error: {problems:?}"
    );
    assert_eq!(clean.themes, vec!["work-safety"]);
    assert_eq!(clean.selected.as_deref(), Some("renamed-highlight"));
    assert_eq!(clean.write(), "v=1&t=work-safety&h=renamed-highlight");
}
