use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Nav;
use crate::dataset::Dataset;
use crate::filter::Facets;
use crate::i18n::ui;
use crate::model::Kind;
use crate::query::{Sort, ViewState};

/// One filter chip: a toggle button whose pressed state and count follow the view. The button
/// itself stays in place while the view changes, so keyboard focus stays on it.
fn chip(
    nav: Nav,
    icon: Option<String>,
    label: String,
    pressed: impl Fn(&ViewState) -> bool + Copy + Send + Sync + 'static,
    toggle: impl Fn(ViewState) -> ViewState + Copy + Send + Sync + 'static,
    count: impl Fn(&Facets) -> usize + Copy + Send + Sync + 'static,
    facets: Memo<Facets>,
) -> impl IntoView {
    view! {
        <button type="button" class="chip"
            aria-pressed=move || nav.state.with(pressed).to_string()
            on:click=move |_| nav.go(toggle(nav.state.get_untracked()))>
            {icon.map(|i| view! { <span class="tag-icon" aria-hidden="true">{i}</span> })}
            {label}
            <span class="count">{move || facets.with(count)}</span>
        </button>
    }
}

/// Search, theme chips (several at once), chapter and kind chips, sort, clear-all. Every chip
/// shows how many highlights it would give.
#[component]
pub fn Filters(
    ds: Arc<Dataset>,
    /// Counts for the chips, from the same pass over the report that filtered the list.
    facets: Memo<Facets>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = nav.lang;

    // A copyable handle, so the chips' small closures can look ids up without owning them.
    let store = StoredValue::new(ds.clone());
    let theme_id = move |i: usize| store.with_value(|d| d.report.themes[i].id.clone());
    let chapter_id = move |i: usize| store.with_value(|d| d.report.chapters[i].id.clone());

    let theme_chips = {
        let ds = ds.clone();
        move || {
            let lang = lang.get();
            ds.report
                .themes
                .iter()
                .enumerate()
                .map(|(i, th)| {
                    chip(
                        nav,
                        Some(th.icon.clone()),
                        th.label.get(lang).to_string(),
                        move |s| s.themes.contains(&theme_id(i)),
                        move |s| s.toggle_theme(&theme_id(i)),
                        move |f| f.themes.get(i).copied().unwrap_or(0),
                        facets,
                    )
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
                    chip(
                        nav,
                        None,
                        c.title.get(lang).to_string(),
                        move |s| s.chapter == Some(chapter_id(i)),
                        move |s| {
                            let id = chapter_id(i);
                            let on = s.chapter.as_ref() == Some(&id);
                            ViewState {
                                chapter: (!on).then_some(id),
                                ..s
                            }
                        },
                        move |f| f.chapters.get(i).copied().unwrap_or(0),
                        facets,
                    )
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
                chip(
                    nav,
                    None,
                    k.label().get(lang).to_string(),
                    move |s| s.kind == Some(k),
                    move |s| ViewState {
                        kind: (s.kind != Some(k)).then_some(k),
                        ..s
                    },
                    move |f| f.kinds.get(i).copied().unwrap_or(0),
                    facets,
                )
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
    // The secondary filters start folded on a phone-sized first view, open when one is in use.
    let more_open = nav
        .state
        .with_untracked(|s| s.chapter.is_some() || s.kind.is_some() || s.sort != Sort::default())
        || window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= 700.0);

    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{move || ui(lang.get()).filters}</h2>
            <div class="search">
                <label for="search">{move || ui(lang.get()).search_label}</label>
                <input id="search" type="search" autocomplete="off"
                    placeholder=move || ui(lang.get()).search_placeholder
                    prop:value=move || nav.state.with(|s| s.query.clone())
                    on:input=on_search />
            </div>
            <div class="chip-group" role="group" aria-labelledby="g-themes">
                <span id="g-themes" class="group-label">{move || ui(lang.get()).themes}</span>
                {theme_chips}
            </div>
            <details class="more-filters" open=more_open>
                <summary>{move || ui(lang.get()).more_filters}</summary>
                <div class="chip-group" role="group" aria-labelledby="g-chapters">
                    <span id="g-chapters" class="group-label">{move || ui(lang.get()).chapters}</span>
                    {chapter_chips}
                </div>
                <div class="chip-group" role="group" aria-labelledby="g-kinds">
                    <span id="g-kinds" class="group-label">{move || ui(lang.get()).kinds}</span>
                    {kind_chips}
                </div>
                <div class="filter-actions">
                    <label for="sort">{move || ui(lang.get()).sort_label}</label>
                    <select id="sort" on:change=on_sort prop:value=move || nav.state.with(|s| s.sort.code())>
                        <option value="report">{move || ui(lang.get()).sort_report}</option>
                        <option value="theme">{move || ui(lang.get()).sort_theme}</option>
                        <option value="kind">{move || ui(lang.get()).sort_kind}</option>
                    </select>
                </div>
            </details>
            <button type="button" class="clear" on:click=clear
                disabled=move || !nav.state.with(|s| s.has_filters())>
                {move || ui(lang.get()).clear_all}
            </button>
        </section>
    }
}
