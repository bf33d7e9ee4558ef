import Foundation

/// Maps the columns of a regional platform's spreadsheet to the fields of a signal, by header — in Dutch as
/// platforms write them (`Beschrijving`, `Postcode`, `Datum`, `Thema's`, `Organisatie`, `Referentie`, …), in any
/// order, case and accents ignored — and turns each record into a submission: dates as Excel writes them
/// (`3/10/2026`, `03-10-2026`, `2026-10-03`, a serial number such as `46298`), themes and policy levels by code or
/// Dutch name.
public struct SignalImportMapping: Sendable {
    /// What a column holds.
    public enum Column: String, CaseIterable, Sendable {
        case description, postcode, observedOn, themes, targetGroup, frequency, policyLevel, suggestion, contactEmail
        case organisation, externalID
    }

    /// Normalised header → column. The first name of each column is the one the template uses.
    public static let headerNames: [(Column, [String])] = [
        (.externalID, ["referentie", "ref", "nummer", "nr", "id", "extern id", "external id", "externe referentie"]),
        (.description, ["beschrijving", "omschrijving", "signaal", "probleem", "beschrijving van het probleem", "tekst", "description"]),
        (.postcode, ["postcode", "post code", "postnummer", "zip"]),
        (.observedOn, ["datum", "vastgesteld op", "datum vaststelling", "vaststellingsdatum", "datum van vaststelling", "observed on"]),
        (.themes, ["themas", "thema", "themes"]),
        (.targetGroup, ["doelgroep", "wie", "target group"]),
        (.frequency, ["frequentie", "hoe vaak", "frequency"]),
        (.policyLevel, ["beleidsniveau", "niveau", "policy level"]),
        (.suggestion, ["voorstel", "oplossing", "suggestie", "voorstel tot oplossing", "suggestion"]),
        (.organisation, ["organisatie", "dienst", "organisation"]),
        (.contactEmail, ["e-mail", "email", "e mail", "contact", "contact email", "contactadres"]),
    ]

    /// The header line of the template platforms fill in (`;`-separated, as Excel in Belgium writes it).
    public static let templateHeader =
        "Referentie;Beschrijving;Postcode;Datum;Thema's;Doelgroep;Frequentie;Beleidsniveau;Voorstel;Organisatie;E-mail"

    /// Header index → column.
    public let columns: [Int: Column]
    /// The headers as written, by column, for error reports.
    public let headers: [Column: String]
    /// Headers that map to nothing (reported, not an error).
    public let ignored: [String]

    /// - Throws: ``CSVError`` naming the missing column when a file has no description or postcode column, or a
    ///   column twice.
    public init(header: [String]) throws(CSVError) {
        var lookup: [String: Column] = [:]
        for (column, names) in Self.headerNames { for name in names { lookup[name] = column } }
        var columns: [Int: Column] = [:]
        var headers: [Column: String] = [:]
        var ignored: [String] = []
        for (index, name) in header.enumerated() {
            guard let column = lookup[Self.normalised(name)] else {
                if !name.isEmpty { ignored.append(name) }
                continue
            }
            guard headers[column] == nil else {
                throw CSVError(line: 1, message: "de kolommen '\(headers[column]!)' en '\(name)' betekenen hetzelfde")
            }
            columns[index] = column
            headers[column] = name
        }
        for required in [Column.description, .postcode] where headers[required] == nil {
            let expected = Self.headerNames.first { $0.0 == required }!.1.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            throw CSVError(line: 1, message: "een kolom \(expected) ontbreekt")
        }
        self.columns = columns
        self.headers = headers
        self.ignored = ignored
    }

    /// One record as a submission, with the organisation and the platform's own reference.
    public func row(
        _ record: CSVTable.Record, reference: ReferenceData
    ) -> (submission: SignalSubmission, organisation: String?, externalID: String?) {
        var values: [Column: String] = [:]
        for (index, column) in self.columns where index < record.fields.count {
            let value = record.fields[index].trimmingWhitespace()
            if !value.isEmpty { values[column] = value }
        }
        let submission = SignalSubmission(
            description: values[.description], postcode: values[.postcode],
            themes: values[.themes].map { Self.themeCodes($0, reference: reference) } ?? [],
            targetGroup: values[.targetGroup], frequency: values[.frequency],
            observedOn: values[.observedOn].map(Self.isoDate),
            policyLevel: values[.policyLevel].map { Self.policyLevelCode($0, reference: reference) },
            suggestion: values[.suggestion], contactEmail: values[.contactEmail])
        return (submission, values[.organisation].map { String($0.prefix(200)) }, values[.externalID].map { String($0.prefix(200)) })
    }

    /// The header a file used for a field, for error reports (the field's JSON name when the file has none).
    public func header(for field: String) -> String {
        let column: Column? =
            switch SignalSubmission.Field(rawValue: field) {
            case .description: .description
            case .postcode: .postcode
            case .themes: .themes
            case .targetGroup: .targetGroup
            case .frequency: .frequency
            case .observedOn: .observedOn
            case .policyLevel: .policyLevel
            case .suggestion: .suggestion
            case .contactEmail: .contactEmail
            case nil: nil
            }
        return column.flatMap { self.headers[$0] } ?? field
    }

    /// A date as Excel and people write it, as `YYYY-MM-DD`; text that is no date stays as it was (validation names
    /// it).
    public static func isoDate(_ text: String) -> String {
        if let date = Self.dayMonthYear(text) { return date }
        let day = text.split(separator: " ").first.map(String.init) ?? text  // "3/10/2026 00:00"
        if CalendarDate(iso8601: day) != nil { return day }
        if let serial = Int(day), (20_000...80_000).contains(serial) {  // Excel's day number (1900 system)
            return CalendarDate(year: 1899, month: 12, day: 30)!.adding(days: serial).description
        }
        let parts = day.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let first = Int(parts[0]), let month = Int(parts[1]), var year = Int(parts[2]) else { return text }
        if parts[0].count == 4, let date = CalendarDate(year: first, month: month, day: year) { return date.description }
        if parts[2].count == 2 { year += 2000 }
        return CalendarDate(year: year, month: month, day: first)?.description ?? text
    }

    /// The most common form, `d/m/yyyy` and nothing else (`3/10/2026`), read without splitting the text: `isoDate`
    /// of it, or nil for any other text.
    private static func dayMonthYear(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(of: UInt8(ascii: "/")), let second = bytes[(first + 1)...].firstIndex(of: UInt8(ascii: "/")),
            (1...2).contains(first), (1...2).contains(second - first - 1), bytes.count - second - 1 == 4,
            let day = CalendarDate.number(bytes[..<first]), let month = CalendarDate.number(bytes[(first + 1)..<second]),
            let year = CalendarDate.number(bytes[(second + 1)...])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)?.description ?? text
    }

    private static func themeCodes(_ text: String, reference: ReferenceData) -> [String] {
        text.split(whereSeparator: { ",;|/\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { value in
                let key = Self.normalised(value)
                return reference.themes.first { Self.normalised($0.code) == key || Self.normalised($0.name) == key }?.code ?? value
            }
    }

    private static func policyLevelCode(_ text: String, reference: ReferenceData) -> String {
        let key = Self.normalised(text)
        return reference.policyLevels.first { Self.normalised($0.code) == key || Self.normalised($0.name) == key }?.code ?? text
    }

    /// Lower case, without diacritics, apostrophes, underscores or repeated spaces: `Thema's` → `themas`.
    static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "_", with: " ")
        return folded.split(separator: " ").joined(separator: " ")
    }
}
