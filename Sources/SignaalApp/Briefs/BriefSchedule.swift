import Foundation
public import SignaalCore

/// Which briefs appear by themselves after a period closes: by default a monthly brief per regional platform and a
/// quarterly one for the whole Flemish platform. Written as `regio:maand,vlaanderen:kwartaal` (`regio` = every
/// platform; a platform code or `vlaanderen`; `maand`, `kwartaal` or `jaar`).
public struct BriefSchedule: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// A scope code, or `regio` for every regional platform.
        public let scope: String
        public let kind: Period.Kind
    }

    public let entries: [Entry]
    public static let `default` = BriefSchedule(text: "regio:maand,vlaanderen:kwartaal")!

    /// Parses the written form; `nil` when an entry is not `scope:kind`.
    public init?(text: String) {
        var entries: [Entry] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            let kind: Period.Kind
            switch parts[1] {
            case "maand": kind = .month
            case "kwartaal": kind = .quarter
            case "jaar": kind = .year
            default: return nil
            }
            entries.append(Entry(scope: parts[0], kind: kind))
        }
        guard !entries.isEmpty else { return nil }
        self.entries = entries
    }

    /// The briefs due on `today`: for each entry, the last period that has closed.
    public func due(today: CalendarDate, regionCodes: [String]) -> [(scope: String, period: Period)] {
        self.entries.flatMap { entry in
            let closed = Period(kind: entry.kind, containing: today).previous
            let scopes = entry.scope == "regio" ? regionCodes : [entry.scope]
            return scopes.map { ($0, closed) }
        }
    }
}
