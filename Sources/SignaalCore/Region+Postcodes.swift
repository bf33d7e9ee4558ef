extension Region {
    /// The postcode ranges of each regional platform, as the taxonomy of the Vlaams Platform Sterk Sociaal Werk
    /// defines them (Vlaams-Brabant has two). For work on files without a database; the `municipalities` table
    /// (migration 003), which intake uses, agrees except for 2070 (Zwijndrecht), merged into
    /// Beveren-Kruibeke-Zwijndrecht (Oost-Vlaanderen) in 2025 — a store test checks exactly that.
    public static let postcodeRanges: [(code: String, ranges: [ClosedRange<Int>])] = [
        ("antwerpen", [2000...2999]),
        ("limburg", [3500...3999]),
        ("oost-vlaanderen", [9000...9999]),
        ("west-vlaanderen", [8000...8999]),
        ("vlaams-brabant", [1500...1999, 3000...3499]),
        ("brussel", [1000...1299]),
    ]

    /// The code of the regional platform a postcode belongs to, or `nil` outside Flanders and Brussels.
    public static func code(forPostcode postcode: Postcode) -> String? {
        guard let number = Int(postcode.description) else { return nil }
        return self.postcodeRanges.first { $0.ranges.contains { $0.contains(number) } }?.code
    }
}
