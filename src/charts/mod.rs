//! Charts: `spec` says what each chart shows and `layout` where it goes (pure, tested natively);
//! `draw` paints a spec on a `<canvas>` with plotters; the component in `components::charts` wires them to the page.

pub mod draw;
pub mod layout;
pub mod spec;
