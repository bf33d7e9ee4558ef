import SignaalCore
import SignaalIntake

/// Rows of an import ready to load: the rows the platform did not load before, each with an id from the signals'
/// sequence and a tracking code no signal has, written out for `COPY` into the four tables.
struct ImportBatch: Sendable {
    let count: Int
    let trackingCodes: [String]
    let signals: CopyText
    let themes: CopyText
    let classifications: CopyText
    let contactEmails: CopyText

    /// The `COPY` statements, in the order the batch is loaded (the classifications' between themes and e-mails:
    /// ``SignalClassificationTable/copyStatement``); the columns as the texts above write them.
    static let statements = (
        signals: """
        COPY signaal.signals (
            id, tracking_code, description, postcode, municipality_id, region_id, target_group, frequency,
            observed_on, policy_level_id, suggestion, source_id, status_id, reporting_region_id, organisation,
            external_id, api_key_id, organisation_unit
        ) FROM STDIN
        """,
        themes: "COPY signaal.signal_themes (signal_id, theme_id, is_submitter_choice, rank) FROM STDIN",
        contactEmails: "COPY signaal.contact_emails (signal_id, email) FROM STDIN"
    )

    private init(_ rows: [ImportStore.Row], ids: [Int64], trackingCodes: [String], reference: ImportReference) {
        var (signals, themes, classifications, contactEmails) = (CopyText(), CopyText(), CopyText(), CopyText())
        for (index, row) in rows.enumerated() {
            let id = ids[index]
            signals.append(row: reference.signalColumns(row, id: id, trackingCode: trackingCodes[index]))
            for theme in reference.themeRows(row, id: id) { themes.append(row: theme) }
            classifications.append(row: SignalClassificationTable.copyColumns(row.prepared.classification, signalID: id))
            if let email = row.prepared.signal.contactEmail { contactEmails.append(row: [String(id), email]) }
        }
        (self.count, self.trackingCodes) = (rows.count, trackingCodes)
        (self.signals, self.themes, self.classifications, self.contactEmails) = (signals, themes, classifications, contactEmails)
    }

    /// Drops the rows of `delivered` that `platform` loaded before, reserves ids and tracking codes for the rest and
    /// writes them out; a code of `excluded` (given to an earlier batch of the same import, not yet visible to
    /// others) is never reserved again.
    static func reserve(
        _ delivered: [ImportStore.Row], source: ImportSource, excluding excluded: Set<String>, reference: ImportReference,
        on connection: Connection
    ) throws -> ImportBatch {
        let existing = try ImportStore.existingExternalIDs(delivered.compactMap(\.origin.externalID), source: source, on: connection)
        let rows = existing.isEmpty ? delivered : delivered.filter { !existing.contains($0.origin.externalID ?? "") }
        guard !rows.isEmpty else { return ImportBatch([], ids: [], trackingCodes: [], reference: reference) }
        let ids = try connection.query(
            """
            WITH sequence AS MATERIALIZED (SELECT pg_get_serial_sequence('signaal.signals', 'id')::regclass AS id)
            SELECT nextval(sequence.id) FROM sequence, generate_series(1, \(rows.count))
            """
        ).map { try $0.decode(Int64.self, at: 0) }
        let trackingCodes = try Self.freeTrackingCodes(rows.count, excluding: excluded, on: connection)
        return ImportBatch(rows, ids: ids, trackingCodes: trackingCodes, reference: reference)
    }

    /// `count` distinct random tracking codes that no signal has and `excluded` does not hold.
    private static func freeTrackingCodes(_ count: Int, excluding excluded: Set<String>, on connection: Connection) throws -> [String] {
        var codes: [String] = []
        // The codes drawn for this batch (`excluded` itself is not copied: it grows to every code of the import).
        var drawn = Set<String>(minimumCapacity: count)
        while codes.count < count {
            var fresh: [String] = []
            while codes.count + fresh.count < count {
                let code = TrackingCode.random().rawValue
                if !excluded.contains(code), drawn.insert(code).inserted { fresh.append(code) }
            }
            // While an import loads, signals has no statistics for the rows it holds: the planner would read the
            // whole table for every batch, where the unique index answers the batch's look-ups in a few ms. (A
            // session setting, reset at once: `reserve` may run inside the loader's transaction.)
            try connection.execute(unsafeSQL: "SET enable_seqscan = off")
            defer { try? connection.execute(unsafeSQL: "RESET enable_seqscan") }
            let taken = Set(
                try connection.query(
                    "SELECT tracking_code FROM signaal.signals WHERE tracking_code = ANY(\(fresh))"
                ).map { try $0.decode(String.self, at: 0) })
            codes += fresh.filter { !taken.contains($0) }
        }
        return codes
    }
}
