//! Writes the SVG picture of a live value kept in `docs/`: the seed article's
//! `Rc<Vec<String>>` and its clone.
//! `cargo run --example values_svg --features values`.

use std::rc::Rc;

fn main() -> std::io::Result<()> {
    let v: Rc<Vec<String>> = Rc::new(vec!["Odin".into(), "Thor".into(), "Loki".into()]);
    let v2 = v.clone();
    let pair = (v, v2);
    let svg = layoutscope::show(&pair).name("(v, v2)").svg(true);
    let path = format!("{}/docs/rc_vec_string.svg", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(&path, svg.to_string())?;
    println!("wrote {path}");
    Ok(())
}
