use std::sync::Arc;
use std::time::Duration;

use leptos::either::{EitherOf4, EitherOf6};
use leptos::prelude::*;

use crate::core::dataset::Dataset;
use crate::core::i18n::ui;
use crate::core::query::{Embed, View, ViewState};
use crate::glue::browser;
use crate::view::app::FirstRender;
use crate::view::card::Card;
use crate::view::card_list::CardList;
use crate::view::charts::Charts;
use crate::view::detail::Detail;
use crate::view::filters::Filters;
use crate::view::hero::Hero;
use crate::view::nav::{tr, Nav};
use crate::view::notices::{LinkProblems, SkippedRecords};
use crate::view::original::Original;
use crate::view::share_panel::SharePanel;
use crate::view::story::Story;
use crate::view::views_nav::ViewsNav;

/// The loaded report: the hero, the views, the filter bar, then the story (no filter) or the
/// filtered list, and the footer.
#[component]
pub fn Page(
    ds: Arc<Dataset>,
    /// Draw it all at once, whatever the first render is (the whole report in place of its
    /// first page, see [`Dataset::partial`]).
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    if whole {
        provide_context(FirstRender { whole: true });
    }
    // For what deep in the page needs the report (the share picture of a card).
    provide_context(ds.clone());
    let lang = nav.lang;
    let current_view = Memo::new(move |_| nav.state.with(|s| s.view));
    {
        let ds = ds.clone();
        Effect::new(move |_| {
            let l = lang.get();
            browser::set_title(&format!(
                "{} · {}",
                ds.report.meta.headline.get(l),
                ui(l).app_name
            ));
        });
    }
    // Ids in the link that this report does not have fall back to the default, reported (not
    // from a first page, which lacks the rest).
    if !ds.partial {
        let ds = ds.clone();
        Effect::new(move |_| {
            let (clean, problems) = nav.state.with(|s| s.reconcile(&ds.report));
            if clean != nav.state.get_untracked() {
                nav.correct(clean, problems);
            }
        });
    }
    // The search index is built in slices once the first cards are on screen.
    if !ds.partial {
        let ds = ds.clone();
        Effect::new(move |_| {
            let ds = ds.clone();
            request_animation_frame(move || {
                leptos::task::spawn_local(crate::glue::api::index_in_background(ds))
            });
        });
    }
    // Only what filters the list: opening a card or switching 关怀模式 does not filter again.
    let criteria = Memo::new(move |_| nav.state.with(ViewState::criteria));
    let outcome = {
        let ds = ds.clone();
        Memo::new(move |_| criteria.with(|c| ds.outcome(c)))
    };
    let visible = Memo::new(move |_| outcome.with(|o| o.visible.clone()));
    let facets = Memo::new(move |_| outcome.with(|o| o.facets.clone()));
    // No filter, no search, the report's order: the page tells the report as a story.
    let story = Memo::new(move |_| criteria.with(|c| *c == ViewState::default()));
    // The open highlight, if the link names one that exists.
    let selected = {
        let ds = ds.clone();
        Memo::new(move |_| {
            nav.state
                .with(|s| s.selected.as_ref().map(|id| ds.position(id)))
        })
    };
    // The card last opened: when the list comes back it is drawn down to that card, so focus
    // and the reader's place return to it.
    let last_opened = StoredValue::new(None::<usize>);
    Effect::new(move |_| {
        if let Some(Some(i)) = selected.get() {
            last_opened.set_value(Some(i));
        }
    });
    // Drawn fresh, the page comes top down in three tasks: header and tabs, then the filters,
    // then the cards and the footer. Three short tasks instead of one long one, so a slow phone
    // answers a tap in between; nothing on screen moves, as each part comes below what is
    // already there. Rendered at build time, or hydrating that, it is drawn whole.
    let whole = use_context::<FirstRender>().is_some_and(|f| f.whole);
    // A large report's first page is there to put cards on screen soonest: in one task too
    // (its story is its first chapter alone).
    let stage = RwSignal::new(if whole || ds.partial {
        Stage::All
    } else {
        Stage::Header
    });
    Effect::new(move |_| {
        if stage.get_untracked() == Stage::Header {
            set_timeout(
                move || {
                    stage.set(Stage::Filters);
                    set_timeout(move || stage.set(Stage::All), Duration::ZERO);
                },
                Duration::ZERO,
            );
        }
    });
    // Each changes once: what reads them is drawn again only when its own part comes.
    let filters_on = Memo::new(move |_| stage.get() >= Stage::Filters);
    let all_on = Memo::new(move |_| stage.get() == Stage::All);
    let cards = {
        let ds = ds.clone();
        move || {
            if !all_on.get() {
                return EitherOf4::A(());
            }
            let lang = lang.get();
            let order = visible.get();
            if order.is_empty() {
                let t = ui(lang);
                return EitherOf4::B(view! {
                    <div class="empty" role="status">
                        <p class="empty-title">{t.empty_title}</p>
                        <p>{t.empty_hint}</p>
                        <button type="button" class="primary" on:click=move |_| nav.go(nav.state.get_untracked().cleared())>
                            {t.clear_all}
                        </button>
                    </div>
                });
            }
            let state = nav.state.get_untracked();
            let reveal = last_opened.get_value();
            if story.get() {
                return EitherOf4::C(
                    view! { <Story ds=ds.clone() lang=lang view=state reveal=reveal /> },
                );
            }
            let auto = state.embed.is_none();
            EitherOf4::D(
                view! { <CardList ds=ds.clone() order=order lang=lang view=state auto=auto reveal=reveal /> },
            )
        }
    };
    let embed = Memo::new(move |_| nav.state.with(|s| s.embed));
    // An embedded card or chart: that alone, with a link to the full page.
    let embedded_part = {
        let ds = ds.clone();
        move |e: Embed| {
            let s = nav.state.get_untracked();
            match e {
                Embed::Page => None,
                Embed::Card => Some(match selected.get().flatten() {
                    Some(i) => {
                        let h = ds.report.highlights[i].clone();
                        let theme = ds.report.themes.iter().find(|t| t.id == h.theme).cloned();
                        let open = ViewState { embed: None, ..s };
                        EitherOf4::A(
                            view! { <Card highlight=h theme=theme lang=lang.get() open=open /> },
                        )
                    }
                    None => EitherOf4::B(
                        view! { <p class="notice">{ui(lang.get()).embed_needs_card}</p> },
                    ),
                }),
                Embed::Chart => Some(match s.chart.clone() {
                    Some(id) => {
                        EitherOf4::C(view! { <Charts ds=ds.clone() visible=visible only=id /> })
                    }
                    None => EitherOf4::D(
                        view! { <p class="notice">{ui(lang.get()).embed_needs_chart}</p> },
                    ),
                }),
            }
        }
    };
    let body = {
        let ds = ds.clone();
        move || {
            if let Some(part) = embed.get().and_then(&embedded_part) {
                return EitherOf6::A(part);
            }
            let view = current_view.get();
            // Detail and 原文 are drawn in one language: redraw them when it changes.
            lang.track();
            if let Some(Some(i)) = selected.get() {
                return EitherOf6::B(
                    view! { <Detail ds=ds.clone() index=i order=visible.get_untracked() /> },
                );
            }
            if !filters_on.get() && view != View::Text {
                return EitherOf6::C(());
            }
            match view {
                View::Text => EitherOf6::D(view! { <Original ds=ds.clone() /> }),
                View::Charts => EitherOf6::E(view! {
                    <div class="layout">
                        <Filters ds=ds.clone() facets=facets visible=visible />
                        <div class="content"><Charts ds=ds.clone() visible=visible /></div>
                    </div>
                }),
                _ => EitherOf6::F(view! {
                    <div class="layout">
                        <Filters ds=ds.clone() facets=facets visible=visible />
                        <div class="content">{cards.clone()}</div>
                    </div>
                }),
            }
        }
    };
    let skipped = ds.skipped.clone();
    let partial = ds.partial;
    view! {
        {
            let ds = ds.clone();
            move || embed.get().is_none().then(|| view! { <Hero ds=ds.clone() /> })
        }
        // A first page is to read: its controls answer once the whole report is in.
        <main id="main" tabindex="-1" inert=partial aria-busy=partial.then_some("true")>
            <LinkProblems />
            <SkippedRecords skipped=skipped />
            {move || embed.get().map(|_| view! { <FullPageLink /> })}
            <div class="toolrow">
                {move || (embed.get() != Some(Embed::Card) && embed.get() != Some(Embed::Chart)).then(|| view! { <ViewsNav /> })}
                {
                    let title = ds.report.meta.headline.zh.clone();
                    move || embed.get().is_none().then(|| view! { <SharePanel title=title.clone() /> })
                }
            </div>
            {body}
        </main>
        {move || (all_on.get() && embed.get().is_none()).then(|| view! {
            <footer class="site-footer">
                <p>{tr(lang, |t| t.footer_source)}</p>
            </footer>
        })}
    }
}

/// How much of the page is drawn, in the order it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Header,
    Filters,
    All,
}

/// In an embed: opens the same view as a full page in a new tab, never in the portal's frame.
#[component]
fn FullPageLink() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let href = move || {
        let s = nav.state.get();
        crate::view::link::href(&ViewState {
            embed: None,
            chart: None,
            ..s
        })
    };
    view! {
        <p class="embed-bar">
            <a href=href target="_blank" rel="noopener">{tr(nav.lang, |t| t.full_page)}" ↗"</a>
        </p>
    }
}
