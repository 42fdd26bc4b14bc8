struct r#Type { r#type: u8, r#match: (u8, u16), 名前: bool }
