import ChantierAPI
import ChantierCore
import ChantierStorage
import OpenAPIRuntime

extension APIHandlers {
    func listOrders(_ input: Operations.ListOrders.Input) async throws -> Operations.ListOrders.Output {
        try await state.requireDatabase()
        let orders = try await repository.list(
            site: input.query.site,
            program: input.query.program,
            status: input.query.status.flatMap { WorkOrder.Status(rawValue: $0.rawValue) }
        )
        return .ok(.init(body: .json(.init(orders: orders.map(Components.Schemas.Order.init)))))
    }

    func getOrder(_ input: Operations.GetOrder.Input) async throws -> Operations.GetOrder.Output {
        try await state.requireDatabase()
        return .ok(.init(body: .json(.init(try await repository.order(id: input.path.id)))))
    }

    func createOrder(_ input: Operations.CreateOrder.Input) async throws -> Operations.CreateOrder.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let details = try WorkOrder.Details(
            title: body.title,
            clientCode: body.client,
            siteCode: body.site,
            taskCode: body.task,
            programCode: body.program,
            firstDay: RecordFields.date(body.firstDay, field: "first_day"),
            lastDay: RecordFields.optionalDate(body.lastDay, field: "last_day"),
            weekdays: Set(body.weekdays.compactMap { Weekday(loose: $0.rawValue) }),
            start: RecordFields.time(body.start, field: "start"),
            end: RecordFields.time(body.end, field: "end"),
            headcount: body.headcount ?? 1,
            requiredSkills: body.requiredSkills ?? [],
            minimumAge: body.minAge,
            priority: body.priority ?? 3,
            adultSupervision: body.adultSupervision ?? true,
            notes: body.notes,
            skippedDays: Set((body.skip ?? []).map { try RecordFields.date($0, field: "skip") })
        ).validated()
        let scope = try await scope()
        let (order, shifts) = try await repository.create(
            details,
            horizon: horizon,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(order: .init(order), shiftsCreated: shifts))))
    }

    func closeOrder(_ input: Operations.CloseOrder.Input) async throws -> Operations.CloseOrder.Output {
        let body =
            switch input.body {
            case .json(let value): value
            }
        let from = try RecordFields.optionalDate(body.from, field: "from") ?? state.clock.today()
        let reason = try RecordFields.text(body.reason, field: "reason", maximum: 2000)
        let scope = try await scope()
        let order = try await repository.close(
            id: input.path.id,
            from: from,
            reason: reason,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(order))))
    }

    func importOrders(_ input: Operations.ImportOrders.Input) async throws -> Operations.ImportOrders.Output {
        guard case .csv(let body) = input.body else { throw APIError.csvExpected() }
        let text = try await CSVBody.text(body)
        let scope = try await scope()
        let (orders, shifts) = try await repository.importCSV(
            text,
            horizon: horizon,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(added: orders, updated: 0, shiftsCreated: shifts))))
    }

    func exportOrders(_ input: Operations.ExportOrders.Input) async throws -> Operations.ExportOrders.Output {
        let scope = try await scope()
        let text = try await repository.exportCSV(
            site: input.query.site,
            status: input.query.status.flatMap { WorkOrder.Status(rawValue: $0.rawValue) },
            audit: scope.audit
        )
        return .ok(.init(body: .csv(HTTPBody(text))))
    }

    private var repository: WorkOrderRepository {
        WorkOrderRepository(database: database, timeZone: timeZone)
    }

    /// The days shifts are made for: today and the configured number of days ahead.
    var horizon: DateRange {
        state.clock.horizon(days: state.configuration.shifts.horizonDays)
    }
}

extension Components.Schemas.Order {
    init(_ order: WorkOrder) {
        let details = order.details
        self.init(
            id: order.id,
            title: details.title,
            client: details.clientCode,
            site: details.siteCode,
            task: details.taskCode,
            program: details.programCode,
            firstDay: "\(details.firstDay)",
            lastDay: details.lastDay.map { "\($0)" },
            weekdays: details.weekdays.sorted().compactMap { .init(rawValue: $0.shortName) },
            start: "\(details.start)",
            end: "\(details.end)",
            headcount: details.headcount,
            requiredSkills: details.requiredSkills,
            minAge: details.minimumAge,
            priority: details.priority,
            adultSupervision: details.adultSupervision,
            notes: details.notes,
            skip: details.skippedDays.sorted().map { "\($0)" },
            status: .init(rawValue: order.status.rawValue) ?? .closed,
            closeReason: order.closeReason
        )
    }
}
