use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::format;
use crate::core::i18n::ui;
use crate::core::original;
use crate::core::query::ViewState;
use crate::view::link::ViewLink;
use crate::view::nav::Nav;
use crate::view::poster::PosterButton;
use crate::view::read_aloud::ReadAloud;

/// Put keyboard focus on an element by id once the view has drawn it.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Close the detail view and give focus back to the card it was opened from.
pub fn close(nav: Nav) {
    let s = nav.state.get_untracked();
    if let Some(id) = s.selected.clone() {
        nav.go(ViewState {
            selected: None,
            ..s
        });
        focus_later(format!("open-{id}"));
    }
}

/// One highlight in full: every metric, the paragraph of the original with its quote marked,
/// related highlights, previous and next.
#[component]
pub fn Detail(ds: Arc<Dataset>, index: usize, order: Vec<usize>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let s = nav.state.get_untracked();
    let lang = s.lang;
    let t = ui(lang);
    let r = &ds.report;
    let h = &r.highlights[index];
    let theme = r.themes.iter().find(|x| x.id == h.theme);
    let chapter = r.chapters.iter().find(|c| c.id == h.chapter);

    let metrics = h
        .metrics
        .iter()
        .map(|m| {
            let f = format::figure(m, lang);
            // The report's words beside a translated figure; in Chinese the figure is them.
            let printed = m.printed.clone().filter(|p| *p != f.text);
            let explanation = m.derived.as_ref().map(|d| {
                view! { <p class="derived-note">{t.derived}": "{d.explanation.get(lang).to_string()}</p> }
            });
            view! {
                <div class="detail-metric">
                    <dt>{m.label.get(lang).to_string()}</dt>
                    <dd>
                        <span class=if f.rank { "value rank" } else { "value" }>{f.text}</span>
                        {printed.map(|p| view! { <span class="printed" lang="zh-CN">"「"{p}"」"</span> })}
                        {explanation}
                    </dd>
                </div>
            }
        })
        .collect_view();

    // The paragraphs that hold the quotes, with this highlight's quotes marked.
    let mut blocks: Vec<usize> = h.quotes.iter().map(|q| q.block).collect();
    blocks.dedup();
    let paragraphs = blocks
        .into_iter()
        .map(|b| {
            let runs = original::runs(r, b)
                .into_iter()
                .map(|run| {
                    if run.highlights.contains(&index) {
                        Either::Left(view! { <mark>{run.text}</mark> })
                    } else {
                        Either::Right(view! { <span>{run.text}</span> })
                    }
                })
                .collect_view();
            view! { <p class="original-paragraph" lang="zh-CN">{runs}</p> }
        })
        .collect_view();

    let link_to = |i: usize, s: &ViewState| ViewState {
        selected: Some(r.highlights[i].id.clone()),
        ..s.clone()
    };
    let related = r
        .highlights
        .iter()
        .enumerate()
        .filter(|(i, x)| *i != index && x.theme == h.theme)
        .take(5)
        .map(|(i, x)| {
            let title = x.title.get(lang).to_string();
            view! { <li><ViewLink to=link_to(i, &s)>{title}</ViewLink></li> }
        })
        .collect_view();
    let pos = order.iter().position(|&i| i == index);
    let prev = pos.and_then(|p| p.checked_sub(1)).map(|p| order[p]);
    let next = pos.and_then(|p| order.get(p + 1).copied());
    let step = |i: Option<usize>, label: &'static str, class: &'static str| {
        i.map(|i| {
            let title = r.highlights[i].title.get(lang).to_string();
            view! {
                <ViewLink to=link_to(i, &s) class=class>
                    <span class="step-label">{label}</span>
                    <span class="step-title">{title}</span>
                </ViewLink>
            }
        })
    };
    let places = (!h.places.is_empty()).then(|| {
        let list = h
            .places
            .iter()
            .map(|p| {
                if lang == crate::core::model::Lang::Zh {
                    p.zh.clone()
                } else {
                    format!("{} ({})", p.en, p.zh)
                }
            })
            .collect::<Vec<_>>()
            .join("、");
        view! { <p class="places"><strong>{t.places}": "</strong>{list}</p> }
    });
    let status = h
        .status
        .map(|st| view! { <p class="status">{t.status}": "{st.label().get(lang).to_string()}</p> });

    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close(nav);
        }
    });
    on_cleanup(move || on_key.remove());
    Effect::new(move |_| focus_later("detail-title".to_string()));

    view! {
        <section class="detail" aria-labelledby="detail-title">
            <div class="detail-bar">
                <p class="tag">
                    <span class="tag-icon" aria-hidden="true">{theme.map(|x| x.icon.clone())}</span>
                    {theme.map(|x| x.label.get(lang).to_string())}
                    " · "{h.kind.label().get(lang).to_string()}
                    {chapter.map(|c| format!(" · {}", c.title.get(lang)))}
                </p>
                <button type="button" class="close" on:click=move |_| close(nav)>{t.close}" ✕"</button>
            </div>
            <h2 id="detail-title" tabindex="-1">{h.title.get(lang).to_string()}</h2>
            <p class="summary">{h.summary.get(lang).to_string()}</p>
            <div class="card-actions">
                <ReadAloud highlight=h.clone() lang=lang />
                <PosterButton highlight=h.clone() />
            </div>
            {(!h.metrics.is_empty()).then(|| view! { <dl class="detail-metrics">{metrics}</dl> })}
            {status}
            {places}
            <h3>{t.in_the_original}</h3>
            {paragraphs}
            <nav class="steps" aria-label=t.details>
                {step(prev, t.previous, "step prev")}
                {step(next, t.next, "step next")}
            </nav>
            <h3>{t.related}</h3>
            <ul class="related">{related}</ul>
        </section>
    }
}
