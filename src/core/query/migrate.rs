//! Versions of the link format: a link of an older version is brought up to today's step by
//! step, so a link shared today still opens the same view after names or defaults change.

/// One step of link migration: rewrites the parameters of a link of version n to version n + 1
/// (e.g. renaming a parameter, or writing out a default that a later version changes).
pub type Step = fn(&mut Vec<(String, String)>);

/// The migration steps, oldest first: `STEPS[0]` takes version 1 to 2. Empty while version 1 is
/// the only format there has been; a change to names or defaults appends a step here, and links
/// shared before it keep opening the view they showed.
pub const STEPS: &[Step] = &[];

/// The version of the link format written today. Links without `v` are read as version 1.
pub const URL_VERSION: u32 = STEPS.len() as u32 + 1;

/// Bring the parameters of a link of `version` up to today's format.
pub fn migrate(version: u32, pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    migrate_with(STEPS, version, pairs)
}

/// Apply the steps from `version` on, in order.
pub fn migrate_with(
    steps: &[Step],
    version: u32,
    mut pairs: Vec<(String, String)>,
) -> Vec<(String, String)> {
    for step in steps.iter().skip(version.saturating_sub(1) as usize) {
        step(&mut pairs);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::encoding::split_pairs;

    /// A made-up history of the format: version 2 renamed `view=text` to `view=original`, and
    /// version 3 made "theme" the default sort, so a link of an older version that relied on the
    /// old default (report order) must now say so.
    #[allow(clippy::ptr_arg)] // a Step: other steps push, so all take the Vec
    fn v1_to_v2(p: &mut Vec<(String, String)>) {
        for (k, v) in p.iter_mut() {
            if k == "view" && v == "text" {
                *v = "original".into();
            }
        }
    }
    fn v2_to_v3(p: &mut Vec<(String, String)>) {
        if !p.iter().any(|(k, _)| k == "s") {
            p.push(("s".into(), "report".into()));
        }
    }

    #[test]
    fn old_links_are_brought_up_to_date_step_by_step() {
        let steps: &[Step] = &[v1_to_v2, v2_to_v3];
        let pairs = |q: &str| split_pairs(q);
        assert_eq!(
            migrate_with(steps, 1, pairs("view=text&q=a")),
            pairs("view=original&q=a&s=report")
        );
        // A version-2 link only takes the later step; a current one none.
        assert_eq!(
            migrate_with(steps, 2, pairs("view=text")),
            pairs("view=text&s=report")
        );
        assert_eq!(
            migrate_with(steps, 3, pairs("view=text")),
            pairs("view=text")
        );
        // Today's format has had no change yet: every link is current.
        assert_eq!(URL_VERSION, 1);
        assert_eq!(
            migrate(1, pairs("view=text&t=safety")),
            pairs("view=text&t=safety")
        );
    }
}
