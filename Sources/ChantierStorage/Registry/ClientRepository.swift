public import ChantierCore
import ChantierPQ

/// Clients in `clients`.
public struct ClientRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(includeArchived: Bool = false) async throws -> [Client] {
        try await database.read { connection in
            try await connection.query(
                "SELECT \(Self.columns) FROM clients WHERE \(includeArchived) OR archived_at IS NULL ORDER BY code"
            ).map(Self.client)
        }
    }

    public func client(code: String) async throws -> Client {
        try await database.read { connection in
            guard
                let row = try await connection.query("SELECT \(Self.columns) FROM clients WHERE code = \(code)")
                    .firstRow
            else {
                throw StorageError(
                    code: .notFound,
                    message: "there is no client \(code); chantierctl client list shows them"
                )
            }
            return try Self.client(row)
        }
    }

    /// Adds a client; its code must be new.
    public func create(
        _ client: Client,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Client {
        do {
            return try await database.write(audit, idempotency: idempotency) { connection in
                try Self.client(
                    try await connection.query(
                        """
                        INSERT INTO clients (code, name, kind, contact_name, phone, email, notes)
                        VALUES (\(client.code), \(client.name), \(client.kind.rawValue), \(client.contactName),
                                \(client.phone), \(client.email), \(client.notes))
                        RETURNING \(Self.columns)
                        """
                    )[0]
                )
            }
        } catch let error as PQError where error.isUniqueViolation("clients_code_key") {
            throw StorageError(code: .alreadyExists, message: "a client with the code \(client.code) exists already")
        }
    }

    static let columns: PQQuery = "id, code, name, kind, contact_name, phone, email, notes, archived_at IS NOT NULL"

    static func client(_ row: PQRow) throws -> Client {
        let (id, code, name, kind, contact, phone, email, notes, archived) = try row.decode(
            Int.self,
            String.self,
            String.self,
            String.self,
            String?.self,
            String?.self,
            String?.self,
            String?.self,
            Bool.self
        )
        return Client(
            id: id,
            code: code,
            name: name,
            kind: Client.Kind(rawValue: kind) ?? .other,
            contactName: contact,
            phone: phone,
            email: email,
            notes: notes,
            archived: archived
        )
    }
}
