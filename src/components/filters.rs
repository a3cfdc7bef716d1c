use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Nav;
use crate::dataset::Dataset;
use crate::filter;
use crate::i18n::ui;
use crate::model::Kind;
use crate::query::Sort;

/// Search, theme chips (several at once), chapter and kind chips, sort, clear-all. Every chip
/// shows how many highlights it would give.
#[component]
pub fn Filters(ds: Arc<Dataset>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = move || nav.state.with(|s| s.lang);
    let facets = {
        let ds = ds.clone();
        Memo::new(move |_| {
            nav.state
                .with(|s| filter::facets(&ds.report, &ds.search, s))
        })
    };

    let theme_chips = {
        let ds = ds.clone();
        move || {
            let lang = lang();
            let f = facets.get();
            ds.report
                .themes
                .iter()
                .enumerate()
                .map(|(i, th)| {
                    let id = th.id.clone();
                    let pressed = nav.state.with(|s| s.themes.contains(&id));
                    let on = move |_| nav.go(nav.state.get_untracked().toggle_theme(&id));
                    view! {
                        <button type="button" class="chip" aria-pressed=pressed.to_string() on:click=on data-theme=th.id.clone()>
                            <span class="tag-icon" aria-hidden="true">{th.icon.clone()}</span>
                            {th.label.get(lang).to_string()}
                            <span class="count">{f.themes[i]}</span>
                        </button>
                    }
                })
                .collect_view()
        }
    };

    let chapter_chips = {
        let ds = ds.clone();
        move || {
            let lang = lang();
            let f = facets.get();
            ds.report
                .chapters
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let id = c.id.clone();
                    let pressed = nav.state.with(|s| s.chapter.as_deref() == Some(id.as_str()));
                    let on = move |_| {
                        let mut s = nav.state.get_untracked();
                        s.chapter = if pressed { None } else { Some(id.clone()) };
                        nav.go(s);
                    };
                    view! {
                        <button type="button" class="chip" aria-pressed=pressed.to_string() on:click=on>
                            {c.title.get(lang).to_string()}
                            <span class="count">{f.chapters[i]}</span>
                        </button>
                    }
                })
                .collect_view()
        }
    };

    let kind_chips = move || {
        let lang = lang();
        let f = facets.get();
        Kind::ALL
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let pressed = nav.state.with(|s| s.kind == Some(k));
                let on = move |_| {
                    let mut s = nav.state.get_untracked();
                    s.kind = if pressed { None } else { Some(k) };
                    nav.go(s);
                };
                view! {
                    <button type="button" class="chip" aria-pressed=pressed.to_string() on:click=on>
                        {k.label().get(lang).to_string()}
                        <span class="count">{f.kinds[i]}</span>
                    </button>
                }
            })
            .collect_view()
    };

    let on_search = move |ev| {
        let mut s = nav.state.get_untracked();
        s.query = event_target_value(&ev);
        nav.replace(s);
    };
    let on_sort = move |ev| {
        let v = event_target_value(&ev);
        let mut s = nav.state.get_untracked();
        s.sort = Sort::ALL
            .into_iter()
            .find(|x| x.code() == v)
            .unwrap_or_default();
        nav.go(s);
    };
    let clear = move |_| nav.go(nav.state.get_untracked().cleared());

    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{move || ui(lang()).filters}</h2>
            <div class="search">
                <label for="search">{move || ui(lang()).search_label}</label>
                <input id="search" type="search" autocomplete="off"
                    placeholder=move || ui(lang()).search_placeholder
                    prop:value=move || nav.state.with(|s| s.query.clone())
                    on:input=on_search />
            </div>
            <div class="chip-group" role="group" aria-labelledby="g-themes">
                <span id="g-themes" class="group-label">{move || ui(lang()).themes}</span>
                {theme_chips}
            </div>
            <div class="chip-group" role="group" aria-labelledby="g-chapters">
                <span id="g-chapters" class="group-label">{move || ui(lang()).chapters}</span>
                {chapter_chips}
            </div>
            <div class="chip-group" role="group" aria-labelledby="g-kinds">
                <span id="g-kinds" class="group-label">{move || ui(lang()).kinds}</span>
                {kind_chips}
            </div>
            <div class="filter-actions">
                <label for="sort">{move || ui(lang()).sort_label}</label>
                <select id="sort" on:change=on_sort prop:value=move || nav.state.with(|s| s.sort.code())>
                    <option value="report">{move || ui(lang()).sort_report}</option>
                    <option value="theme">{move || ui(lang()).sort_theme}</option>
                    <option value="kind">{move || ui(lang()).sort_kind}</option>
                </select>
                <button type="button" class="clear" on:click=clear
                    disabled=move || !nav.state.with(|s| s.has_filters())>
                    {move || ui(lang()).clear_all}
                </button>
            </div>
        </section>
    }
}
