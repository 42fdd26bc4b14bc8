// The probe's printing routines, included into the probe crate the oracle writes
// (`oracle/src/program.rs`): the one place where the oracle reads layoutscope's model. Each
// prints one fact a line, space-separated, as `oracle/src/parse_probe.rs` reads them back.
// Names are identifiers or digits, so they never contain spaces.

/// The lines every type starts with: layoutscope's size, alignment and niche next to the
/// compiler's `size_of`, `align_of` and `size_of::<Option<T>>()`.
fn print_head<T: layoutscope::Layout>(id: usize) {
    // A local of type `T` makes rustc record `T` for -Zprint-type-sizes.
    let witness = core::mem::MaybeUninit::<T>::uninit();
    core::hint::black_box(&witness);
    let layout = &T::LAYOUT;
    println!(
        "type {id} {} {} {} {} {}",
        layout.size,
        layout.align,
        core::mem::size_of::<T>(),
        core::mem::align_of::<T>(),
        core::mem::size_of::<Option<T>>(),
    );
    let fits = u8::from(layout.niche.option_fits);
    match layout.niche.largest {
        layoutscope::LargestNiche::None => println!("niche {id} {fits} none"),
        layoutscope::LargestNiche::Known(n) => println!(
            "niche {id} {fits} known {} {} {} {} {}",
            n.offset,
            n.size,
            n.valid_start,
            n.valid_end,
            n.field.map_or(String::from("-"), |f| f.to_string()),
        ),
        layoutscope::LargestNiche::Unknown { count, reason } => {
            let (kind, c) = match count {
                layoutscope::NicheCount::Exact(c) => ("exact", c),
                layoutscope::NicheCount::AtLeast(c) => ("atleast", c),
            };
            println!("niche {id} {fits} unknown {kind} {c} {reason:?}");
        }
    }
}

/// A struct or union: its head, layoutscope's fields and padding, and `offset_of!` of each
/// declared field.
fn print_fields<T: layoutscope::Layout>(id: usize, offsets: &[(&str, usize)]) {
    print_head::<T>(id);
    let layout = &T::LAYOUT;
    for f in layout.fields() {
        println!("field {id} {} {} {}", f.name, f.offset.unwrap_or(0), f.size());
    }
    for (name, offset) in offsets {
        println!("offset_of {id} {name} {offset}");
    }
    for hole in layout.padding() {
        println!("pad {id} {} {}", hole.start, hole.end);
    }
    println!("end {id}");
}

/// An enum: its head, then layoutscope's tag and variants (discriminants, fields, padding).
/// The values of its variants follow (`print_value` & co), then its `end`.
fn print_variants<E: layoutscope::Layout>(id: usize) {
    print_head::<E>(id);
    let layout = &E::LAYOUT;
    println!("enum {id} {}", layout.variants().len());
    match layout.tag() {
        layoutscope::Tag::Direct { offset, size } => println!("tag {id} direct {offset} {size}"),
        layoutscope::Tag::Unknown => println!("tag {id} unknown"),
        _ => println!("tag {id} none"),
    }
    for (i, v) in layout.variants().iter().enumerate() {
        let exact = if v.fields.iter().all(|f| f.offset.is_some()) {
            "exact"
        } else {
            "unknown"
        };
        println!(
            "variant {id} {i} {} {} {} {exact} {}",
            v.name,
            u8::from(layout.discriminant(v).int.signed()),
            v.discriminant,
            v.fields.len(),
        );
        for f in v.fields {
            println!("vfield {id} {i} {} {} {}", f.name, f.offset.unwrap_or(0), f.size());
        }
        if let Some(padding) = layout.variant_padding(i) {
            println!("vpadding {id} {i}");
            for hole in padding {
                println!("vpad {id} {i} {} {}", hole.start, hole.end);
            }
        }
    }
}

/// rustc's discriminant for a value of variant `index` of an enum without fields, which has
/// no `LayoutOfVal` (`-` in place of the active variant it would report).
fn print_fieldless_value<E>(id: usize, index: usize, value: &E) {
    println!(
        "value {id} {index} - {:?}",
        core::intrinsics::discriminant_value(value),
    );
}

/// What a live value of variant `index` reports, and rustc's discriminant for it.
fn print_value<E: layoutscope::LayoutOfVal>(id: usize, index: usize, value: &E) {
    let mut live = Vec::new();
    let variant = value.visit_fields_of_val(&mut |field, offset| live.push((field.name, offset)));
    println!(
        "value {id} {index} {} {:?}",
        variant.name,
        core::intrinsics::discriminant_value(value),
    );
    for (name, offset) in live {
        println!("live {id} {index} {name} {offset}");
    }
}

/// The tag bytes of a live value, read where layoutscope says the tag is. Only called for
/// enums whose tag bytes RFC 2195 initialises (fieldless enums and explicit reprs).
fn print_tag_bytes<E: layoutscope::Layout>(id: usize, index: usize, value: &E) {
    if let layoutscope::Tag::Direct { offset, size } = E::LAYOUT.tag() {
        if size == 0 || size > 16 || offset + size > core::mem::size_of::<E>() {
            println!("tagbytes {id} {index} outside");
            return;
        }
        let base = value as *const E as *const u8;
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate().take(size) {
            // SAFETY: inside the value, and the tag of these enums is always initialised.
            *byte = unsafe { *base.add(offset + i) };
        }
        let bits = if cfg!(target_endian = "little") {
            u128::from_le_bytes(bytes)
        } else {
            u128::from_be_bytes(bytes) >> (8 * (16 - size))
        };
        println!("tagbytes {id} {index} {bits}");
    }
}
