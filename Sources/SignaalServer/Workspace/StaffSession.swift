public import SignaalStore

/// A signed-in staff member and the session id their cookie carries (kept in memory for the request only: the
/// database has its hash), from which the session's form tokens derive.
public struct StaffSession: Sendable {
    public let member: StaffMember
    let id: String
}
