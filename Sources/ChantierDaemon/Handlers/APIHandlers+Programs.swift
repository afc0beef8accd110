import ChantierAPI
import ChantierCore
import ChantierStorage
import Foundation
import HTTPTypes
import OpenAPIRuntime

extension APIHandlers {
    func listPrograms(_ input: Operations.ListPrograms.Input) async throws -> Operations.ListPrograms.Output {
        try await state.requireDatabase()
        let programs = try await ProgramRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(programs: try programs.map(Components.Schemas.Program.init)))))
    }

    func getProgram(_ input: Operations.GetProgram.Input) async throws -> Operations.GetProgram.Output {
        try await state.requireDatabase()
        let program = try await ProgramRepository(database: database).program(code: input.path.code)
        return .ok(.init(body: .json(try .init(program))))
    }

    func createProgram(_ input: Operations.CreateProgram.Input) async throws -> Operations.CreateProgram.Output {
        let object =
            switch input.body {
            case .json(let value): value
            }
        let definition = try DocumentJSON.decode(ProgramDefinition.self, from: object)
        let scope = try await scope()
        let program = try await ProgramRepository(database: database).create(
            definition,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(try .init(program))))
    }

    func setProgramPolicy(_ input: Operations.SetProgramPolicy.Input) async throws -> Operations.SetProgramPolicy.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let effectiveFrom = try RecordFields.date(body.effectiveFrom, field: "effective_from")
        let policy = try DocumentJSON.decode(ProgramPolicy.self, from: body.policy, field: "policy")
        let scope = try await scope()
        let program = try await ProgramRepository(database: database).setPolicy(
            code: input.path.code,
            policy: policy,
            effectiveFrom: effectiveFrom,
            note: try RecordFields.optionalText(body.note, field: "note"),
            today: state.clock.today(),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(try .init(program))))
    }
}

/// Free-form JSON objects of the API (a program definition, a policy, a check document) decoded
/// into the domain's own Codable types, which check them and name the field at fault.
enum DocumentJSON {
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from object: OpenAPIObjectContainer,
        field prefix: String? = nil
    ) throws -> Value {
        let data = try JSONEncoder().encode(object)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let problem = DocumentError(error)
            let field = [prefix, problem.field.isEmpty ? nil : problem.field].compactMap { $0 }.joined(separator: ".")
            throw APIError(
                .badRequest,
                .invalidField,
                (field.isEmpty ? "" : "\(field): ") + problem.problem,
                details: ["field": .string(field)]
            )
        }
    }

    static func object(_ value: some Encodable) throws -> OpenAPIObjectContainer {
        try JSONDecoder().decode(OpenAPIObjectContainer.self, from: try JSONEncoder().encode(value))
    }
}

extension Components.Schemas.Program {
    init(_ program: Program) throws {
        self.init(
            id: program.id,
            code: program.code,
            name: program.name,
            audience: .init(rawValue: program.audience.rawValue) ?? .adult,
            rulePack: .init(rawValue: program.rulePack.rawValue) ?? .qc,
            employerCategory: program.employerCategory.rawValue,
            minAge: program.minimumAge,
            maxAge: program.maximumAge,
            requiresSocialHousing: program.requiresSocialHousing,
            archived: program.archived,
            policies: try program.policies.map { version in
                .init(
                    effectiveFrom: "\(version.effectiveFrom)",
                    note: version.note,
                    policy: try DocumentJSON.object(version.policy)
                )
            }
        )
    }
}
