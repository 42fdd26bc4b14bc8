#[repr(i128)]
enum Wide { Min = i128::MIN, Zero = 0, Max = i128::MAX }
