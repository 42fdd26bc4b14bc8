//! Integers, floats, `bool`, `char`, `()` and arrays.

use crate::build::{aggregate, leaf};
use crate::model::{Body, Layout, StructKind, TypeLayout};
use crate::niche::{Niche, NicheSummary};
use crate::repr::Repr;

macro_rules! no_niche_scalars {
    ($($t:ty),*) => {$(
        impl Layout for $t {
            const LAYOUT: TypeLayout =
                leaf::<$t>(stringify!($t), Body::Scalar, NicheSummary::none::<$t>());
        }
    )*};
}

no_niche_scalars!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);

impl Layout for bool {
    const LAYOUT: TypeLayout = leaf::<bool>(
        "bool",
        Body::Scalar,
        NicheSummary::known::<bool>(Niche::scalar(1, 0, 1)),
    );
}

impl Layout for char {
    const LAYOUT: TypeLayout = leaf::<char>(
        "char",
        Body::Scalar,
        NicheSummary::known::<char>(Niche::scalar(4, 0, char::MAX as u128)),
    );
}

impl Layout for () {
    const LAYOUT: TypeLayout = aggregate::<()>("()", Repr::RUST, StructKind::Tuple, &[]);
}

impl<T: Layout, const N: usize> Layout for [T; N] {
    const LAYOUT: TypeLayout = crate::build::array::<T, N>();
}
