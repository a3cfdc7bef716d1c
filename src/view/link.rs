use leptos::prelude::*;

use crate::core::query::ViewState;
use crate::view::nav::Nav;

/// The link of a view: relative, so it works under any sub-path.
pub fn href(state: &ViewState) -> String {
    let q = state.write();
    if q.is_empty() {
        "./".to_string()
    } else {
        format!("?{q}")
    }
}

/// A real link to another view of the page: it opens in a new tab like any link, and a plain
/// click moves the page there without reloading. Its children keep their type (not erased into
/// an `AnyView`, which would compile every way of drawing them, hydration's async one too).
#[component]
pub fn ViewLink<C: IntoView + 'static>(
    to: ViewState,
    children: TypedChildren<C>,
    #[prop(optional, into)] class: String,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let nav = use_context::<Nav>();
    let url = href(&to);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(nav) = nav else { return };
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        nav.go(to.clone());
    };
    let children = children.into_inner();
    view! { <a href=url class=class id=id on:click=on_click>{children()}</a> }
}
