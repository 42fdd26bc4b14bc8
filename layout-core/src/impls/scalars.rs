//! Integers, floats, `bool`, `char`, `()` and arrays.

use crate::build::{aggregate, field, leaf};
use crate::model::{Field, Layout, Shape, TypeLayout};
use crate::niche::{Niche, NicheSummary};
use crate::repr::Repr;

macro_rules! no_niche_scalars {
    ($($t:ty),*) => {$(
        impl Layout for $t {
            const LAYOUT: TypeLayout =
                leaf::<$t>(stringify!($t), Shape::Scalar, NicheSummary::none::<$t>());
        }
    )*};
}

no_niche_scalars!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);

impl Layout for bool {
    const LAYOUT: TypeLayout = leaf::<bool>(
        "bool",
        Shape::Scalar,
        NicheSummary::known::<bool>(Niche::scalar(1, 0, 1)),
    );
}

impl Layout for char {
    const LAYOUT: TypeLayout = leaf::<char>(
        "char",
        Shape::Scalar,
        NicheSummary::known::<char>(Niche::scalar(4, 0, char::MAX as u128)),
    );
}

impl Layout for () {
    const LAYOUT: TypeLayout = aggregate::<()>("()", Repr::RUST, Shape::Tuple, &[]);
}

impl<T: Layout, const N: usize> Layout for [T; N] {
    const LAYOUT: TypeLayout = TypeLayout {
        name: "[T; N]",
        ..aggregate::<[T; N]>(
            "[T; N]",
            Repr::RUST,
            Shape::Array { len: N },
            // Element 0 stands for all of them; an empty array has none (and no niche).
            first_n(&[field::<T>("[0]", "", 0)], N),
        )
    };
}

const fn first_n(fields: &'static [Field], n: usize) -> &'static [Field] {
    if n < fields.len() {
        fields.split_at(n).0
    } else {
        fields
    }
}
