//! Browser glue: every call into the browser (fetch, history, `<html>` flags, canvas, downloads,
//! clipboard, share sheet, speech). The view calls these only from effects and event handlers,
//! never while it renders, so it also renders natively at build time.

pub mod api;
pub mod browser;
pub mod chart_draw;
pub mod poster_paint;
pub mod speak;
