//! 西溪 · Report Highlights.
//!
//! The crate is a pure core (everything but `app`, `components` and `charts::draw`), plain Rust
//! tested natively with `cargo test`, and a thin Leptos view that wires signals to it.

pub mod api;
pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
pub mod dataset;
pub mod draft;
pub mod export;
pub mod expr;
pub mod filter;
pub mod format;
pub mod hash;
pub mod i18n;
pub mod load;
pub mod model;
pub mod numerals;
pub mod original;
pub mod poster;
pub mod prerender;
pub mod query;
pub mod reflow;
pub mod share;
pub mod speech;
pub mod story;
pub mod synth;
pub mod validate;

/// The version of the dataset format (`public/data/schema.json`) this build reads.
pub const SCHEMA_VERSION: u32 = 1;
