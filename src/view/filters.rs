use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::filter::{Chip, Facets};
use crate::core::format;
use crate::core::i18n::ui;
use crate::core::model::Kind;
use crate::core::query::{Sort, ViewState};
use crate::view::downloads::Downloads;
use crate::view::nav::{tr, Nav};

/// One filter chip: a toggle button whose pressed state and count follow the view. The button
/// itself stays in place while the view changes, so keyboard focus stays on it. One function for
/// every chip (what it does is the core's `Chip`), so the view is compiled once, not per group.
fn chip(
    nav: Nav,
    store: StoredValue<Arc<Dataset>>,
    chip: Chip,
    // The theme's symbol and its colour class.
    icon: Option<(String, String)>,
    label: String,
    facets: Memo<Facets>,
) -> impl IntoView {
    let pressed = move || {
        let on = store.with_value(|d| nav.state.with(|s| chip.pressed(&d.report, s)));
        on.to_string()
    };
    let toggle = move |_| {
        let next = store.with_value(|d| chip.toggled(&d.report, nav.state.get_untracked()));
        nav.go(next);
    };
    view! {
        <button type="button" class="chip" aria-pressed=pressed on:click=toggle>
            {icon.map(|(i, class)| view! { <span class=format!("tag-icon {class}") aria-hidden="true">{i}</span> })}
            {label}
            <span class="count">{move || facets.with(|f| chip.count(f))}</span>
        </button>
    }
}

/// The filter bar: search, a button with the count of active filters that opens the whole
/// filter panel in place (theme chips, several at once; chapter and kind chips; sort; clear-all;
/// downloads), and 「共 N 项」. Sticky while the reader scrolls; on a wide screen the panel stays
/// open beside the content. Every chip shows how many highlights it would give.
#[component]
pub fn Filters(
    ds: Arc<Dataset>,
    /// Counts for the chips, from the same pass over the report that filtered the list.
    facets: Memo<Facets>,
    /// What the view shows, for 「共 N 项」 and the downloads.
    visible: Memo<Vec<usize>>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;

    // A copyable handle, so the chips' small closures can read the report without owning it.
    let store = StoredValue::new(ds.clone());

    let theme_chips = {
        let ds = ds.clone();
        move || {
            let lang = lang.get();
            ds.report
                .themes
                .iter()
                .enumerate()
                .map(|(i, th)| {
                    let icon = Some((th.icon.clone(), format!("theme-{}", i % 10)));
                    let label = th.label.get(lang).to_string();
                    chip(nav, store, Chip::Theme(i), icon, label, facets)
                })
                .collect_view()
        }
    };

    let chapter_chips = {
        let ds = ds.clone();
        move || {
            let lang = lang.get();
            ds.report
                .chapters
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let label = c.title.get(lang).to_string();
                    chip(nav, store, Chip::Chapter(i), None, label, facets)
                })
                .collect_view()
        }
    };

    let kind_chips = move || {
        let lang = lang.get();
        Kind::ALL
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let label = k.label().get(lang).to_string();
                chip(nav, store, Chip::Kind(i), None, label, facets)
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
    // The panel starts folded: the reader sees the report first. The button says how many
    // filters are on, so a folded panel hides nothing that is in use.
    let open = RwSignal::new(false);
    let active = move || {
        nav.state.with(|s| {
            s.themes.len()
                + usize::from(s.chapter.is_some())
                + usize::from(s.kind.is_some())
                + usize::from(s.sort != Sort::default())
        })
    };
    // A first page is not all of the report: no count to give, nothing yet to filter.
    let partial = ds.partial;
    let count = move || {
        if partial {
            ui(lang.get()).reading_rest.to_string()
        } else {
            format::count_label(visible.with(|v| v.len()), lang.get())
        }
    };
    // The filters in use, shown first under the bar even with the panel folded: each one tap
    // to remove.
    let in_use = {
        let ds = ds.clone();
        move || {
            let s = nav.state.get();
            if !s.has_filters() {
                return None;
            }
            let lang = s.lang;
            let r = &ds.report;
            let mut items: Vec<(String, ViewState)> = Vec::new();
            for id in &s.themes {
                let label = r
                    .themes
                    .iter()
                    .find(|t| &t.id == id)
                    .map_or(id.clone(), |t| t.label.get(lang).to_string());
                items.push((label, s.toggle_theme(id)));
            }
            if let Some(c) = &s.chapter {
                let label = r
                    .chapters
                    .iter()
                    .find(|x| &x.id == c)
                    .map_or(c.clone(), |x| x.title.get(lang).to_string());
                items.push((
                    label,
                    ViewState {
                        chapter: None,
                        ..s.clone()
                    },
                ));
            }
            if let Some(k) = s.kind {
                items.push((
                    k.label().get(lang).to_string(),
                    ViewState {
                        kind: None,
                        ..s.clone()
                    },
                ));
            }
            if !s.query.is_empty() {
                items.push((
                    format!("“{}”", s.query),
                    ViewState {
                        query: String::new(),
                        ..s.clone()
                    },
                ));
            }
            let t = ui(lang);
            let buttons = items
                .into_iter()
                .map(|(label, without)| {
                    let aria = format!("{}：{label}", t.remove_filter);
                    view! {
                        <li><button type="button" class="in-use" aria-label=aria on:click=move |_| nav.go(without.clone())>
                            {label}<span aria-hidden="true">" ×"</span>
                        </button></li>
                    }
                })
                .collect_view();
            Some(view! { <ul class="filters-in-use" aria-label=t.filters_in_use>{buttons}</ul> })
        }
    };

    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{tr(lang, |t| t.filters)}</h2>
            <div class="bar">
                <div class="search">
                    <label for="search" class="visually-hidden">{tr(lang, |t| t.search_label)}</label>
                    <input id="search" type="search" autocomplete="off" enterkeyhint="search"
                        placeholder=tr(lang, |t| t.search_short)
                        prop:value=move || nav.state.with(|s| s.query.clone())
                        on:input=on_search />
                </div>
                <button type="button" class="filter-toggle" aria-controls="filter-panel"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {tr(lang, |t| t.filters)}
                    <span class="active-count" class:none=move || active() == 0>{active}</span>
                </button>
                <p class="result-count" role="status" aria-live="polite">{count}</p>
            </div>
            {in_use}
            <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
                <div class="chip-group" role="group" aria-labelledby="g-themes">
                    <span id="g-themes" class="group-label">{tr(lang, |t| t.themes)}</span>
                    {theme_chips}
                </div>
                <div class="chip-group" role="group" aria-labelledby="g-chapters">
                    <span id="g-chapters" class="group-label">{tr(lang, |t| t.chapters)}</span>
                    {chapter_chips}
                </div>
                <div class="chip-group" role="group" aria-labelledby="g-kinds">
                    <span id="g-kinds" class="group-label">{tr(lang, |t| t.kinds)}</span>
                    {kind_chips}
                </div>
                <div class="filter-actions">
                    <label for="sort">{tr(lang, |t| t.sort_label)}</label>
                    <select id="sort" on:change=on_sort prop:value=move || nav.state.with(|s| s.sort.code())>
                        <option value="report">{tr(lang, |t| t.sort_report)}</option>
                        <option value="theme">{tr(lang, |t| t.sort_theme)}</option>
                        <option value="kind">{tr(lang, |t| t.sort_kind)}</option>
                    </select>
                    <button type="button" class="clear" on:click=clear
                        disabled=move || !nav.state.with(|s| s.has_filters())>
                        {tr(lang, |t| t.clear_all)}
                    </button>
                </div>
                <Downloads ds=ds.clone() visible=visible />
            </div>
        </section>
    }
}
