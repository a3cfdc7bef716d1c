use std::sync::Arc;

use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::format;
use crate::core::model::Lang;
use crate::core::query::ViewState;
use crate::glue::browser;
use crate::view::card::Card;

/// Cards drawn at first and added per step: more than a large screen holds (four rows of three
/// at 1280 px), few enough that a view of 100,000 highlights draws as fast as a view of ten.
pub const PAGE: usize = 12;

/// The cards of a view, drawn a page at a time: the next page comes when the reader scrolls near
/// the end of the list (or presses 「显示更多」), and everything when the page is printed.
#[component]
pub fn CardList(
    ds: Arc<Dataset>,
    /// Indices into the report's highlights, in the view's order.
    order: Vec<usize>,
    lang: Lang,
    /// The view the cards are shown in; each card's link opens its detail from there.
    view: ViewState,
    /// Load more on scrolling; off in an embed, whose frame grows to fit the list.
    auto: bool,
    /// A highlight whose card must be drawn (the one the reader comes back to from its detail).
    reveal: Option<usize>,
) -> impl IntoView {
    let total = order.len();
    let pages = reveal
        .and_then(|r| order.iter().position(|&i| i == r))
        .map_or(1, |pos| pos / PAGE + 1);
    let shown = RwSignal::new((pages * PAGE).min(total));
    let more = move || shown.update(|n| *n = (*n + PAGE).min(total));

    let printing = window_event_listener_untyped("beforeprint", move |_| shown.set(total));
    on_cleanup(move || printing.remove());

    let more_ref = NodeRef::<leptos::html::Div>::new();
    if auto {
        let watcher = StoredValue::new_local(None::<browser::NearViewport>);
        Effect::new(move |_| {
            let next = more_ref
                .get()
                .and_then(|el| browser::when_near_viewport(&el, more));
            watcher.set_value(next);
        });
    }

    let order = StoredValue::new(order);
    let card = move |i: usize| {
        let h = ds.report.highlights[i].clone();
        let ti = ds.report.themes.iter().position(|t| t.id == h.theme);
        let theme = ti.map(|k| ds.report.themes[k].clone());
        let open = ViewState {
            selected: Some(h.id.clone()),
            ..view.clone()
        };
        let ti = ti.unwrap_or(0);
        view! { <li><Card highlight=h theme=theme theme_index=ti lang=lang open=open /></li> }
    };
    view! {
        <ul class="cards">
            <For
                each=move || order.with_value(|o| o[..shown.get()].to_vec())
                key=|i| *i
                children=card
            />
        </ul>
        {move || (shown.get() < total).then(|| view! {
            <div class="more" node_ref=more_ref>
                <button type="button" on:click=move |_| more()>
                    {move || format::show_more_label(total - shown.get(), lang)}
                </button>
            </div>
        })}
    }
}
