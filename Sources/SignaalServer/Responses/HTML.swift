import Hummingbird

/// A rendered HTML page with its status.
struct HTML: ResponseGenerator {
    let status: HTTPResponse.Status
    let body: String

    init(_ body: String, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: self.status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: self.body))
        )
    }
}
