use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Nav;
use crate::browser;
use crate::components::card::Card;
use crate::components::charts::Charts;
use crate::components::detail::Detail;
use crate::components::filters::Filters;
use crate::components::header::Header;
use crate::components::notices::{LinkProblems, SkippedRecords};
use crate::components::original::Original;
use crate::components::views_nav::ViewsNav;
use crate::dataset::Dataset;
use crate::filter;
use crate::format;
use crate::i18n::ui;
use crate::query::{View, ViewState};

/// The loaded report: header, filters, the count, the cards, the footer.
#[component]
pub fn Page(ds: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;
    let current_view = Memo::new(move |_| nav.state.with(|s| s.view));
    {
        let ds = ds.clone();
        Effect::new(move |_| {
            let l = lang.get();
            browser::set_title(&format!(
                "{} · {}",
                ds.report.meta.headline.get(l),
                ui(l).app_name
            ));
        });
    }
    // Ids in the link that this report does not have fall back to the default, reported.
    {
        let ds = ds.clone();
        Effect::new(move |_| {
            let (clean, problems) = nav.state.with(|s| s.reconcile(&ds.report));
            if clean != nav.state.get_untracked() {
                nav.correct(clean, problems);
            }
        });
    }
    let visible = {
        let ds = ds.clone();
        Memo::new(move |_| {
            nav.state
                .with(|s| filter::visible(&ds.report, &ds.search, s))
        })
    };
    let cards = {
        let ds = ds.clone();
        move || {
            let lang = lang.get();
            let idx = visible.get();
            if idx.is_empty() {
                let t = ui(lang);
                return view! {
                    <div class="empty" role="status">
                        <p class="empty-title">{t.empty_title}</p>
                        <p>{t.empty_hint}</p>
                        <button type="button" class="primary" on:click=move |_| nav.go(nav.state.get_untracked().cleared())>
                            {t.clear_all}
                        </button>
                    </div>
                }
                .into_any();
            }
            let state = nav.state.get_untracked();
            let items = idx
                .into_iter()
                .map(|i| {
                    let h = ds.report.highlights[i].clone();
                    let theme = ds.report.themes.iter().find(|t| t.id == h.theme).cloned();
                    let open = ViewState {
                        selected: Some(h.id.clone()),
                        ..state.clone()
                    };
                    view! { <li><Card highlight=h theme=theme lang=lang open=open /></li> }
                })
                .collect_view();
            view! { <ul class="cards">{items}</ul> }.into_any()
        }
    };
    let count = move || format::count_label(visible.with(|v| v.len()), lang.get());
    // The open highlight, if the link names one that exists.
    let selected = {
        let ds = ds.clone();
        Memo::new(move |_| {
            nav.state
                .with(|s| s.selected.as_ref().map(|id| ds.position(id)))
        })
    };
    let body = {
        let ds = ds.clone();
        move || {
            let view = current_view.get();
            // Detail and 原文 are drawn in one language: redraw them when it changes.
            lang.track();
            if let Some(Some(i)) = selected.get() {
                return view! { <Detail ds=ds.clone() index=i order=visible.get_untracked() /> }
                    .into_any();
            }
            match view {
                View::Text => view! { <Original ds=ds.clone() /> }.into_any(),
                View::Charts => view! {
                    <Filters ds=ds.clone() />
                    <p class="result-count" role="status" aria-live="polite">{count}</p>
                    <Charts ds=ds.clone() visible=visible />
                }
                .into_any(),
                _ => view! {
                    <Filters ds=ds.clone() />
                    <p class="result-count" role="status" aria-live="polite">{count}</p>
                    {cards.clone()}
                }
                .into_any(),
            }
        }
    };
    let skipped = ds.skipped.clone();
    view! {
        <Header ds=ds.clone() />
        <main id="main" tabindex="-1">
            <LinkProblems />
            <SkippedRecords skipped=skipped />
            <ViewsNav />
            {body}
        </main>
        <footer class="site-footer">
            <p>{move || ui(lang.get()).footer_source}</p>
        </footer>
    }
}
