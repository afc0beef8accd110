public import ChantierCore
import ChantierPQ

/// Task kinds in `task_kinds`.
public struct TaskKindRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(includeArchived: Bool = false) async throws -> [TaskKind] {
        try await database.read { connection in
            try await connection.query(
                "SELECT \(Self.columns) FROM task_kinds WHERE \(includeArchived) OR archived_at IS NULL ORDER BY code"
            ).map(Self.taskKind)
        }
    }

    public func taskKind(code: String) async throws -> TaskKind {
        try await database.read { connection in
            try await Self.taskKind(code: code, on: connection)
        }
    }

    static func taskKind(code: String, on connection: PQConnection) async throws -> TaskKind {
        guard let row = try await connection.query("SELECT \(columns) FROM task_kinds WHERE code = \(code)").firstRow
        else {
            throw StorageError(code: .notFound, message: "there is no task \(code); chantierctl task list shows them")
        }
        return try taskKind(row)
    }

    /// Adds a task kind; its code must be new.
    public func create(
        _ task: TaskKind,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws
        -> TaskKind
    {
        do {
            return try await database.write(audit, idempotency: idempotency) { connection in
                try Self.taskKind(
                    try await connection.query(
                        """
                        INSERT INTO task_kinds (code, name, equipment, required_skills, min_age)
                        VALUES (\(task.code), \(task.name), \(task.equipment), \(task.requiredSkills), \(task.minimumAge))
                        RETURNING \(Self.columns)
                        """
                    )[0]
                )
            }
        } catch let error as PQError where error.isUniqueViolation("task_kinds_code_key") {
            throw StorageError(code: .alreadyExists, message: "a task with the code \(task.code) exists already")
        }
    }

    static let columns: PQQuery = "id, code, name, equipment, required_skills, min_age, archived_at IS NOT NULL"

    static func taskKind(_ row: PQRow) throws -> TaskKind {
        let (id, code, name, equipment, skills, minimumAge, archived) = try row.decode(
            Int.self,
            String.self,
            String.self,
            [String].self,
            [String].self,
            Int.self,
            Bool.self
        )
        return TaskKind(
            id: id,
            code: code,
            name: name,
            equipment: equipment,
            requiredSkills: skills,
            minimumAge: minimumAge,
            archived: archived
        )
    }
}
