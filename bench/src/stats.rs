//! Medians of paired measurements.
//!
//! Every figure in the report comes from alternating runs: the baseline, then the variant,
//! then the baseline again, and so on. Each pair gives one difference and one ratio, and the
//! report shows their medians, so a slow moment of the machine (another build, a cron job)
//! moves at most one pair and cannot bias one side only.

/// The median of `values`; the mean of the two middle ones for an even count. `None` when
/// empty. NaNs are not expected (all inputs are durations and sizes).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// Pairs of (baseline, variant) measurements taken back to back.
#[derive(Clone, Debug, Default)]
pub struct Pairs {
    /// `(baseline, variant)`, in the order they were run.
    pub pairs: Vec<(f64, f64)>,
}

impl Pairs {
    /// Records one pair.
    pub fn push(&mut self, baseline: f64, variant: f64) {
        self.pairs.push((baseline, variant));
    }

    /// The number of pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// The median baseline value.
    pub fn baseline(&self) -> Option<f64> {
        median(&self.pairs.iter().map(|p| p.0).collect::<Vec<_>>())
    }

    /// The median variant value.
    pub fn variant(&self) -> Option<f64> {
        median(&self.pairs.iter().map(|p| p.1).collect::<Vec<_>>())
    }

    /// The median of `variant - baseline` over the pairs.
    pub fn added(&self) -> Option<f64> {
        median(&self.pairs.iter().map(|p| p.1 - p.0).collect::<Vec<_>>())
    }

    /// The median of `variant / baseline` over the pairs (pairs with a zero baseline are
    /// skipped).
    pub fn ratio(&self) -> Option<f64> {
        let ratios: Vec<f64> = self
            .pairs
            .iter()
            .filter(|p| p.0 > 0.0)
            .map(|p| p.1 / p.0)
            .collect();
        median(&ratios)
    }

    /// The smallest and largest `variant - baseline`: how much the pairs disagree.
    pub fn added_range(&self) -> Option<(f64, f64)> {
        let added = self.pairs.iter().map(|p| p.1 - p.0);
        let min = added.clone().reduce(f64::min)?;
        let max = added.reduce(f64::max)?;
        Some((min, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn pairs_use_per_pair_differences_and_ratios() {
        let mut p = Pairs::default();
        // A slow moment inflates both runs of pair 2; the per-pair statistics absorb it.
        p.push(1.0, 2.0);
        p.push(3.0, 4.2);
        p.push(1.1, 2.0);
        assert_eq!(p.len(), 3);
        assert_eq!(p.baseline(), Some(1.1));
        assert_eq!(p.variant(), Some(2.0));
        let added = p.added().unwrap();
        assert!((added - 1.0).abs() < 1e-9, "{added}");
        let ratio = p.ratio().unwrap();
        assert!((ratio - 2.0 / 1.1).abs() < 1e-9, "{ratio}");
        let (lo, hi) = p.added_range().unwrap();
        assert!((lo - 0.9).abs() < 1e-9 && (hi - 1.2).abs() < 1e-9);
    }

    #[test]
    fn zero_baseline_is_skipped_in_ratios() {
        let mut p = Pairs::default();
        p.push(0.0, 1.0);
        p.push(2.0, 3.0);
        assert_eq!(p.ratio(), Some(1.5));
        assert_eq!(Pairs::default().ratio(), None);
        assert_eq!(Pairs::default().added_range(), None);
    }
}
