import Foundation
import Hummingbird
import SignaalApp
import SignaalCore
import SignaalStore

/// `GET /api/v1/signals.csv` and `.json` for staff with an API key: signals filtered by period (`period`, or
/// `from`/`to`), `region` and `theme`, scrubbed fields only, streamed page by page.
struct SignalExportController {
    let store: ExportStore
    let keys: APIKeyCheck
    let regionCodes: Set<String>
    let themeCodes: Set<String>

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("signals.csv") { request, context in try await self.export(request, context: context, csv: true) }
        group.get("signals.json") { request, context in try await self.export(request, context: context, csv: false) }
    }

    static let csvHeader = [
        "id", "received_at", "observed_on", "region", "postcode", "municipality", "themes", "description", "target_group",
        "frequency", "policy_level", "suggestion", "source", "status", "reporting_platform", "organisation", "cluster",
        "cluster_label",
    ]

    func export(_ request: Request, context: AppRequestContext, csv: Bool) async throws -> Response {
        let key = try await self.keys.requiredKey(request, context: context)
        let query = request.uri.queryParameters
        var filter = try self.filter { query.get($0) }
        if key.scope == .platform {
            // A platform's key reads its own platform: no filter means its platform, another platform is refused.
            if let region = filter.region, region != key.platform {
                SecurityEvent.refused("export of another platform", key: key, request: request, context: context)
                throw Problem(.forbidden, detail: "Deze sleutel hoort bij \(key.platform) en mag \(region) niet exporteren.")
            }
            filter.region = key.platform
        }
        SecurityEvent.export(key: key, request: request, context: context, region: filter.region)
        let scoped = filter
        let store = self.store
        let logger = context.logger
        let body = ResponseBody { writer in
            var after: Int64 = 0
            var first = true
            try await writer.write(ByteBuffer(string: csv ? "\u{FEFF}" + Self.csvHeader.joined(separator: ";") + "\r\n" : "["))
            while true {
                let page = try await store.page(scoped, afterID: after, logger: logger)
                guard let last = page.last else { break }
                var chunk = ""
                for signal in page {
                    if csv {
                        chunk += Self.csvLine(signal)
                    } else {
                        chunk += (first ? "\n" : ",\n") + (try Self.jsonLine(signal))
                        first = false
                    }
                }
                try await writer.write(ByteBuffer(string: chunk))
                after = last.id
            }
            if !csv { try await writer.write(ByteBuffer(string: "\n]\n")) }
            try await writer.finish(nil)
        }
        let name = "signalen" + (scoped.region.map { "-\($0)" } ?? "") + (csv ? ".csv" : ".json")
        return Response(
            status: .ok,
            headers: [
                .contentType: csv ? "text/csv; charset=utf-8" : "application/json",
                .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: body)
    }

    /// The filter from the query's parameters (`value(name)` reads one).
    private func filter(_ value: (String) -> String?) throws -> ExportStore.Filter {
        var filter = ExportStore.Filter()
        var problems: [FieldProblem] = []
        if let text = value("period"), !text.isEmpty {
            if let period = Period(text) {
                (filter.from, filter.to) = (period.start, period.end)
            } else {
                problems.append(FieldProblem(field: "period", code: .invalidFormat))
            }
        }
        for (name, keyPath) in [("from", \ExportStore.Filter.from), ("to", \ExportStore.Filter.to)] {
            guard let text = value(name), !text.isEmpty else { continue }
            if let date = CalendarDate(iso8601: text) {
                filter[keyPath: keyPath] = date
            } else {
                problems.append(FieldProblem(field: name, code: .invalidFormat))
            }
        }
        if let region = value("region"), !region.isEmpty, region != "vlaanderen" {
            if self.regionCodes.contains(region) {
                filter.region = region
            } else {
                problems.append(FieldProblem(field: "region", code: .unknownValue))
            }
        }
        if let theme = value("theme"), !theme.isEmpty {
            if self.themeCodes.contains(theme) {
                filter.theme = theme
            } else {
                problems.append(FieldProblem(field: "theme", code: .unknownValue))
            }
        }
        guard problems.isEmpty else {
            throw Problem(
                .validation, detail: "De filter van de export is niet in orde; er werd niets geëxporteerd.",
                errors: problems.map { Problem.FieldError(field: $0.field, code: $0.code.rawValue, detail: FieldMessages.message(for: $0)) }
            )
        }
        return filter
    }

    private static func csvLine(_ signal: ExportStore.Signal) -> String {
        let fields: [String?] = [
            String(signal.id), signal.receivedAt, signal.observedOn, signal.region, signal.postcode, signal.municipality,
            signal.themes.joined(separator: ","), signal.description, signal.targetGroup, signal.frequency, signal.policyLevel,
            signal.suggestion, signal.source, signal.status, signal.reportingPlatform, signal.organisation, signal.cluster,
            signal.clusterLabel,
        ]
        return fields.map { field in
            guard let field else { return "" }
            // Quoted always when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it.
            let safe = field.first.map { "=+-@".contains($0) } == true ? "'" + field : field
            return safe.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }.joined(separator: ";") + "\r\n"
    }

    private static func jsonLine(_ signal: ExportStore.Signal) throws -> String {
        let object: [String: Any] = [
            "id": signal.id, "received_at": signal.receivedAt, "observed_on": signal.observedOn, "region": signal.region,
            "postcode": signal.postcode, "municipality": signal.municipality as Any? ?? NSNull(), "themes": signal.themes,
            "description": signal.description, "target_group": signal.targetGroup as Any? ?? NSNull(),
            "frequency": signal.frequency as Any? ?? NSNull(), "policy_level": signal.policyLevel as Any? ?? NSNull(),
            "suggestion": signal.suggestion as Any? ?? NSNull(), "source": signal.source, "status": signal.status,
            "reporting_platform": signal.reportingPlatform as Any? ?? NSNull(), "organisation": signal.organisation as Any? ?? NSNull(),
            "cluster": signal.cluster as Any? ?? NSNull(), "cluster_label": signal.clusterLabel as Any? ?? NSNull(),
        ]
        return String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }
}
