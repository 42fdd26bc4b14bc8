// The derive's modules as the crate root of a test sees them, for `include!` at the root of
// each test that calls `expand::derive` (one list to keep in step with `src/lib.rs`).
#[path = "../../src/ast.rs"]
mod ast;
#[path = "../../src/attr.rs"]
mod attr;
#[path = "../../src/checks.rs"]
mod checks;
#[path = "../../src/ctxt.rs"]
mod ctxt;
#[path = "../../src/emit.rs"]
mod emit;
#[path = "../../src/enums.rs"]
mod enums;
#[path = "../../src/expand.rs"]
mod expand;
#[path = "../../src/fallback.rs"]
mod fallback;
#[path = "../../src/item.rs"]
mod item;
#[path = "../../src/meta.rs"]
mod meta;
#[path = "../../src/repr.rs"]
mod repr;
#[path = "../../src/tag_copy.rs"]
mod tag_copy;
#[path = "../../src/type_text.rs"]
mod type_text;
#[path = "../../src/valid.rs"]
mod valid;
#[path = "../../src/values.rs"]
mod values;
