//! Layer 2: components in a real headless Chromium (wasm-bindgen-test). Run by `.ci/test` as
//! `cargo test --target wasm32-unknown-unknown --test wasm`; natively this file is empty.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use xixi_highlights::core::load::load_report;
use xixi_highlights::core::model::Lang;
use xixi_highlights::core::query::ViewState;
use xixi_highlights::view::card::Card;

wasm_bindgen_test_configure!(run_in_browser);

const REPORT: &str = include_str!("../public/data/xixi-2023.json");

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
fn the_real_dataset_loads_in_the_browser_build() {
    let loaded = load_report(REPORT).expect("the shipped report loads");
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    assert!(loaded.report.highlights.len() >= 50);
}

#[wasm_bindgen_test]
fn a_card_shows_title_figure_and_source_sentence() {
    let report = load_report(REPORT).unwrap().report;
    let h = report
        .highlights
        .iter()
        .find(|h| {
            h.metrics
                .iter()
                .any(|m| m.printed.as_deref() == Some("12.34亿元"))
        })
        .expect("the industrial output highlight")
        .clone();
    let theme = report.themes.iter().find(|t| t.id == h.theme).cloned();
    let title = h.title.zh.clone();
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <Card highlight=h theme=theme lang=Lang::Zh open=ViewState::default() /> },
    )
    .forget();
    let article = root
        .query_selector("article.card")
        .unwrap()
        .expect("an <article>");
    let heading = article.query_selector("h3").unwrap().expect("a heading");
    assert_eq!(heading.text_content().unwrap(), title);
    assert_eq!(
        article.get_attribute("aria-labelledby"),
        heading.get_attribute("id")
    );
    let text = article.text_content().unwrap();
    assert!(text.contains("12.34亿元"), "{text}");
    let quote = article
        .query_selector("details blockquote")
        .unwrap()
        .expect("the source sentence");
    assert!(quote
        .text_content()
        .unwrap()
        .contains("规上工业总产值12.34亿元"));
}

#[wasm_bindgen_test]
fn hostile_strings_render_as_inert_text() {
    let mut report = load_report(REPORT).unwrap().report;
    let mut h = report.highlights.remove(0);
    h.title.zh = "<script>window.__pwned = 1</script>\u{202E}反转".into();
    h.summary.zh = "\"><img src=x onerror=\"window.__pwned = 2\">".into();
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <Card highlight=h theme=None lang=Lang::Zh open=ViewState::default() /> },
    )
    .forget();
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    let text = root.text_content().unwrap();
    assert!(text.contains("<script>window.__pwned = 1</script>"));
    assert!(text.contains("<img src=x onerror="));
}

#[wasm_bindgen_test]
fn the_url_round_trips_through_history() {
    use xixi_highlights::glue::browser;
    let (mut s, _) = ViewState::parse("");
    s.query = "养老".into();
    s.themes = vec!["elderly-care".into()];
    browser::set_query(&s.write(), true);
    let (back, problems) = ViewState::parse(&browser::current_query());
    assert!(problems.is_empty());
    assert_eq!(back, s);
    browser::set_query("", false);
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_the_error_panel_with_retry() {
    // The test server has no reports.json, so the app's fetch answers 404.
    let root = container();
    leptos::mount::mount_to(root.clone(), || {
        view! { <xixi_highlights::view::app::App state=ViewState::default() problems=vec![] /> }
    })
    .forget();
    let mut panel = None;
    for _ in 0..50 {
        sleep(100).await;
        panel = root.query_selector(".error-panel").unwrap();
        if panel.is_some() {
            break;
        }
    }
    let panel = panel.expect("an error panel within 5 s");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains("404"), "{text}");
    assert!(
        panel.query_selector("button").unwrap().is_some(),
        "a retry button"
    );
}

fn dataset() -> std::sync::Arc<xixi_highlights::core::dataset::Dataset> {
    let index =
        xixi_highlights::core::load::load_index(include_str!("../public/reports.json")).unwrap();
    let entry = index.reports[0].clone();
    std::sync::Arc::new(xixi_highlights::core::dataset::Dataset::new(
        index,
        entry,
        load_report(REPORT).unwrap(),
        None,
    ))
}

/// How many cards the list has drawn.
fn cards(root: &web_sys::HtmlElement) -> usize {
    root.inner_html().matches("<article").count()
}

#[wasm_bindgen_test]
async fn cards_are_drawn_a_page_at_a_time_and_the_button_draws_the_next() {
    use xixi_highlights::view::card_list::CardList;
    let ds = dataset();
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <CardList ds=ds order=(0..30).collect() lang=Lang::Zh view=ViewState::default() auto=false reveal=None /> }
    })
    .forget();
    sleep(20).await;
    assert_eq!(cards(&root), 12);
    for (drawn, label) in [(24, "显示更多（还有 6 项）"), (30, "")] {
        let button = root.query_selector(".more button").unwrap().unwrap();
        button.unchecked_into::<web_sys::HtmlElement>().click();
        sleep(20).await;
        assert_eq!(cards(&root), drawn);
        let left = root
            .query_selector(".more button")
            .unwrap()
            .map(|b| b.text_content().unwrap_or_default());
        assert_eq!(left.unwrap_or_default(), label);
    }
}

#[wasm_bindgen_test]
async fn the_card_a_reader_returns_to_is_drawn() {
    use xixi_highlights::view::card_list::CardList;
    let ds = dataset();
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <CardList ds=ds order=(0..40).collect() lang=Lang::Zh view=ViewState::default() auto=false reveal=Some(30) /> }
    })
    .forget();
    sleep(20).await;
    assert_eq!(cards(&root), 36, "three pages, down to the 31st card");
    assert_eq!(
        root.query_selector(".more button")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "显示更多（还有 4 项）"
    );
}
