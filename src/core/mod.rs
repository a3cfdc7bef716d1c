//! The pure core: no browser types, no Leptos. Everything here is tested natively.

pub mod charts;
pub mod dataset;
pub mod decimal;
pub mod draft;
pub mod export;
pub mod expr;
pub mod filter;
pub mod first_page;
pub mod format;
pub mod i18n;
pub mod load;
pub mod model;
pub mod numerals;
pub mod original;
pub mod poster;
pub mod query;
pub mod reflow;
pub mod share;
pub mod speech;
pub mod story;
pub mod synth;
pub mod validate;
