import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SignaalServer
import Testing

/// `/over/algoritmes`: the register of Signaal's automatic judgments, with their grouped figures, linked from the
/// form, the briefs' method and the workspace.
@Suite struct AlgorithmRegisterTests {
    @Test func theRegisterExplainsEachJudgmentWithItsHonestFigureAndIsLinked() async throws {
        try await withTestApplication { client, _ in
            let page = try await client.execute(uri: "/over/algoritmes", method: .get) { ($0.status, String(buffer: $0.body)) }
            #expect(page.0 == .ok)
            for heading in [
                "Persoonsgegevens verwijderen", "Thema's toekennen", "Terugkerende problemen vinden", "Opkomende problemen melden",
            ] {
                #expect(page.1.contains(heading), "\(heading)")
            }
            #expect(page.1.contains("nooit zag") && page.1.contains("beslist een coördinator"))
            let form = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(form.contains("href=\"/over/algoritmes\""))
        }
    }
}
