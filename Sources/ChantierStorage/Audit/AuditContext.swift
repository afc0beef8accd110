public import ChantierPQ

/// Who is changing the database and through which operation. Every transaction that writes sets
/// it first: the audit trigger of migration 0001 records it with each changed row, and refuses a
/// change without it.
public struct AuditContext: Sendable, Hashable {
    /// The caller's Unix uid, from the socket's peer credentials; `nil` for the daemon itself.
    public var uid: Int?
    /// The caller's Unix user name, or a name for the daemon's own work (`planner`, `demo`).
    public var name: String
    /// The role the caller acts in (`admin`, `coordinator`…), which some rules depend on.
    public var role: String?
    /// The API operation, such as `participant.add`.
    public var operation: String

    public init(uid: Int?, name: String, role: String?, operation: String) {
        self.uid = uid
        self.name = name
        self.role = role
        self.operation = operation
    }

    /// Sets the context for the rest of the current transaction.
    public func apply(to connection: PQConnection) async throws {
        try await connection.query(settings)
    }

    /// The statement that sets the context for the rest of the current transaction.
    var settings: PQQuery {
        """
        SELECT set_config('chantier.actor_uid', \(uid.map(String.init) ?? ""), true),
               set_config('chantier.actor_name', \(name), true),
               set_config('chantier.actor_role', \(role ?? ""), true),
               set_config('chantier.operation', \(operation), true)
        """
    }
}
