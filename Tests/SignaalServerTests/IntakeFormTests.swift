import Hummingbird
import HummingbirdTesting
import SignaalStore
import SignaalTesting
import Testing

@Suite struct IntakeFormTests {
    @Test func theFormIsDutchAccessibleAndUsesTheAPIFieldNames() async throws {
        try await withTestApplication { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains(#"<html lang="nl-BE">"#))
                for name in [
                    "description", "postcode", "themes", "target_group", "frequency", "observed_on",
                    "policy_level", "suggestion", "contact_email",
                ] {
                    #expect(page.contains(#"name="\#(name)""#), "form field \(name)")
                }
                for id in [
                    "description", "postcode", "target_group", "frequency", "observed_on", "policy_level", "suggestion", "contact_email",
                ] {
                    #expect(page.contains(#"<label for="\#(id)""#), "label for \(id)")
                }
                #expect(page.contains(#"value="energie-water""#))
                #expect(!page.contains("<script"))
            }
        }
    }

    @Test func aValidSubmissionIsStoredAndAnsweredWithATrackingCode() async throws {
        try await withTestApplication { client, database in
            let session = try await FormSession.open(client)
            let body = session.body([
                ("description", "Jongeren die 18 worden staan op straat: geen doorstroomwoning."), ("postcode", "2000"),
                ("themes", "jeugd"), ("themes", "wonen"), ("target_group", ""), ("observed_on", ""), ("policy_level", "vlaams"),
                ("contact_email", "werker@caw.be"),
            ])
            let code = try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                #expect(response.status == .created)
                let page = String(buffer: response.body)
                #expect(page.contains("Regionaal Platform Antwerpen"))
                let match = try #require(page.firstMatch(of: /<strong>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})<\/strong>/))
                return String(match.1)
            }
            let rows = try await database.query(
                "SELECT s.source_id, t.code FROM signaal.signals AS s JOIN signaal.signal_sources AS t ON t.id = s.source_id WHERE s.tracking_code = \(code)"
            )
            #expect(try rows.first?.decode(String.self, at: 1) == "form")
            #expect(try await database.count("signaal.signal_themes") == 2)
            #expect(try await database.count("signaal.contact_emails") == 1)
        }
    }

    @Test func invalidInputIsReportedBesideEachFieldWithTheInputKept() async throws {
        try await withTestApplication { client, database in
            let session = try await FormSession.open(client)
            let body = session.body([
                ("description", ""), ("postcode", "4000"), ("target_group", "ouderen <b>alleen</b>"),
                ("contact_email", "werker@"), ("themes", "wonen"),
            ])
            try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(page(response).contains(#"name="form_token" value="\#(session.token)""#))
                let page = String(buffer: response.body)
                #expect(page.contains(#"id="description-fout""#))
                #expect(page.contains(#"id="postcode-fout">Deze postcode ligt niet in Vlaanderen of Brussel."#))
                #expect(page.contains(#"id="contact_email-fout""#))
                #expect(page.contains(#"value="4000""#))
                #expect(page.contains(#"value="werker@""#))
                #expect(page.contains("ouderen &lt;b&gt;alleen&lt;/b&gt;"))
                #expect(page.contains(#"value="wonen" checked"#))
                #expect(page.contains(##"<a href="#postcode">"##))
                #expect(page.contains(#"aria-invalid="true""#))
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func hostileTextIsEscapedWhenTheFormComesBack() async throws {
        try await withTestApplication { client, _ in
            let session = try await FormSession.open(client)
            let hostile = #"<script>alert("x")</script>"#
            let body = session.body([("description", hostile), ("postcode", "")])
            try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("<script>"))
                #expect(page.contains("&lt;script&gt;"))
            }
        }
    }

    @Test func anOversizedFormIsRefusedWithAPage() async throws {
        try await withTestApplication { client, database in
            let session = try await FormSession.open(client)
            let body = session.body([("description", String(repeating: "a", count: 40_000)), ("postcode", "9000")])
            try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("te groot"))
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func unknownPagesAnswer404InDutch() async throws {
        try await withTestApplication { client, _ in
            try await client.execute(uri: "/bestaat-niet", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Deze pagina bestaat niet"))
            }
        }
    }

    @Test func aPostWithoutTheFormsTokenIsRefusedWithTheInputKept() async throws {
        try await withTestApplication { client, database in
            let session = try await FormSession.open(client)
            let body = formBody([("description", "Een echte beschrijving van het probleem."), ("postcode", "9000")])
            for headers in [formHeaders, session.headers] {  // no cookie; cookie but no token in the form
                try await client.execute(uri: "/", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .forbidden)
                    #expect(page(response).contains("Een echte beschrijving van het probleem."))
                    #expect(page(response).contains("nog niet verstuurd"))
                }
            }
            #expect(try await database.count("signaal.signals") == 0)
        }
    }

    @Test func sendingTheSameFormTwiceStoresOneSignalAndShowsTheSameReceipt() async throws {
        try await withTestApplication { client, database in
            let session = try await FormSession.open(client)
            let body = session.body([("description", "Wachtlijst voor een sociale woning van acht jaar."), ("postcode", "9000")])
            var codes: [String] = []
            for expected in [HTTPResponse.Status.created, .ok] {
                try await client.execute(uri: "/", method: .post, headers: session.headers, body: body) { response in
                    #expect(response.status == expected)
                    codes.append(String(try #require(page(response).firstMatch(of: /<strong>([0-9A-Z-]{19})<\/strong>/)).1))
                }
            }
            #expect(codes.count == 2 && codes[0] == codes[1])
            #expect(try await database.count("signaal.signals") == 1)

            let other = session.body([("description", "Een ander probleem, met hetzelfde formulier."), ("postcode", "9000")])
            try await client.execute(uri: "/", method: .post, headers: session.headers, body: other) { response in
                #expect(response.status == .conflict)
                #expect(page(response).contains("Dit formulier werd al verstuurd"))
                #expect(page(response).contains("Een ander probleem, met hetzelfde formulier."))
                #expect(!page(response).contains(session.token))  // a fresh token for the next try
            }
            #expect(try await database.count("signaal.signals") == 1)
        }
    }
}

/// The body of an HTML response.
func page(_ response: TestResponse) -> String {
    String(buffer: response.body)
}
