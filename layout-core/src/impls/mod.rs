//! `Layout` for the primitives and the common standard types.

mod pointers;
mod scalars;
mod std_types;
mod tuples;
