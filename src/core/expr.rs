//! The tiny arithmetic language of derived metrics: numbers, `{highlight/metric}` references,
//! `+ - * /` and parentheses. Derived values are recomputed from it at load, so a formula and its
//! stored value can never drift apart unnoticed.

/// Evaluate `formula`, resolving each `{ref}` with `lookup`.
pub fn eval(formula: &str, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<f64, String> {
    let mut p = Parser {
        s: formula.as_bytes(),
        i: 0,
        src: formula,
        lookup,
    };
    let v = p.sum()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(format!("unexpected `{}` at {}", &formula[p.i..], p.i));
    }
    Ok(v)
}

/// Every `{ref}` a formula names, in order.
pub fn references(formula: &str) -> Vec<&str> {
    formula
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(r, _)| r.trim()))
        .collect()
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    src: &'a str,
    lookup: &'a dyn Fn(&str) -> Option<f64>,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.s.get(self.i).copied()
    }

    fn sum(&mut self) -> Result<f64, String> {
        let mut v = self.product()?;
        while let Some(op @ (b'+' | b'-')) = self.peek() {
            self.i += 1;
            let r = self.product()?;
            v = if op == b'+' { v + r } else { v - r };
        }
        Ok(v)
    }

    fn product(&mut self) -> Result<f64, String> {
        let mut v = self.atom()?;
        while let Some(op @ (b'*' | b'/')) = self.peek() {
            self.i += 1;
            let r = self.atom()?;
            if op == b'/' && r == 0.0 {
                return Err("division by zero".into());
            }
            v = if op == b'*' { v * r } else { v / r };
        }
        Ok(v)
    }

    fn atom(&mut self) -> Result<f64, String> {
        match self.peek() {
            Some(b'(') => {
                self.i += 1;
                let v = self.sum()?;
                if self.peek() != Some(b')') {
                    return Err("missing `)`".into());
                }
                self.i += 1;
                Ok(v)
            }
            Some(b'-') => {
                self.i += 1;
                Ok(-self.atom()?)
            }
            Some(b'{') => {
                let start = self.i + 1;
                let end = self.src[start..]
                    .find('}')
                    .map(|e| start + e)
                    .ok_or_else(|| "missing `}`".to_string())?;
                self.i = end + 1;
                let name = self.src[start..end].trim();
                (self.lookup)(name).ok_or_else(|| format!("unknown reference {{{name}}}"))
            }
            Some(c) if c.is_ascii_digit() || c == b'.' => {
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
                {
                    self.i += 1;
                }
                crate::core::decimal::parse(&self.src[start..self.i])
                    .ok_or_else(|| format!("bad number `{}`", &self.src[start..self.i]))
            }
            Some(_) => Err(format!("unexpected `{}`", &self.src[self.i..])),
            None => Err("formula ends too early".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<f64> {
        match name {
            "industrial-output/output" => Some(12.34),
            "industrial-output/growth" => Some(1.92),
            "villages/over-50" => Some(20.0),
            "villages/over-100" => Some(4.0),
            _ => None,
        }
    }

    #[test]
    fn last_years_output_from_growth() {
        let v = eval(
            "{industrial-output/output} / (1 + {industrial-output/growth} / 100)",
            &vars,
        )
        .unwrap();
        assert!((v - 12.1075).abs() < 1e-3, "{v}");
    }

    #[test]
    fn subtraction_and_references() {
        let f = "{villages/over-50} - {villages/over-100}";
        assert_eq!(eval(f, &vars), Ok(16.0));
        assert_eq!(references(f), vec!["villages/over-50", "villages/over-100"]);
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(eval("{nope/x} + 1", &vars).unwrap_err().contains("nope/x"));
        assert!(eval("(1 + 2", &vars).unwrap_err().contains(")"));
        assert!(eval("1 / 0", &vars).is_err());
        assert!(eval("1 2", &vars).is_err());
        assert!(eval("", &vars).is_err());
    }
}
