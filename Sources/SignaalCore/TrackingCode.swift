/// The code a practitioner receives for a signal, to look up later what became of it: `K7QM-2XDA-9F3B-TW4N`.
///
/// A secret: whoever has it sees the signal's page. Sixteen characters of Crockford's base32 (no I, L, O, U) in
/// groups of four: 80 random bits, still easy to read aloud and to type. Lower case, missing hyphens and the
/// look-alikes O/0 and I/L/1 are accepted when parsing, and so are the eight-character codes given out before.
public struct TrackingCode: Hashable, Sendable, CustomStringConvertible {
    /// The canonical form, `XXXX-XXXX-XXXX-XXXX` (`XXXX-XXXX` for the codes given out before).
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
        guard symbols.count == Self.length || symbols.count == Self.formerLength else { return nil }
        self.rawValue = stride(from: 0, to: symbols.count, by: 4).map { String(symbols[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Symbols in a new code (five bits each), and in the codes given out before 2026-12.
    static let length = 16
    static let formerLength = 8

    /// A new random code.
    public static func random(using generator: inout some RandomNumberGenerator) -> TrackingCode {
        var bytes: [UInt8] = []
        for _ in 0..<(Self.length / 8) {
            let bits: UInt64 = generator.next()  // five bits per symbol: one draw for each eight symbols
            if !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            bytes += (0..<4).map { Self.alphabetBytes[Int((bits >> UInt64(5 * $0)) & 31)] }
            bytes.append(UInt8(ascii: "-"))
            bytes += (4..<8).map { Self.alphabetBytes[Int((bits >> UInt64(5 * $0)) & 31)] }
        }
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
