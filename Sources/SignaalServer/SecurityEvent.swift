import Hummingbird
import Logging
import SignaalStore

/// What the security log records: refused key checks, refusals of a valid key, and every export — with the key's
/// number, the client and the route, never a key, a token or a tracking code.
enum SecurityEvent {
    /// A key was presented and refused (unknown, revoked, or two headers naming different keys).
    static func keyRefused(request: Request, context: AppRequestContext) {
        context.logger.notice("Security: API key refused", metadata: self.metadata("key_refused", request: request, context: context))
    }

    /// A valid key asked for something outside its scope.
    static func refused(_ what: String, key: APIKey, request: Request, context: AppRequestContext) {
        var metadata = self.metadata("scope_refused", request: request, context: context)
        metadata["api_key.id"] = "\(key.id)"
        metadata["security.reason"] = "\(what)"
        context.logger.notice("Security: request outside the key's scope refused", metadata: metadata)
    }

    /// Signals were exported with `key`.
    static func export(key: APIKey, request: Request, context: AppRequestContext, region: String?) {
        var metadata = self.metadata("export", request: request, context: context)
        metadata["api_key.id"] = "\(key.id)"
        metadata["export.region"] = "\(region ?? "alle")"
        context.logger.notice("Security: signals exported", metadata: metadata)
    }

    private static func metadata(_ event: String, request: Request, context: AppRequestContext) -> Logger.Metadata {
        [
            "security.event": "\(event)", "client.address": "\(context.clientAddress ?? "unknown")",
            "http.method": "\(request.method)", "http.path": "\(request.loggablePath)",
        ]
    }
}
