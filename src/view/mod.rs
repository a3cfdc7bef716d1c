//! The thin view: Leptos components that wire signals to the pure core and draw. No filtering,
//! formatting or URL logic lives here, and no component body calls the browser.

pub mod app;
pub mod card;
pub mod card_list;
pub mod charts;
pub mod detail;
pub mod downloads;
pub mod error_panel;
pub mod figure;
pub mod filters;
pub mod hero;
pub mod link;
pub mod nav;
pub mod notices;
pub mod original;
pub mod page;
pub mod poster;
pub mod read_aloud;
pub mod share_panel;
pub mod story;
pub mod views_nav;
