extension String {
    /// The string without leading and trailing punctuation (`.`, `:`, `,`, `(`, `)` and the like).
    func trimmingPunctuation() -> String {
        let scalars = self.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return "" }
        let last = scalars.lastIndex(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })!
        return String(scalars[first...last])
    }
}
