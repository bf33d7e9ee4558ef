import Foundation
import SignaalCore
import Testing

@Suite struct CSVImportTests {
    let reference = ReferenceData(
        themes: [Theme(code: "energie-water", name: "Energie en water"), Theme(code: "wonen", name: "Wonen en wooncrisis")],
        policyLevels: [PolicyLevel(code: "vlaams", name: "Vlaams")], regions: [], municipalitiesByPostcode: [:])

    @Test func separatorsQuotesLineBreaksAndTheByteOrderMark() throws {
        let semicolons = try CSVTable(
            data: Data("\u{FEFF}Beschrijving;Postcode\r\n\"Een; twee\r\ndrie \"\"x\"\"\";9000\r\nvier;2000\r\n".utf8))
        #expect(semicolons.separator == ";")
        #expect(semicolons.header == ["Beschrijving", "Postcode"])
        #expect(semicolons.records.map(\.fields) == [["Een; twee\r\ndrie \"x\"", "9000"], ["vier", "2000"]])
        #expect(semicolons.records.map(\.line) == [2, 4], "the second record starts after the quoted line break")
        let commas = try CSVTable(data: Data("beschrijving,postcode\nx,1000\n".utf8))
        #expect(commas.separator == "," && commas.records.count == 1)
    }

    @Test func windows1252IsRecognised() throws {
        // "Cliënte;Postcode\nGeen café;9000" in Windows-1252: ë = 0xEB, é = 0xE9.
        let bytes: [UInt8] = Array("Cli".utf8) + [0xEB] + Array("nte;Postcode\nGeen caf".utf8) + [0xE9] + Array(";9000\n".utf8)
        let table = try CSVTable(data: Data(bytes))
        #expect(table.encoding == "Windows-1252")
        #expect(table.header[0] == "Cliënte" && table.records[0].fields[0] == "Geen café")
    }

    @Test func aFileThatCannotBeReadSaysWhere() {
        #expect(throws: CSVError(line: 2, message: "een aanhalingsteken wordt nooit gesloten")) {
            try CSVTable(data: Data("a;b\n\"open;1\n".utf8))
        }
        #expect(throws: CSVError.self) { try CSVTable(data: Data()) }
        #expect(throws: CSVError.self) { try SignalImportMapping(header: ["Datum", "Thema"]) }
        #expect(throws: CSVError.self) { try SignalImportMapping(header: ["Beschrijving", "Omschrijving", "Postcode"]) }
    }

    @Test func dutchHeadersExcelDatesAndNamesMap() throws {
        let mapping = try SignalImportMapping(header: [
            "Referentie", "OMSCHRIJVING", "Post code", "Vastgesteld op", "Thema's", "Beleidsniveau", "Opmerking",
        ])
        #expect(mapping.ignored == ["Opmerking"])
        #expect(mapping.header(for: "observed_on") == "Vastgesteld op")
        let record = CSVTable.Record(
            line: 2, fields: ["R-1", "Tekst van een signaal", "9000", "3/10/2026", "Energie en water, wonen", "vlaams", "x"])
        let row = mapping.row(record, reference: self.reference)
        #expect(row.externalID == "R-1")
        #expect(row.submission.observedOn == "2026-10-03")
        #expect(row.submission.themes == ["energie-water", "wonen"])
        #expect(row.submission.policyLevel == "vlaams")
        for (written, iso) in [
            ("46298", "2026-10-03"), ("03-10-2026", "2026-10-03"), ("3.10.26", "2026-10-03"), ("2026-10-03", "2026-10-03"),
            ("3/10/2026 00:00", "2026-10-03"), ("gisteren", "gisteren"), ("31/02/2026", "31/02/2026"),
            ("1/7/2026", "2026-07-01"), ("31/12/2025", "2025-12-31"), ("1/13/2026", "1/13/2026"), ("1/7/20266", "1/7/20266"),
        ] {
            #expect(SignalImportMapping.isoDate(written) == iso, "\(written)")
        }
    }
}
