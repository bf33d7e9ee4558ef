/// The code a practitioner receives for a signal, to look up later what became of it: `K7QM-2XDA`.
///
/// Eight characters of Crockford's base32 (no I, L, O, U) in two groups: 40 random bits, easy to read aloud and to
/// type; lower case, a missing hyphen and the look-alikes O/0 and I/L/1 are accepted when parsing.
public struct TrackingCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form, `XXXX-XXXX`.
    public let rawValue: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    private static let alphabetBytes = Self.alphabet.map { $0.asciiValue! }

    /// Parses a code as a person might type it.
    public init?(_ text: String) {
        var symbols: [Character] = []
        for character in text.uppercased() where character != "-" && character != " " {
            let symbol: Character =
                switch character {
                case "O": "0"
                case "I", "L": "1"
                default: character
                }
            guard Self.alphabet.contains(symbol) else { return nil }
            symbols.append(symbol)
        }
        guard symbols.count == 8 else { return nil }
        self.rawValue = String(symbols[0..<4]) + "-" + String(symbols[4..<8])
    }

    /// A new random code.
    public static func random(using generator: inout some RandomNumberGenerator) -> TrackingCode {
        let bits: UInt64 = generator.next()  // five bits per symbol: one draw for the whole code
        var bytes = (0..<8).map { Self.alphabetBytes[Int((bits >> UInt64(5 * $0)) & 31)] }
        bytes.insert(UInt8(ascii: "-"), at: 4)
        return TrackingCode(canonical: String(decoding: bytes, as: UTF8.self))
    }

    private init(canonical: String) {
        self.rawValue = canonical
    }

    /// A new random code from the system's generator.
    public static func random() -> TrackingCode {
        var generator = SystemRandomNumberGenerator()
        return Self.random(using: &generator)
    }

    public var description: String { self.rawValue }
}
