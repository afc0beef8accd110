public import ChantierCore
import ChantierPQ

/// Clients' work orders in `work_orders`; adding one materializes its shifts over the horizon.
public struct WorkOrderRepository: Sendable {
    let database: Database
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    public func list(
        site: String? = nil,
        program: String? = nil,
        status: WorkOrder.Status? = nil
    ) async throws
        -> [WorkOrder]
    {
        try await database.read { connection in
            try await Self.orders(
                where: .allOf([
                    site.map { "site.code = \($0)" },
                    program.map { "program.code = \($0)" },
                    status.map { "work_order.status = \($0.rawValue)" },
                ]),
                on: connection
            )
        }
    }

    public func order(id: Int) async throws -> WorkOrder {
        try await database.read { connection in
            try await Self.order(id: id, on: connection)
        }
    }

    static func order(id: Int, on connection: PQConnection) async throws -> WorkOrder {
        guard let order = try await orders(where: "work_order.id = \(id)", on: connection).first else {
            throw StorageError(code: .notFound, message: "there is no order \(id); chantierctl order list shows them")
        }
        return order
    }

    /// Adds an order and creates its shifts on the days of `horizon`.
    ///
    /// - Returns: the order and the number of shifts created.
    public func create(
        _ details: WorkOrder.Details,
        horizon: DateRange,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> (order: WorkOrder, shifts: Int) {
        let details = try Self.validated(details)
        return try await database.write(audit, idempotency: idempotency) { connection in
            let id = try await Self.insert(details, on: connection)
            let shifts = try await ShiftRepository.materialize(
                days: horizon,
                order: id,
                timeZone: timeZone,
                on: connection
            )
            return (try await Self.order(id: id, on: connection), shifts)
        }
    }

    /// Closes an order: no more shifts are made, and its open shifts from `from` on are cancelled
    /// with their assignments.
    public func close(
        id: Int,
        from: LocalDate,
        reason: String,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> WorkOrder {
        try await database.write(audit, idempotency: idempotency) { connection in
            let order = try await Self.order(id: id, on: connection)
            if order.status == .open {
                try await connection.query(
                    """
                    UPDATE work_orders SET status = 'closed', closed_at = now(), close_reason = \(reason)
                    WHERE id = \(id)
                    """
                )
            }
            try await ShiftRepository.cancel(
                where: "work_order_id = \(id) AND local_date >= \(from)",
                reason: "order \(id) closed: \(reason)",
                on: connection
            )
            return try await Self.order(id: id, on: connection)
        }
    }

    /// Imports a CSV file of new orders in one transaction, with their shifts over `horizon`. A
    /// file with any bad line imports nothing.
    ///
    /// - Throws: ``ImportRejected`` listing every bad line.
    public func importCSV(
        _ text: String,
        horizon: DateRange,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> (orders: Int, shifts: Int) {
        let plan = try WorkOrderCSV.plan(of: text)
        return try await database.write(audit, idempotency: idempotency) { connection in
            var problems: [ImportProblem] = []
            var ids: [Int] = []
            for (line, details) in plan.items {
                do {
                    ids.append(try await Self.insert(details, on: connection))
                } catch let error as StorageError where error.field != nil {
                    problems.append(ImportProblem(line: line, field: error.field, message: error.message))
                }
            }
            try plan.check(adding: problems)
            var shifts = 0
            for id in ids {
                shifts += try await ShiftRepository.materialize(
                    days: horizon,
                    order: id,
                    timeZone: timeZone,
                    on: connection
                )
            }
            return (ids.count, shifts)
        }
    }

    /// The orders as CSV; the export is recorded in the audit log.
    public func exportCSV(site: String?, status: WorkOrder.Status?, audit: AuditContext) async throws -> String {
        let orders = try await list(site: site, status: status)
        try await AuditEvent.record(
            AuditEvent(
                operation: audit.operation,
                table: "work_orders",
                details: ["rows": "\(orders.count)", "site": site ?? "", "status": status?.rawValue ?? ""]
            ),
            audit: audit,
            in: database
        )
        return WorkOrderCSV.text(of: orders)
    }

    private static func validated(_ details: WorkOrder.Details) throws -> WorkOrder.Details {
        try StorageError.checking { () throws(RecordError) in try details.validated() }
    }

    private static func insert(_ details: WorkOrder.Details, on connection: PQConnection) async throws -> Int {
        let site = try await RegistryTable.site.id(of: details.siteCode, field: "site", on: connection)
        let task = try await RegistryTable.taskKind.id(of: details.taskCode, field: "task", on: connection)
        let client = try await details.clientCode.asyncMap { code in
            try await RegistryTable.client.id(of: code, field: "client", on: connection)
        }
        let program = try await details.programCode.asyncMap { code in
            try await RegistryTable.program.id(of: code, field: "program", on: connection)
        }
        let id = try await connection.query(
            """
            INSERT INTO work_orders (client_id, site_id, task_kind_id, program_id, title, first_day, last_day, weekdays,
                                     start_time, end_time, headcount, required_skills, min_age, priority,
                                     adult_supervision, notes)
            VALUES (\(client), \(site), \(task), \(program), \(details.title), \(details.firstDay), \(details.lastDay),
                    \(details.weekdays.sorted().map(\.isoNumber))::smallint[], \(details.start), \(details.end),
                    \(details.headcount), \(details.requiredSkills), \(details.minimumAge), \(details.priority),
                    \(details.adultSupervision), \(details.notes))
            RETURNING id
            """
        ).value(Int.self)
        for day in details.skippedDays.sorted() {
            try await connection.query(
                "INSERT INTO work_order_skipped_days (work_order_id, day) VALUES (\(id), \(day))"
            )
        }
        return id
    }

    static func orders(where condition: PQQuery, on connection: PQConnection) async throws -> [WorkOrder] {
        try await connection.query(
            """
            SELECT work_order.id, work_order.title, client.code, site.code, task.code, program.code,
                   work_order.first_day, work_order.last_day, work_order.weekdays, work_order.start_time,
                   work_order.end_time, work_order.headcount, work_order.required_skills, work_order.min_age,
                   work_order.priority, work_order.adult_supervision, work_order.notes, work_order.status,
                   work_order.close_reason,
                   ARRAY(SELECT day FROM work_order_skipped_days skipped
                         WHERE skipped.work_order_id = work_order.id ORDER BY day)
            FROM work_orders work_order
            JOIN sites site ON site.id = work_order.site_id
            JOIN task_kinds task ON task.id = work_order.task_kind_id
            LEFT JOIN clients client ON client.id = work_order.client_id
            LEFT JOIN programs program ON program.id = work_order.program_id
            WHERE \(condition)
            ORDER BY work_order.id
            """
        ).map(order)
    }

    private static func order(_ row: PQRow) throws -> WorkOrder {
        let (id, title, client, site, task, program, first, last, weekdays, start) = try row.decode(
            Int.self,
            String.self,
            String?.self,
            String.self,
            String.self,
            String?.self,
            LocalDate.self,
            LocalDate?.self,
            [Int].self,
            LocalTime.self
        )
        let (end, headcount, skills, minimumAge, priority, supervised, notes, status, reason, skipped) = try (
            row.decode(LocalTime.self, column: 10),
            row.decode(Int.self, column: 11),
            row.decode([String].self, column: 12),
            row.decode(Int?.self, column: 13),
            row.decode(Int.self, column: 14),
            row.decode(Bool.self, column: 15),
            row.decode(String?.self, column: 16),
            row.decode(String.self, column: 17),
            row.decode(String?.self, column: 18),
            row.decode([LocalDate].self, column: 19)
        )
        return WorkOrder(
            id: id,
            details: WorkOrder.Details(
                title: title,
                clientCode: client,
                siteCode: site,
                taskCode: task,
                programCode: program,
                firstDay: first,
                lastDay: last,
                weekdays: Set(weekdays.compactMap(Weekday.init(isoNumber:))),
                start: start,
                end: end,
                headcount: headcount,
                requiredSkills: skills,
                minimumAge: minimumAge,
                priority: priority,
                adultSupervision: supervised,
                notes: notes,
                skippedDays: Set(skipped)
            ),
            status: WorkOrder.Status(rawValue: status) ?? .closed,
            closeReason: reason
        )
    }
}
