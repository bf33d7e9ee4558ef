import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import SignaalStore
import SignaalTesting
import Testing

/// The password of every test account, and its bcrypt hash at cost 12, computed once for the test process.
let testPassword = "een lange zin als wachtwoord"
let testPasswordHash = Bcrypt.hash(testPassword, cost: 12)

extension TestDatabase {
    /// An account with ``testPassword``, made as `signaal staff create` and the password link make it.
    func staff(_ role: StaffMember.Role, platform: String? = nil, email: String? = nil) async throws -> StaffMember {
        let store = StaffStore(pool: self.pool)
        let address = email ?? "\(role.rawValue)-\(platform ?? "vlaanderen")-\(UInt32.random(in: 0...UInt32.max))@signaal.test"
        let (member, link) = try await store.create(
            email: address, name: "Test \(role.dutchName)", role: role, platform: platform, now: testNow, logger: .test)
        #expect(try await store.setPassword(hash: testPasswordHash, link: link, now: testNow, logger: .test))
        return member
    }
}

/// A staff member's browser: the session cookie from signing in through the form, and the session's form token
/// read from a page, sent back as a browser sends them.
struct StaffBrowser {
    let cookie: String
    let csrf: String

    /// Signs in through `/werkruimte/aanmelden` as a browser does (the form's token and cookie, then the post).
    static func signIn(_ client: some TestClientProtocol, email: String, password: String = testPassword) async throws -> StaffBrowser {
        let (status, cookie) = try await self.attempt(client, email: email, password: password)
        try #require(status == .seeOther, "sign-in answered \(status)")
        let csrf = try await client.execute(uri: "/werkruimte/afmelden", method: .get, headers: [.cookie: try #require(cookie)]) {
            response in
            String(try #require(String(buffer: response.body).firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)).1)
        }
        return StaffBrowser(cookie: try #require(cookie), csrf: csrf)
    }

    /// One sign-in through the form: its status and the session cookie it set (`name=value`), if any.
    static func attempt(_ client: some TestClientProtocol, email: String, password: String) async throws -> (HTTPResponse.Status, String?) {
        let answer = try await self.signInForm(client, email: email, password: password)
        return (answer.status, answer.setCookie.map { String($0.split(separator: ";")[0]) })
    }

    /// Opens the sign-in form as a browser and posts it: the status, the whole `Set-Cookie` of the session, and
    /// the message beside the fields.
    static func signInForm(
        _ client: some TestClientProtocol, email: String, password: String
    ) async throws -> (status: HTTPResponse.Status, setCookie: String?, error: String?) {
        let form = try await client.execute(uri: "/werkruimte/aanmelden", method: .get) { response in
            let page = String(buffer: response.body)
            let token = try #require(page.firstMatch(of: /name="form_token" value="([0-9a-f]{64})"/)).1
            return (String(token), String(try #require(response.headers[.setCookie]?.split(separator: ";").first)))
        }
        var headers = formHeaders
        headers[.cookie] = form.1
        return try await client.execute(
            uri: "/werkruimte/aanmelden", method: .post, headers: headers,
            body: formBody([("email", email), ("wachtwoord", password), ("form_token", form.0), ("terug", "/werkruimte/signalen")])
        ) { response in
            let error = String(buffer: response.body).firstMatch(of: /<p class="error"[^>]*>([^<]*)</).map { String($0.1) }
            return (response.status, response.headers[values: .setCookie].first { $0.hasPrefix("signaal_sessie=") }, error)
        }
    }

    var headers: HTTPFields { [.cookie: self.cookie] }

    /// GET as this browser: status and page.
    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: self.headers) { ($0.status, String(buffer: $0.body)) }
    }

    /// POST a form as this browser, with the session's token unless `csrf` says otherwise: status, location, page.
    func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)] = [], csrf: String? = nil
    ) async throws -> (status: HTTPResponse.Status, location: String?, page: String) {
        var headers = formHeaders
        headers[.cookie] = self.cookie
        return try await client.execute(uri: uri, method: .post, headers: headers, body: formBody(fields + [("csrf", csrf ?? self.csrf)])) {
            ($0.status, $0.headers[.location], String(buffer: $0.body))
        }
    }
}

/// Posts a signal to the JSON API (no key: as a practitioner's tool would), with a contact address; its id and
/// tracking code.
func sendSignal(
    _ client: some TestClientProtocol, postcode: String,
    description: String = "Budgetmeters sluiten af in de winter; gezinnen zitten dagen zonder verwarming."
) async throws -> (id: Int64, trackingCode: String) {
    let body = try JSONSerialization.data(withJSONObject: [
        "description": description, "postcode": postcode, "contact_email": "werker@caw.be",
    ])
    return try await client.execute(uri: "/api/v1/signals", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) {
        response in
        let object = try jsonObject(response.body)
        return (try #require((object["id"] as? NSNumber)?.int64Value), try #require(object["tracking_code"] as? String))
    }
}
