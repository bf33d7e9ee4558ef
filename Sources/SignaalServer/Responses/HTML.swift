import Hummingbird

/// A rendered HTML page with its status.
struct HTML: ResponseGenerator {
    let status: HTTPResponse.Status
    let body: String
    /// Cookies to set with the page.
    var cookies: [Cookie] = []

    init(_ body: String, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        self.response
    }

    /// The page as a response, for handlers that add headers.
    var response: Response {
        var response = Response(
            status: self.status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: self.body))
        )
        for cookie in self.cookies { response.setCookie(cookie) }
        return response
    }
}
