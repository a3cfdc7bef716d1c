//! The wasm entry point. A panic becomes a visible error panel. Then, for the default view, the
//! page that the build rendered into `index.html` (the same components, `src/bin/render.rs`) is
//! hydrated: its cards are kept as they are and come alive. Any other view (a shared link to a
//! filter, a card, the charts, English, 关怀模式) is drawn fresh in place of it once its data is
//! in, so the reader sees exactly the view the link names.

// Hydrating a page of deeply nested views is a deeply nested type.
#![recursion_limit = "256"]

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use xixi_highlights::core::query::ViewState;
    use xixi_highlights::glue::{api, browser};
    use xixi_highlights::view::app::App;

    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal(&info.to_string());
    }));
    let Some(root) = document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        browser::show_fatal("#app is missing from index.html");
        return;
    };
    let (state, problems) = ViewState::parse(&browser::current_query());
    // What the build rendered, if anything: which report, from which data.
    let built_report = root.get_attribute("data-report");
    let built_stamp = root.get_attribute("data-build");
    let same_report = state.report.is_none() || state.report == built_report;
    if !same_report || built_stamp.is_none() {
        // Another report than the one in the page: drawn fresh now, loading with its progress.
        root.set_inner_html("");
        leptos::mount::mount_to(
            root,
            move || view! { <App state=state problems=problems /> },
        )
        .forget();
        return;
    }
    // The page in the HTML stays, readable, while its data is fetched. (Leptos's own executor
    // starts with the mount; this task comes before it.)
    wasm_bindgen_futures::spawn_local(async move {
        // The page in the HTML is on screen meanwhile: no first page to show before the whole.
        let none = None::<fn(std::sync::Arc<xixi_highlights::core::dataset::Dataset>)>;
        let loaded = api::load(state.report.clone(), |_| (), true, none).await;
        let mut state = state;
        // Typed into the page's search box meanwhile: that search is the view now.
        let typed = browser::typed_search(&root);
        let refocus = typed.as_ref().is_some_and(|(_, focused)| *focused);
        if let Some((query, _)) = typed.filter(|_| state.query.is_empty()) {
            state.query = query.trim().to_string();
        }
        let default_view = state == ViewState::default() && problems.is_empty();
        match loaded {
            Ok(ds) if default_view && built_stamp.is_some() && built_stamp == ds.stamp => {
                leptos::mount::hydrate_from(root, move || {
                    view! { <App state=state problems=problems loaded=Ok(ds) whole=true /> }
                })
                .forget();
            }
            loaded => {
                // Another view than the default (or other data than the build's): drawn fresh,
                // in place of the page in the HTML, in one go.
                root.set_inner_html("");
                leptos::mount::mount_to(root.clone(), move || {
                    view! { <App state=state problems=problems loaded=loaded /> }
                })
                .forget();
                if refocus {
                    browser::focus_search(root.into()).await;
                }
            }
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the app runs in a browser: build it with `bash .ci/build` or serve it with `bash .ci/serve`");
}
