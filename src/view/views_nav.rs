use leptos::prelude::*;

use crate::core::i18n::ui;
use crate::core::query::View;
use crate::view::link::ViewLink;
use crate::view::nav::Nav;

/// The three views of the report: highlights, charts, the original text.
#[component]
pub fn ViewsNav() -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || {
        let s = nav.state.get();
        let t = ui(s.lang);
        let items = [
            (View::Cards, t.view_cards),
            (View::Charts, t.view_charts),
            (View::Text, t.view_text),
        ]
        .into_iter()
        .map(|(v, label)| {
            let mut to = s.clone();
            to.view = v;
            to.selected = None;
            let current = s.view == v && s.selected.is_none();
            view! {
                <li>
                    <ViewLink to=to class=if current { "tab current" } else { "tab" }>
                        <span aria-current=current.then_some("page")>{label}</span>
                    </ViewLink>
                </li>
            }
        })
        .collect_view();
        view! { <nav class="views" aria-label=t.views><ul>{items}</ul></nav> }
    }
}
