//! Discriminants: distinct values of the repr's integer, interesting ones preferred, written
//! as literals, hex, suffixed, `MAX`/`MIN`, sums, shifts, parentheses or named constants.

use std::collections::HashSet;

use layout_core::IntRepr;

use super::Gen;

impl Gen {
    /// Discriminants for `n` variants of type `ty`: `(expression if explicit, value bits)`.
    /// `explicit` is the chance (percent) of an explicit value; `extremes` starts with one.
    pub(super) fn discriminants(
        &mut self,
        n: usize,
        ty: IntRepr,
        explicit: usize,
        extremes: bool,
    ) -> Vec<(Option<String>, u128)> {
        let mut used: HashSet<u128> = HashSet::new();
        let mut out = Vec::with_capacity(n);
        let mut prev: Option<u128> = None;
        for i in 0..n {
            let implicit = match prev {
                None => Some(0),
                Some(p) if p == ty.max_bits() => None,
                Some(p) => Some(p.wrapping_add(1)),
            }
            .filter(|v| !used.contains(v));
            let want_explicit = (i == 0 && extremes) || self.rng.chance(explicit);
            let (expr, value) = match implicit {
                Some(v) if !want_explicit => (None, v),
                _ => {
                    let v = self.fresh_value(ty, &used, extremes);
                    (Some(self.expression(ty, v)), v)
                }
            };
            used.insert(value);
            prev = Some(value);
            out.push((expr, value));
        }
        out
    }

    /// An unused value of `ty`, preferably an interesting one.
    pub(super) fn fresh_value(
        &mut self,
        ty: IntRepr,
        used: &HashSet<u128>,
        extremes: bool,
    ) -> u128 {
        for _ in 0..40 {
            let v = self.interesting(ty, extremes);
            if !used.contains(&v) {
                return v;
            }
        }
        // Dense enums (256 variants of a `u8`): take the first free value.
        let mut v = ty.min_bits();
        while used.contains(&v) {
            v = v.wrapping_add(1);
        }
        v
    }

    pub(super) fn interesting(&mut self, ty: IntRepr, extremes: bool) -> u128 {
        let fits = |v: i128| -> Option<u128> {
            let bits = v as u128;
            let ok = if ty.signed() {
                !less(ty, bits, ty.min_bits()) && !less(ty, ty.max_bits(), bits)
            } else {
                v >= 0 && bits <= ty.max_bits()
            };
            ok.then_some(bits)
        };
        let roll = if extremes {
            self.rng.below(4)
        } else {
            self.rng.below(12)
        };
        let candidate = match roll {
            0 => Some(ty.max_bits()),
            1 => Some(ty.min_bits()),
            2 => Some(ty.max_bits().wrapping_sub(1)),
            3 => Some(ty.min_bits().wrapping_add(1)),
            4 => fits(-1),
            5 => fits(-(self.rng.range(2, 300) as i128)),
            6 => fits(
                *self
                    .rng
                    .pick(&[127, 128, 200, 255, 256, 404, 1000, 65535, 65536]),
            ),
            7 => {
                let wide = (self.rng.next_u64() as u128) << 64 | self.rng.next_u64() as u128;
                let shift = 128 - ty.bits();
                let bits = if ty.signed() {
                    (((wide << shift) as i128) >> shift) as u128
                } else {
                    (wide << shift) >> shift
                };
                Some(bits)
            }
            8 => fits(1i128 << self.rng.below(ty.bits() as usize - 1)),
            _ => fits(self.rng.below(1000) as i128),
        };
        candidate.unwrap_or(0)
    }

    /// A discriminant expression of type `ty` with value `v`.
    pub(super) fn expression(&mut self, ty: IntRepr, v: u128) -> String {
        let literal = display(ty, v);
        let negative = literal.starts_with('-');
        match self.rng.below(11) {
            0 | 1 if v == ty.max_bits() => format!("{ty}::MAX"),
            0 | 1 if v == ty.min_bits() && ty.signed() => format!("{ty}::MIN"),
            2 if !negative => format!("{v:#x}"),
            3 => format!("{literal}{ty}"),
            4 if v.is_power_of_two() && v > 1 && !negative => {
                format!("1 << {}", v.trailing_zeros())
            }
            5 | 6 => {
                let k = self.rng.range(1, 9) as u128;
                let a = v.wrapping_sub(k);
                if less(ty, a, v) && !less(ty, a, ty.min_bits()) {
                    let a = display(ty, a);
                    format!("{a} + {k}")
                } else {
                    literal
                }
            }
            7 if !self.standalone => {
                let name = self.name("K");
                self.consts.push(format!("const {name}: {ty} = {literal};"));
                name
            }
            8 => format!("({literal})"),
            _ => literal,
        }
    }
}

/// Whether `a < b` for values of `int` given as 128-bit two's complement bits.
pub fn less(int: IntRepr, a: u128, b: u128) -> bool {
    if int.signed() {
        (a as i128) < (b as i128)
    } else {
        a < b
    }
}

/// The value `bits` of `int` as a decimal number.
pub fn display(int: IntRepr, bits: u128) -> String {
    if int.signed() {
        (bits as i128).to_string()
    } else {
        bits.to_string()
    }
}
