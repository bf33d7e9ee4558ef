import Crypto
public import Foundation

/// Random secrets handed out once (API keys, password links, session ids) and the only form Signaal keeps of them:
/// their SHA-256.
public enum Secret {
    /// `length` random characters of lowercase base 32 (5 bits each).
    public static func random(length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// The secret's SHA-256 in hexadecimal (stored as `decode(…, 'hex')`).
    public static func hash(_ secret: String) -> String {
        Self.hash(data: Data(secret.utf8))
    }

    /// The SHA-256 of `data` in hexadecimal.
    public static func hash(data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
