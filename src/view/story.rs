use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::charts::spec;
use crate::core::dataset::Dataset;
use crate::core::i18n::ui;
use crate::core::model::Lang;
use crate::core::query::ViewState;
use crate::core::story;
use crate::view::app::FirstRender;
use crate::view::card::{Card, Size};
use crate::view::charts::Chart;
use crate::view::link::ViewLink;

/// The page with no filter: the report told in its own order, one `<section>` per chapter with
/// the chapter's heading, its leading figures drawn large, its charts, then its highlights. A
/// chapter too long to draw whole links to the list of all its highlights.
#[component]
pub fn Story(
    ds: Arc<Dataset>,
    lang: Lang,
    view: ViewState,
    /// A highlight whose card must be drawn at once (the one the reader comes back to from its
    /// detail, so focus and the reader's place return to it).
    reveal: Option<usize>,
) -> impl IntoView {
    let chapters = story::chapters(&ds.report);
    let total = chapters.len();
    let needed = reveal
        .and_then(|i| {
            chapters
                .iter()
                .position(|c| c.lead.contains(&i) || c.rest.contains(&i))
        })
        .map_or(0, |n| n + 1);
    // Drawn fresh: the first screen's chapters now, one more per task after: no long task for a
    // slow phone, and nothing above moves (each comes below the last, off screen). Rendered at
    // build time, or hydrating that: all of them.
    let whole = use_context::<FirstRender>().is_some_and(|f| f.whole);
    // A large report's first page: its first chapter alone (the first screen), soonest.
    let first = if ds.partial { 1 } else { 2 };
    let shown = RwSignal::new(if whole {
        total
    } else {
        total.min(first).max(needed)
    });
    fn more(shown: RwSignal<usize>, total: usize) {
        if shown.get_untracked() < total {
            set_timeout(
                move || {
                    shown.update(|n| *n += 1);
                    more(shown, total);
                },
                std::time::Duration::ZERO,
            );
        }
    }
    // In an effect: it starts once the story is on the page. A first page stays at its first
    // chapter: the whole report, read meanwhile, comes soonest without these tasks.
    if !ds.partial {
        Effect::new(move |_| more(shown, total));
    }
    let chapters = StoredValue::new(chapters);
    let section = move |n: usize| chapters.with_value(|c| section(&ds, &c[n], c, lang, &view));
    view! {
        <div class="story" data-chapters=total>
            <For each=move || 0..shown.get() key=|n| *n children=section />
        </div>
    }
}

/// One chapter: its heading, its leading figures large, its charts, its other highlights, and
/// a link to all of them when it is too long to draw whole.
fn section(
    ds: &Dataset,
    c: &story::Chapter,
    all_chapters: &[story::Chapter],
    lang: Lang,
    view: &ViewState,
) -> impl IntoView {
    let r = &ds.report;
    let t = ui(lang);
    let all: Vec<usize> = (0..r.highlights.len()).collect();
    let theme_index = |id: &str| r.themes.iter().position(|t| t.id == id).unwrap_or(0);
    let card = |i: usize, size: Size| {
        let h = r.highlights[i].clone();
        let theme = r.themes.iter().find(|t| t.id == h.theme).cloned();
        let open = ViewState {
            selected: Some(h.id.clone()),
            ..view.clone()
        };
        let ti = theme_index(&h.theme);
        view! { <li><Card highlight=h theme=theme theme_index=ti lang=lang open=open size=size /></li> }
    };
    let ch = &r.chapters[c.chapter];
    let heading_id = format!("ch-{}-title", ch.id);
    let labelled_by = heading_id.clone();
    let title = ch.title.get(lang).to_string();
    // The report's chapters are numbered; its opening, told as a list, is not.
    let number = (!c.compact).then(|| {
        let n = all_chapters
            .iter()
            .take_while(|x| x.chapter != c.chapter)
            .filter(|x| !x.compact)
            .count()
            + 1;
        view! { <span class="ch-no" aria-hidden="true">{format!("{n:02}")}</span> }
    });
    let body = if c.compact {
        let items = c
            .rest
            .iter()
            .map(|&i| card(i, Size::Compact))
            .collect_view();
        Either::Left(view! { <ul class="cards opening">{items}</ul> })
    } else {
        let lead = c.lead.iter().map(|&i| card(i, Size::Lead)).collect_view();
        let charts = c
            .charts
            .iter()
            .map(|&k| {
                let s = spec::spec(r, &r.charts[k], &all, lang);
                view! { <Chart spec=s lang=lang /> }
            })
            .collect_view();
        let rest = c.rest.iter().map(|&i| card(i, Size::Normal)).collect_view();
        Either::Right(view! {
            <ul class="cards leads">{lead}</ul>
            {(!c.charts.is_empty()).then(|| view! { <div class="charts inline">{charts}</div> })}
            <ul class="cards">{rest}</ul>
        })
    };
    let shown = c.lead.len() + c.rest.len();
    // A first page has not read the rest of the chapter: the line the link will take says so.
    let waiting = ds.partial.then(|| {
        view! { <p class="chapter-more waiting">{t.chapter_all}"（"{t.reading_rest}"）"</p> }
    });
    let more = (waiting.is_none() && c.total > shown).then(|| {
        let to = ViewState {
            chapter: Some(ch.id.clone()),
            ..view.clone()
        };
        view! {
            <p class="chapter-more">
                <ViewLink to=to>{format!("{}（{}）", t.chapter_all, crate::core::format::count_label(c.total, lang))}</ViewLink>
            </p>
        }
    });
    view! {
        <section class="chapter" id=format!("ch-{}", ch.id) aria-labelledby=labelled_by data-room=c.room()>
            <h2 id=heading_id>{number}<span class="ch-title">{title}</span></h2>
            {body}
            {more}
            {waiting}
        </section>
    }
}
