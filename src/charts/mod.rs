//! Charts: `spec` says what each chart shows (pure, tested natively); `draw` paints a spec on a
//! `<canvas>` with plotters; the component in `components::charts` wires them to the page.

pub mod draw;
pub mod spec;
