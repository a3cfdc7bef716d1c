//! The wasm entry point: a panic becomes a visible error panel, then the app mounts beside the
//! static first paint that `index.html` shows while the wasm and the data load.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xixi_highlights::{app::App, browser};

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal(&info.to_string());
    }));
    let Some(root) = document().get_element_by_id("app") else {
        browser::show_fatal("#app is missing from index.html");
        return;
    };
    // The first paint stays until the data is in (the app removes it then): the reader keeps
    // what they are reading, and the page's largest paint stays the early one. Mounted in a task
    // of its own: the browser's work to ready the wasm and the app's first render are two short
    // tasks, not one long one.
    if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
        set_timeout(
            move || leptos::mount::mount_to(root, App).forget(),
            std::time::Duration::ZERO,
        );
    }
}
