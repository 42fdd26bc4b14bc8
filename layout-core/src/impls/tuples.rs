//! Tuples of up to twelve elements.

use crate::build::{aggregate, field};
use crate::model::{Layout, StructKind, TypeLayout};
use crate::repr::Repr;
use core::mem::offset_of;

macro_rules! tuple {
    ($name:literal: $($t:ident $i:tt),+) => {
        impl<$($t: Layout),+> Layout for ($($t,)+) {
            const LAYOUT: TypeLayout = aggregate::<Self>(
                $name,
                Repr::RUST,
                StructKind::Tuple,
                &[$(field::<$t>(stringify!($i), "", offset_of!(Self, $i))),+],
            );
        }
    };
}

tuple!("(A,)": A 0);
tuple!("(A, B)": A 0, B 1);
tuple!("(A, B, C)": A 0, B 1, C 2);
tuple!("(A, B, C, D)": A 0, B 1, C 2, D 3);
tuple!("(A, B, C, D, E)": A 0, B 1, C 2, D 3, E 4);
tuple!("(A, B, C, D, E, F)": A 0, B 1, C 2, D 3, E 4, F 5);
tuple!("(A, B, C, D, E, F, G)": A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple!("(A, B, C, D, E, F, G, H)": A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
tuple!("(A, B, C, D, E, F, G, H, I)": A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
tuple!("(A, B, C, D, E, F, G, H, I, J)": A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
tuple!("(A, B, C, D, E, F, G, H, I, J, K)": A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
tuple!("(A, B, C, D, E, F, G, H, I, J, K, L)": A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);
