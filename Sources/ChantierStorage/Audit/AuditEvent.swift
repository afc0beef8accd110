import ChantierPQ

/// An entry of the audit log that is not a change of a row: who exported what, and when.
public struct AuditEvent: Sendable {
    public var operation: String
    public var table: String
    public var details: [String: String]

    public init(operation: String, table: String, details: [String: String]) {
        self.operation = operation
        self.table = table
        self.details = details
    }

    /// Writes `event` to `audit_log` with its author, in its own transaction.
    static func record(_ event: AuditEvent, audit: AuditContext, in database: Database) async throws {
        try await database.write(audit) { connection in try await record(event, audit: audit, on: connection) }
    }

    /// Writes `event` to `audit_log` with its author, in the transaction of `connection`.
    static func record(_ event: AuditEvent, audit: AuditContext, on connection: PQConnection) async throws {
        try await connection.query(
            """
            INSERT INTO audit_log (actor_uid, actor_name, actor_role, operation, table_name, action, details)
            VALUES (\(audit.uid), \(audit.name), \(audit.role), \(event.operation), \(event.table), 'event',
                    \(try PQJSON(encoding: event.details)))
            """
        )
    }
}
