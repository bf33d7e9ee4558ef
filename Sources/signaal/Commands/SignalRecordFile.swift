import ArgumentParser
import Foundation
import SignaalCluster

/// Reading and writing the JSON Lines files of `signaal cluster` and `signaal themes`.
enum SignalRecordFile {
    /// Every record of a JSON Lines file; a bad line stops the command with its line number and the field at fault.
    /// The recurring problem (`cluster`) of every record of the files, in order; a record without one (absent, empty
    /// or `-`) is its own.
    static func problems(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path in
            try Self.clusters(path).enumerated().map { number, cluster in cluster.map { "\(path):\($0)" } ?? "\(path):line \(number)" }
        }
    }

    /// The recurring problem (`cluster`) of every record of a file, in order; `nil` where it has none (absent, empty
    /// or `-`).
    static func clusters(_ path: String) throws -> [String?] {
        struct Labelled: Decodable {
            let cluster: String?
        }
        return try Self.lines(path).map { line in
            (try? JSONDecoder().decode(Labelled.self, from: line))?.cluster.flatMap { ["", "-"].contains($0) ? nil : $0 }
        }
    }

    /// The labelled signals of the files, with their recurring problems; a theme outside the taxonomy is caught when
    /// the model is trained.
    static func labelled(_ paths: [String]) throws -> [LabelledSignal] {
        let records = try paths.flatMap(Self.read)
        return zip(records, try Self.problems(paths)).map { record, problem in
            LabelledSignal(id: record.id, text: record.text, themes: record.submittedThemes, problem: problem)
        }
    }

    /// The non-blank lines of a JSON Lines file.
    private static func lines(_ path: String) throws -> [Data] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--input: cannot read \(path)") }
        return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).filter { line in
            line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") })
        }.map { Data($0) }
    }

    static func read(_ path: String) throws -> [SignalRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("--input: cannot read \(path)") }
        let decoder = JSONDecoder()
        var records: [SignalRecord] = []
        var problems: [String] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") })
            else { continue }
            do {
                records.append(try decoder.decode(SignalRecord.self, from: Data(line)))
            } catch let error as DecodingError {
                problems.append("\(path) line \(number + 1): \(Self.describe(error))")
            }
            if problems.count >= 20 { break }
        }
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "\n")) }
        let ids = records.map(\.id)
        if Set(ids).count != ids.count {
            let duplicate = ids.first { id in ids.filter { $0 == id }.count > 1 }!
            throw ValidationError("\(path): id \"\(duplicate)\" appears more than once")
        }
        return records
    }

    static func write(_ lines: [[String: Any]], to path: String) throws {
        var contents = Data()
        for line in lines {
            contents.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]))
            contents.append(UInt8(ascii: "\n"))
        }
        guard FileManager.default.createFile(atPath: path, contents: contents) else { throw ValidationError("cannot write \(path)") }
    }

    static func writeJSON(_ object: [String: Any], to path: String) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        guard FileManager.default.createFile(atPath: path, contents: data + [UInt8(ascii: "\n")]) else {
            throw ValidationError("cannot write \(path)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "field \"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "not a JSON object (\(context.debugDescription))"
                : "field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\": \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
