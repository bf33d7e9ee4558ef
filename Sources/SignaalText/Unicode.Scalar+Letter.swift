extension Unicode.Scalar {
    /// Whether the scalar is a letter (Unicode's Alphabetic property), answered without a table look-up for ASCII:
    /// the text pipeline asks this for every character.
    var isLetter: Bool {
        if self.value < 0x80 {
            return (self.value >= 0x41 && self.value <= 0x5A) || (self.value >= 0x61 && self.value <= 0x7A)
        }
        return self.properties.isAlphabetic
    }
}
