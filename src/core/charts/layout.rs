//! Where things go on a chart, in CSS pixels, for each kind of chart: one row per mark (its label
//! above, its mark below), and for bars the axis. Shared by drawing and by pointer hit-testing,
//! so they always agree. Pure: tested natively.

use super::spec::{ChartKind, ChartSpec};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub pad: f64,
    /// Bars: the height of a row (label and bar).
    pub row: f64,
    pub label: f64,
    pub bar: f64,
    pub axis: f64,
    /// Room kept right of the longest bar for its printed value.
    pub value_room: f64,
    /// Units and part-of-whole: the side of one symbol's cell (symbol and gap).
    pub cell: f64,
    /// Track: the height of the line of steps and of the step names above the first row.
    pub track: f64,
}

/// A mark's place: its row from `top`, `height` tall.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub top: f64,
    pub height: f64,
}

/// A chart's width on a 390 px phone, in CSS pixels. The page in the HTML gives each canvas the
/// height it is drawn at this width, so nothing moves when the app sizes and paints it: a chart
/// is as tall at any wider width (symbols per line and grid cells stop growing here).
pub const TYPICAL_WIDTH: f64 = 336.0;

/// Cells per line of a part-of-whole grid: a whole of 20 is two lines of ten.
pub const GRID_COLUMNS: usize = 10;

impl Layout {
    /// `scale` enlarges rows and text (1.0 normally, 1.5 in 关怀模式).
    pub fn new(width: f64, scale: f64) -> Layout {
        let value_room = (width * 0.28).clamp(70.0, 150.0) * scale.max(1.0).sqrt();
        Layout {
            width,
            pad: 8.0,
            row: 56.0 * scale,
            label: 22.0 * scale,
            bar: 22.0 * scale,
            axis: 28.0 * scale,
            value_room,
            cell: 18.0 * scale,
            track: 30.0 * scale,
        }
    }

    /// The scale of rows and text: larger in 关怀模式.
    pub fn scale(care: bool) -> f64 {
        if care {
            1.5
        } else {
            1.0
        }
    }

    /// Text size in CSS pixels for labels and values.
    pub fn font(&self) -> f64 {
        15.0 * self.row / 56.0
    }

    /// The horizontal span a bar may take.
    pub fn track(&self) -> (f64, f64) {
        (
            self.pad,
            (self.width - self.pad - self.value_room).max(self.pad + 10.0),
        )
    }

    /// Symbols per line of a units chart.
    pub fn per_line(&self) -> usize {
        // No more than on a phone: rows of the same length at any wider width (see TYPICAL_WIDTH).
        let width = self.width.min(TYPICAL_WIDTH);
        (((width - 2.0 * self.pad) / self.cell).floor() as usize).max(1)
    }

    /// The side of a part-of-whole cell: as large as ten fit, at most 36 px (× scale).
    pub fn grid_cell(&self) -> f64 {
        let fit = (self.width.min(TYPICAL_WIDTH) - 2.0 * self.pad) / GRID_COLUMNS as f64;
        fit.min(self.cell * 2.0).max(8.0)
    }

    /// The row of every mark, top to bottom.
    pub fn rows(&self, spec: &ChartSpec) -> Vec<Row> {
        let mut top = self.pad;
        let mut out = Vec::with_capacity(spec.bars.len());
        match spec.kind {
            ChartKind::Bars => {
                for _ in &spec.bars {
                    out.push(Row {
                        top,
                        height: self.row,
                    });
                    top += self.row;
                }
            }
            ChartKind::Units => {
                let per = self.per_line() as f64;
                for b in &spec.bars {
                    let lines = (b.value / per).ceil().max(1.0);
                    let height = self.label + 4.0 + lines * self.cell + 12.0;
                    out.push(Row { top, height });
                    top += height;
                }
            }
            ChartKind::PartOfWhole => {
                // One block: the grid of the whole (the part is in it), then two legend lines.
                let whole = spec.bars.first().map_or(0.0, |b| b.value);
                let lines = (whole / GRID_COLUMNS as f64).ceil().max(1.0);
                let grid = lines * self.grid_cell();
                out.push(Row {
                    top,
                    height: grid + 8.0 + 2.0 * self.label,
                });
                if spec.bars.len() > 1 {
                    out.push(out[0]);
                }
            }
            ChartKind::Track => {
                top += self.label; // the names of the steps
                for _ in &spec.bars {
                    let height = self.label + self.track;
                    out.push(Row { top, height });
                    top += height;
                }
            }
        }
        out
    }

    pub fn height(&self, spec: &ChartSpec) -> f64 {
        let end = self
            .rows(spec)
            .iter()
            .map(|r| r.top + r.height)
            .fold(self.pad, f64::max);
        let axis = if spec.kind == ChartKind::Bars {
            self.axis
        } else {
            0.0
        };
        end + axis + self.pad
    }

    /// The mark under a point, for hover and tap. In a part-of-whole grid, a filled cell is the
    /// part and any other point of the grid the whole.
    pub fn mark_at(&self, spec: &ChartSpec, x: f64, y: f64) -> Option<usize> {
        if spec.kind == ChartKind::PartOfWhole {
            let (whole, part) = (spec.bars.first()?, spec.bars.get(1)?);
            let cell = self.grid_cell();
            let (col, line) = ((x - self.pad) / cell, (y - self.pad) / cell);
            if col < 0.0 || line < 0.0 || col >= GRID_COLUMNS as f64 {
                return None;
            }
            let index = line.floor() as usize * GRID_COLUMNS + col.floor() as usize;
            return if (index as f64) < part.value {
                Some(1)
            } else if (index as f64) < whole.value {
                Some(0)
            } else {
                None
            };
        }
        self.rows(spec)
            .iter()
            .position(|r| y >= r.top && y < r.top + r.height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::charts::spec;
    use crate::core::model::Lang;

    #[test]
    fn a_chart_is_as_tall_at_any_width_from_a_phones_up() {
        // The page in the HTML sizes each canvas for the typical width; a reader on a wider
        // screen must see nothing move when the app draws it there.
        let report = crate::core::load::shipped().report;
        let all: Vec<usize> = (0..report.highlights.len()).collect();
        for care in [false, true] {
            let scale = Layout::scale(care);
            for s in spec::specs(&report, &all, Lang::Zh) {
                let typical = Layout::new(TYPICAL_WIDTH, scale).height(&s);
                for width in [358.0, 420.0, 560.0, 900.0] {
                    assert_eq!(
                        Layout::new(width, scale).height(&s),
                        typical,
                        "chart {} at {width} px (care {care})",
                        s.id
                    );
                }
            }
        }
    }
}
