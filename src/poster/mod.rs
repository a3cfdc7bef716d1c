//! 分享图: a poster of one highlight (or of the key figures) for WeChat chats and Moments, where a
//! 图解 travels as a picture. `layout` decides every line and box of the 750 × 1334 picture
//! (pure, tested natively); `paint` draws it on a canvas in the browser. The QR code carries the
//! link of what the poster shows, so a reader who long-presses it lands on that card.

pub mod layout;
pub mod paint;

pub use layout::{highlight, key_figures, Align, Ink, Op, Poster, Rect};
