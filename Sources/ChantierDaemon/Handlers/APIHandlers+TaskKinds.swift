import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func listTaskKinds(_ input: Operations.ListTaskKinds.Input) async throws -> Operations.ListTaskKinds.Output {
        try await state.requireDatabase()
        let tasks = try await TaskKindRepository(database: database).list(
            includeArchived: input.query.includeArchived ?? false
        )
        return .ok(.init(body: .json(.init(taskKinds: tasks.map(Components.Schemas.TaskKind.init)))))
    }

    func getTaskKind(_ input: Operations.GetTaskKind.Input) async throws -> Operations.GetTaskKind.Output {
        try await state.requireDatabase()
        let task = try await TaskKindRepository(database: database).taskKind(code: input.path.code)
        return .ok(.init(body: .json(.init(task))))
    }

    func createTaskKind(_ input: Operations.CreateTaskKind.Input) async throws -> Operations.CreateTaskKind.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let task = TaskKind(
            id: 0,
            code: try RecordFields.code(body.code),
            name: try RecordFields.text(body.name, field: "name"),
            equipment: try RecordFields.names(body.equipment ?? [], field: "equipment"),
            requiredSkills: try RecordFields.names(body.requiredSkills ?? [], field: "required_skills"),
            minimumAge: try RecordFields.integer(body.minAge ?? 0, field: "min_age", in: 0...99)
        )
        let scope = try await scope()
        let created = try await TaskKindRepository(database: database).create(
            task,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(created))))
    }

    func archiveTaskKind(_ input: Operations.ArchiveTaskKind.Input) async throws -> Operations.ArchiveTaskKind.Output {
        let scope = try await scope()
        try await RegistryTable.taskKind.archive(
            code: input.path.code,
            in: database,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .noContent(.init())
    }
}

extension Components.Schemas.TaskKind {
    init(_ task: TaskKind) {
        self.init(
            id: task.id,
            code: task.code,
            name: task.name,
            equipment: task.equipment,
            requiredSkills: task.requiredSkills,
            minAge: task.minimumAge,
            archived: task.archived
        )
    }
}
