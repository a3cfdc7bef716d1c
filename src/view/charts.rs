use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::charts::layout::{Layout, TYPICAL_WIDTH};
use crate::core::charts::spec::{self, ChartSpec};
use crate::core::dataset::Dataset;
use crate::core::model::Lang;
use crate::glue::chart_draw::{self, DARK, LIGHT};
use crate::view::nav::Nav;

/// Every chart of the report, following the filters.
#[component]
pub fn Charts(
    ds: Arc<Dataset>,
    visible: Memo<Vec<usize>>,
    /// Show only this chart (an embedded chart).
    #[prop(optional, into)]
    only: Option<String>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let specs = Memo::new(move |_| {
        let lang = nav.state.with(|s| s.lang);
        let mut specs = visible.with(|v| spec::specs(&ds.report, v, lang));
        if let Some(id) = &only {
            specs.retain(|s| s.id == *id);
        }
        specs
    });
    move || {
        let lang = nav.state.with_untracked(|s| s.lang);
        let figures = specs
            .get()
            .into_iter()
            .map(|s| view! { <Chart spec=s lang=lang /> })
            .collect_view();
        view! { <div class="charts">{figures}</div> }
    }
}

/// Give the canvas the CSS height its drawing will have at its width, and the full width of its
/// figure (until then it is a box of the height it has at the typical width: see `Chart`).
fn size(el: &web_sys::HtmlCanvasElement, spec: &ChartSpec, scale: f64) {
    let html: &web_sys::HtmlElement = el.as_ref();
    let style = html.style();
    let _ = style.set_property("width", "100%");
    let width = f64::from(el.client_width()).max(200.0);
    let height = Layout::new(width, scale).height(spec);
    let _ = style.set_property("height", &format!("{height}px"));
}

/// Paint `spec` on its canvas at the canvas's width.
fn paint(el: &web_sys::HtmlCanvasElement, spec: &ChartSpec, hover: Option<usize>, scale: f64) {
    let width = f64::from(el.client_width()).max(200.0);
    let dpr = window().device_pixel_ratio().max(1.0);
    let palette = if crate::glue::browser::is_dark() {
        DARK
    } else {
        LIGHT
    };
    if let Err(e) = chart_draw::draw(el, spec, width, dpr, palette, hover, scale) {
        leptos::logging::warn!("chart {} not drawn: {e}", spec.id);
    }
}

/// One chart: caption with its finding, the canvas (an image with that finding as its text),
/// the value under the pointer, and the same numbers as a table.
#[component]
pub fn Chart(spec: ChartSpec, lang: Lang) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let (hover, set_hover) = signal(None::<usize>);
    let (resized, set_resized) = signal(0u32);
    let spec = Arc::new(spec);
    let nav = expect_context::<Nav>();
    let resize =
        window_event_listener(leptos::ev::resize, move |_| set_resized.update(|n| *n += 1));
    // Printing draws every chapter: a chart not drawn yet is drawn now, before the page is laid
    // out for paper.
    let (printing, set_printing) = signal(false);
    let print = window_event_listener_untyped("beforeprint", move |_| set_printing.set(true));
    // Whether the first look at the chapter around the canvas has been taken (see the effect).
    let settled = StoredValue::new(false);
    on_cleanup(move || {
        resize.remove();
        print.remove();
    });

    {
        let spec = spec.clone();
        Effect::new(move |_| {
            resized.track();
            nav.scheme.track();
            let scale = Layout::scale(nav.care.get());
            let hover = hover.get();
            let printing = printing.get();
            let Some(el) = canvas.get() else { return };
            let el: web_sys::HtmlCanvasElement = el.unchecked_into();
            // A chart in a chapter off the screen, which the browser has not laid out: sized and
            // painted once the reader nears it (its box already has its height, see below).
            let again = move || {
                set_resized.try_update(|n| *n += 1);
            };
            if !printing && !settled.get_value() {
                // Whether the browser skips a chapter it has just been given is known once it
                // has been laid out: look after the next frame.
                settled.set_value(true);
                if el.closest(".chapter").ok().flatten().is_some() {
                    request_animation_frame(move || set_timeout(again, std::time::Duration::ZERO));
                    return;
                }
            }
            if !printing && crate::glue::browser::wait_until_drawn(&el, again) {
                return;
            }
            // The canvas takes its drawn height now, in the frame the page comes in, so nothing
            // moves when it is painted; the painting itself is a task of its own, not part of
            // the one that draws (or hydrates) the page: six charts are six short tasks.
            size(&el, &spec, scale);
            if printing {
                paint(&el, &spec, hover, scale);
                return;
            }
            let spec = spec.clone();
            set_timeout(
                move || paint(&el, &spec, hover, scale),
                std::time::Duration::ZERO,
            );
        });
    }

    let pick = {
        let spec = spec.clone();
        move |x: f64, y: f64| {
            let scale = Layout::scale(nav.care.get_untracked());
            let width = canvas
                .get_untracked()
                .map_or(0.0, |el| f64::from(el.client_width()));
            set_hover.set(Layout::new(width, scale).mark_at(&spec, x, y));
        }
    };
    let pick2 = pick.clone();
    let tip = {
        let spec = spec.clone();
        move || {
            hover
                .get()
                .and_then(|i| spec.bars.get(i))
                .map(|b| format!("{}：{}", b.label, b.text))
        }
    };
    let (col_item, col_value, table_label) = match lang {
        Lang::Zh => ("项目", "数值", "数据表"),
        Lang::En => ("Item", "Value", "Data table"),
    };
    let rows = spec
        .bars
        .iter()
        .map(|b| view! { <tr><th scope="row">{b.label.clone()}</th><td>{b.text.clone()}</td></tr> })
        .collect_view();
    let alt = format!("{}。{}", spec.title, spec.finding);
    let png_label = crate::core::i18n::ui(lang).download_png;
    let png_name = format!("{}.png", spec.id);
    let save_png = move |_| {
        if let Some(el) = canvas.get_untracked() {
            let el: &web_sys::HtmlCanvasElement = &el;
            if let Ok(url) = el.to_data_url() {
                crate::glue::browser::download_url(&png_name, &url);
            }
        }
    };
    let title_id = format!("chart-{}-title", spec.id);
    let labelled_by = title_id.clone();
    let empty = spec.is_empty();
    // Before the app sizes it (the page in the HTML, until the reader's first sign of use fetches
    // the app), the canvas is a blank box 1 px wide and as tall as its drawing at the typical
    // width: attributes, not a style, so a strict CSP lets the HTML keep them.
    let box_height = Layout::new(TYPICAL_WIDTH, Layout::scale(nav.care.get_untracked()))
        .height(&spec)
        .round() as u32;
    view! {
        <figure class="chart" id=format!("chart-{}", spec.id) aria-labelledby=labelled_by data-kind=spec.kind.code()>
            <figcaption>
                <h3 id=title_id>{spec.title.clone()}</h3>
                <p class="finding">{spec.finding.clone()}</p>
            </figcaption>
            {(!empty).then(|| view! {
                <canvas node_ref=canvas role="img" aria-label=alt width="1" height=box_height
                    on:pointermove=move |ev| pick(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                    on:pointerdown=move |ev| pick2(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                    on:pointerleave=move |_| set_hover.set(None)></canvas>
                <p class="chart-tip" aria-hidden="true">{tip}</p>
                {spec.note.clone().map(|n| view! { <p class="chart-note">{n}</p> })}
                <button type="button" class="download-png" on:click=save_png>{png_label}</button>
                <details class="chart-data">
                    <summary>{table_label}</summary>
                    <table>
                        <caption>{spec.title.clone()}</caption>
                        <thead><tr><th scope="col">{col_item}</th><th scope="col">{col_value}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            })}
        </figure>
    }
}
