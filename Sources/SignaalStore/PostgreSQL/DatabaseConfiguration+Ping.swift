import CLibPQ

extension DatabaseConfiguration {
    /// Whether a server listens where this configuration points: `true` also while it starts up, shuts down or
    /// refuses the credentials, since a server is there; `false` when nothing answers. Blocks for at most the
    /// connect timeout, and opens no session.
    public func serverAnswers() -> Bool {
        let ping = self.withConnectionParameters { keywords, values in PQpingParams(keywords, values, 1) }
        return ping == PQPING_OK || ping == PQPING_REJECT
    }
}
