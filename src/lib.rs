//! 西溪 · Report Highlights.
//!
//! Three layers, one folder each, each using only the ones before it:
//! - [`core`]: the pure core, plain Rust with no browser and no Leptos: the dataset's types,
//!   loading and validation, filtering, search, formatting, URL state, chart and share-picture
//!   layouts, the draft tool. Tested natively with `cargo test`.
//! - [`glue`]: the browser: the one fetch, history, `<html>` flags, canvas painting, downloads,
//!   clipboard, speech. Called only from effects and event handlers.
//! - [`view`]: the Leptos components. Their bodies touch no browser, so the same components
//!   render natively at build time (`ssr`, `src/bin/render.rs`) and hydrate in the browser.

#![recursion_limit = "256"]

pub mod core;
pub mod glue;
pub mod view;

/// The version of the dataset format (`public/data/schema.json`) this build reads.
pub const SCHEMA_VERSION: u32 = 1;
