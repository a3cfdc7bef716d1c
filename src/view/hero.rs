use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::format;
use crate::core::model::Lang;
use crate::core::query::{Scheme, ViewState};
use crate::core::validate::find_metric;
use crate::glue::browser;
use crate::view::figure::big_figure;
use crate::view::link::ViewLink;
use crate::view::nav::{tr, Nav};

/// The masthead and the hero, treated like the top of a 图解 poster: the switches (关怀模式,
/// dark, language), the report's kicker, headline and by-line, and its key figures (chosen in
/// the data) as a tight grid of big numbers, each a link to its card.
#[component]
pub fn Hero(ds: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = move || nav.lang.get();
    let meta = ds.report.meta.clone();
    let figures = {
        let ds = ds.clone();
        move || {
            let lang = lang();
            ds.report
                .key_figures
                .iter()
                .filter_map(|k| find_metric(&ds.report, &k.metric))
                .map(|(h, m)| {
                    let f = format::figure(m, lang);
                    let label = m.label.get(lang).to_string();
                    let href = format!("#h-{}", h.id);
                    view! {
                        <li class="key-figure">
                            <a href=href>
                                <span class="kf-value">{big_figure(f, lang)}</span>
                                <span class="kf-label">{label}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let toggle_care = move |_| {
        let s = nav.state.get_untracked();
        nav.go(ViewState { care: !s.care, ..s });
    };
    // Dark now: the page's own setting, else the system's (read once the page is in the
    // browser; at build time there is no system).
    let system_dark = RwSignal::new(false);
    Effect::new(move |_| system_dark.set(browser::system_dark()));
    let dark = move || match nav.scheme.get() {
        Some(s) => s == Scheme::Dark,
        None => system_dark.get(),
    };
    let toggle_scheme = move |_| {
        let s = nav.state.get_untracked();
        let next = if dark() { Scheme::Light } else { Scheme::Dark };
        nav.go(ViewState {
            scheme: Some(next),
            ..s
        });
    };
    let toggle_lang = move |_| {
        let mut s = nav.state.get_untracked();
        s.lang = if s.lang == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        nav.go(s);
    };
    // Other reports this deployment lists: each opens with its own default view.
    let reports = (ds.index.reports.len() > 1).then(|| {
        let current = ds.entry.id.clone();
        move || {
            let lang = lang();
            let items = ds
                .index
                .reports
                .iter()
                .map(|e| {
                    let to = ViewState { report: Some(e.id.clone()), lang, ..ViewState::default() };
                    let title = e.label(lang);
                    let here = e.id == current;
                    view! {
                        <li>
                            <ViewLink to=to class=if here { "report-link current" } else { "report-link" }>
                                <span aria-current=here.then_some("page")>{title}</span>
                            </ViewLink>
                        </li>
                    }
                })
                .collect_view();
            let label = if lang == Lang::Zh { "报道" } else { "Reports" };
            view! { <nav class="reports" aria-label=label><ul>{items}</ul></nav> }
        }
    });
    let m1 = meta.clone();
    let m2 = meta.clone();
    let m3 = meta.clone();
    view! {
        <header class="masthead">
            <div class="masthead-top">
                <p class="app-name"><span class="app-mark" aria-hidden="true">"图解"</span><span class="app-name-text">{tr(nav.lang, |t| t.app_name)}</span></p>
                <div class="switches">
                    <button type="button" class="switch care-switch" aria-pressed=move || nav.care.get().to_string()
                        on:click=toggle_care>
                        {tr(nav.lang, |t| t.care_mode)}
                    </button>
                    <button type="button" class="switch scheme-switch" aria-pressed=move || dark().to_string()
                        on:click=toggle_scheme>
                        {tr(nav.lang, |t| t.dark_mode)}
                    </button>
                    <button type="button" class="lang-switch" on:click=toggle_lang
                        lang=move || if lang() == Lang::Zh { "en" } else { "zh-CN" }>
                        {tr(nav.lang, |t| t.language_switch)}
                    </button>
                </div>
            </div>
            {reports}
            <div class="hero">
                <p class="kicker">{move || m1.kicker.get(lang()).to_string()}</p>
                <h1>{move || m2.headline.get(lang()).to_string()}</h1>
                <p class="byline">
                    {move || {
                        let year = if lang() == Lang::Zh { format!("{}年", m3.year) } else { m3.year.to_string() };
                        format!("{} · {} · {}", m3.town.get(lang()), year, m3.author.get(lang()))
                    }}
                </p>
                <section class="key-figures" aria-labelledby="kf-title">
                    <h2 id="kf-title" class="visually-hidden">{tr(nav.lang, |t| t.key_figures)}</h2>
                    <ul>{figures}</ul>
                </section>
            </div>
        </header>
    }
}
