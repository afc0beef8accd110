public import ChantierCore
import ChantierPQ
import Foundation

/// Programs in `programs`, with their policy versions in `program_policies`.
public struct ProgramRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func list(includeArchived: Bool = false) async throws -> [Program] {
        try await database.read { connection in
            let programs = try await connection.query(
                "SELECT \(Self.columns) FROM programs WHERE \(includeArchived) OR archived_at IS NULL ORDER BY code"
            ).map(Self.program)
            return try await Self.withPolicies(programs, on: connection)
        }
    }

    public func program(code: String) async throws -> Program {
        try await database.read { connection in
            try await Self.program(code: code, on: connection)
        }
    }

    static func program(code: String, on connection: PQConnection) async throws -> Program {
        try program(code: code, from: try await connection.queries(queries(code: code))[...])
    }

    /// The statements ``program(code:from:)`` reads, for sending them with others.
    static func queries(code: String) -> [PQQuery] {
        [
            "SELECT \(columns) FROM programs WHERE code = \(code)",
            """
            SELECT policy.program_id, policy.effective_from, policy.policy, policy.note
            FROM program_policies policy JOIN programs program ON program.id = policy.program_id
            WHERE program.code = \(code) ORDER BY policy.effective_from
            """,
        ]
    }

    /// The program with `code` and its policies, from the rows of ``queries(code:)``.
    static func program(code: String, from results: ArraySlice<PQResult>) throws -> Program {
        guard let row = results[results.startIndex].firstRow else {
            throw StorageError(
                code: .notFound,
                message: "there is no program \(code); chantierctl program list shows them"
            )
        }
        return try withPolicies([try program(row)], rows: results[results.startIndex + 1])[0]
    }

    /// The programs with these ids, with their policies.
    static func programs(ids: [Int], on connection: PQConnection) async throws -> [Program] {
        let programs = try await connection.query(
            "SELECT \(columns) FROM programs WHERE id \(PQQuery.isAny(of: ids)) ORDER BY code"
        ).map(program)
        return try await withPolicies(programs, on: connection)
    }

    /// Adds a program and its first policy, from a program file's definition.
    public func create(
        _ definition: ProgramDefinition,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    )
        async throws -> Program
    {
        do {
            return try await database.write(audit, idempotency: idempotency) { connection in
                let id = try await connection.query(
                    """
                    INSERT INTO programs (code, name, audience, rule_pack, employer_category, min_age, max_age,
                                          requires_social_housing)
                    VALUES (\(definition.code), \(definition.name), \(definition.audience.rawValue),
                            \(definition.rulePack.rawValue), \(definition.employerCategory.rawValue),
                            \(definition.minimumAge), \(definition.maximumAge), \(definition.requiresSocialHousing))
                    RETURNING id
                    """
                ).value(Int.self)
                try await connection.query(
                    """
                    INSERT INTO program_policies (program_id, effective_from, policy, note)
                    VALUES (\(id), \(definition.effectiveFrom), \(try Self.json(definition.policy)), 'initial policy')
                    """
                )
                return try await Self.program(code: definition.code, on: connection)
            }
        } catch let error as PQError where error.isUniqueViolation("programs_code_key") {
            throw StorageError(
                code: .alreadyExists,
                message: "a program with the code \(definition.code) exists already"
            )
        }
    }

    /// Adds a policy version from `effectiveFrom`. Past weeks keep the policy they had: a version
    /// may start today or later, and a version that has not taken effect yet may be replaced.
    ///
    /// - Parameter today: the organisation's date.
    public func setPolicy(
        code: String,
        policy: ProgramPolicy,
        effectiveFrom: LocalDate,
        note: String?,
        today: LocalDate,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Program {
        try await database.write(audit, idempotency: idempotency) { connection in
            let program = try await Self.program(code: code, on: connection)
            var policy = policy
            policy.id = program.code
            policy.audience = policy.audience ?? program.audience
            do {
                try policy.validate(against: program.rulePack)
            } catch let error as PolicyError {
                throw StorageError(code: .invalidRecord, message: error.message, field: "policy")
            }
            if effectiveFrom < today && !program.policies.isEmpty {
                throw StorageError(
                    code: .conflict,
                    message: "a policy cannot take effect in the past (\(effectiveFrom)): past weeks keep the "
                        + "policy they had; give --from \(today) or later",
                    field: "effective_from"
                )
            }
            if let existing = program.policies.first(where: { $0.effectiveFrom == effectiveFrom }),
                existing.effectiveFrom <= today
            {
                throw StorageError(
                    code: .conflict,
                    message: "the policy of \(effectiveFrom) is already in force and cannot be replaced; "
                        + "give a later date",
                    field: "effective_from"
                )
            }
            try await connection.query(
                """
                INSERT INTO program_policies (program_id, effective_from, policy, note)
                VALUES (\(program.id), \(effectiveFrom), \(try Self.json(policy)), \(note))
                ON CONFLICT (program_id, effective_from)
                DO UPDATE SET policy = excluded.policy, note = excluded.note, created_at = now()
                """
            )
            return try await Self.program(code: code, on: connection)
        }
    }

    private static func json(_ policy: ProgramPolicy) throws -> PQJSON {
        try PQJSON(encoding: policy)
    }

    private static func withPolicies(_ programs: [Program], on connection: PQConnection) async throws -> [Program] {
        let rows = try await connection.query(
            """
            SELECT program_id, effective_from, policy, note FROM program_policies
            WHERE program_id \(PQQuery.isAny(of: programs.map(\.id))) ORDER BY effective_from
            """
        )
        return try withPolicies(programs, rows: rows)
    }

    /// The programs with their policies, from rows of (program id, effective from, policy, note).
    private static func withPolicies(_ programs: [Program], rows: PQResult) throws -> [Program] {
        var versions: [Int: [Program.PolicyVersion]] = [:]
        for row in rows {
            let (programID, effectiveFrom, json, note) = try row.decode(
                Int.self,
                LocalDate.self,
                PQJSON.self,
                String?.self
            )
            var policy = try ProgramPolicyCache.shared.policy(json)
            policy.id = programs.first { $0.id == programID }?.code ?? policy.id
            versions[programID, default: []].append(.init(effectiveFrom: effectiveFrom, policy: policy, note: note))
        }
        return programs.map { program in
            var program = program
            program.policies = versions[program.id] ?? []
            return program
        }
    }

    static let columns: PQQuery = """
        id, code, name, audience, rule_pack, employer_category, min_age, max_age, requires_social_housing,
        archived_at IS NOT NULL
        """

    static func program(_ row: PQRow) throws -> Program {
        let (id, code, name, audience, pack, category, minimumAge, maximumAge, socialHousing, archived) =
            try row.decode(
                Int.self,
                String.self,
                String.self,
                String.self,
                String.self,
                String.self,
                Int?.self,
                Int?.self,
                Bool.self,
                Bool.self
            )
        return Program(
            id: id,
            code: code,
            name: name,
            audience: Audience(rawValue: audience) ?? .adult,
            rulePack: RulePackID(rawValue: pack) ?? .quebec,
            employerCategory: EmployerCategory(rawValue: category) ?? .npoSocialCommunity,
            minimumAge: minimumAge,
            maximumAge: maximumAge,
            requiresSocialHousing: socialHousing,
            archived: archived
        )
    }
}
