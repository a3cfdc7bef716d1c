//! Charts, the pure part: `spec` says what each chart shows, `layout` where each mark goes. The
//! browser glue (`glue::chart_draw`) paints a spec; `view::charts` wires them to the page.

pub mod layout;
pub mod spec;
