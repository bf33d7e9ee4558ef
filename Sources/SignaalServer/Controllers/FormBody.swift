import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, keeping repeated names (checkbox groups).
struct FormBody {
    private let pairs: [(name: String, value: String)]

    init(_ text: String) {
        self.pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring?) -> String {
                guard let part else { return "" }
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts.first), decode(parts.count > 1 ? parts[1] : nil))
        }
    }

    /// The first value of `name`, or `nil` when absent.
    func value(_ name: String) -> String? {
        self.pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        self.pairs.filter { $0.name == name }.map(\.value)
    }
}
