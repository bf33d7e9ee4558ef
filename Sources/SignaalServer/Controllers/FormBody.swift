import Foundation
import SignaalCore

/// The fields of an `application/x-www-form-urlencoded` body, keeping repeated names (checkbox groups); the form's
/// field names are the JSON API's.
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

    /// The first value of a field, or `nil` when absent.
    func value(_ field: SignalSubmission.Field) -> String? {
        self.value(named: field.stringValue)
    }

    /// The first value of a field that is not part of a submission (such as the form token).
    func value(named name: String) -> String? {
        self.pairs.first { $0.name == name }?.value
    }

    /// Every value of a field, in order.
    func values(_ field: SignalSubmission.Field) -> [String] {
        self.values(named: field.stringValue)
    }

    /// Every value of a field that is not part of a submission (a selection of signals), in order.
    func values(named name: String) -> [String] {
        self.pairs.filter { $0.name == name }.map(\.value)
    }
}
