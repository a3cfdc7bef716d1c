use leptos::prelude::*;

use crate::core::i18n::ui;
use crate::core::load::Skipped;
use crate::view::nav::{tr, Nav};

/// Parts of the link that were not understood: shown, never silently dropped.
#[component]
pub fn LinkProblems() -> impl IntoView {
    let nav = expect_context::<Nav>();
    move || {
        let problems = nav.problems.get();
        (!problems.is_empty()).then(|| {
            let lang = nav.state.with_untracked(|s| s.lang);
            view! {
                <aside class="notice" role="status">
                    <p>{ui(lang).link_problems}</p>
                    <ul>
                        {problems
                            .into_iter()
                            .map(|p| {
                                let reason = p.reason_text(lang);
                                view! { <li><code>{p.param}"="{p.value}</code>" — "{reason}</li> }
                            })
                            .collect_view()}
                    </ul>
                </aside>
            }
        })
    }
}

/// Records that failed validation: listed with their reasons, never silently dropped.
#[component]
pub fn SkippedRecords(skipped: Vec<Skipped>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    (!skipped.is_empty()).then(move || {
        view! {
            <aside class="notice warn" role="status">
                <p>{tr(nav.lang, |t| t.skipped_title)}</p>
                <ul>
                    {skipped
                        .into_iter()
                        .flat_map(|s| s.problems)
                        .map(|p| view! { <li>{p.to_string()}</li> })
                        .collect_view()}
                </ul>
            </aside>
        }
    })
}
