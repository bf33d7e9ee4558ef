import HTTPTypes
import Hummingbird

/// Adds the security headers to every response: a Content-Security-Policy without inline script or style and
/// `frame-ancestors 'none'`, `X-Content-Type-Options: nosniff`, `Referrer-Policy`, and no framing; HSTS when the
/// public URL is https. What carries a tracking code or a caller's data — the tracking pages, everything under
/// `/api/` (receipts, exports) and every problem document — is marked `Cache-Control: no-store`.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the site is served over https (its public URL says so): then browsers are told to keep to it.
    var strictTransport = false

    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        if self.strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        if request.isTrackingPage || request.routePath.hasPrefix("/api/") || response.headers[.contentType] == "application/problem+json" {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let strictTransportSecurity = Self("Strict-Transport-Security")!
}
