/// Whom a brief is for: one regional platform, or the whole Flemish platform (all six regions, code `vlaanderen`).
public enum BriefScope: Hashable, Sendable, CustomStringConvertible {
    case region(String)
    case flanders

    /// The code of the whole Flemish platform.
    public static let flandersCode = "vlaanderen"

    /// Parses a region code or `vlaanderen`; `regionCodes` are the known platforms.
    public init?(code: String, regionCodes: Set<String>) {
        if code == Self.flandersCode {
            self = .flanders
        } else if regionCodes.contains(code) {
            self = .region(code)
        } else {
            return nil
        }
    }

    public var code: String {
        switch self {
        case .region(let code): code
        case .flanders: Self.flandersCode
        }
    }

    public var description: String { self.code }

    /// Whether a signal from `regionCode` belongs in a brief of this scope.
    public func includes(regionCode: String) -> Bool {
        switch self {
        case .region(let code): code == regionCode
        case .flanders: true
        }
    }
}
