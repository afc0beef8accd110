import NIOConcurrencyHelpers

/// Who is at the other end of one API connection. The kernel fixes a Unix socket's peer when it
/// connects, so its credentials are read once, when the connection is accepted; the caller it
/// makes (names and roles, from the user database: `/etc/passwd` and `/etc/group` read anew) is
/// resolved on the connection's first request and kept for the next ones, unless the role groups
/// of the configuration have changed meanwhile. A change to a user's groups therefore counts from
/// their next connection, as for a login session (each `chantierctl` command is one).
final class ConnectionIdentity: Sendable {
    /// The identity of the connection the current task serves.
    @TaskLocal static var current: ConnectionIdentity?

    /// `nil` when the connection is not a Unix socket.
    let peer: PeerCredentials?
    private let resolved = NIOLockedValueBox<(roles: DaemonConfiguration.Roles, caller: Caller)?>(nil)

    init(peer: PeerCredentials?) {
        self.peer = peer
    }

    /// The caller, with the roles `roles` gives them; `nil` without peer credentials.
    func caller(roles: DaemonConfiguration.Roles) -> Caller? {
        guard let peer else { return nil }
        if let kept = resolved.withLockedValue({ $0 }), kept.roles == roles { return kept.caller }
        let caller = Caller(peer: peer, roles: roles)
        resolved.withLockedValue { $0 = (roles, caller) }
        return caller
    }
}
