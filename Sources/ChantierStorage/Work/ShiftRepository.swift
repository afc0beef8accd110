public import ChantierCore
import ChantierPQ

/// Shifts in `shifts`: listed by week, site or sector, cancelled with a reason, and materialized
/// from the open work orders.
public struct ShiftRepository: Sendable {
    let database: Database
    /// The organisation's time zone, in which shifts have their local times.
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    /// Which shifts a list shows.
    public struct Filter: Sendable {
        public var days: DateRange
        public var site: String?
        public var sector: String?
        public var order: Int?
        /// `nil`: every status.
        public var status: Shift.Status?

        public init(
            days: DateRange,
            site: String? = nil,
            sector: String? = nil,
            order: Int? = nil,
            status: Shift.Status? = nil
        ) {
            self.days = days
            self.site = site
            self.sector = sector
            self.order = order
            self.status = status
        }
    }

    public func list(_ filter: Filter) async throws -> [Shift] {
        try await database.read { connection in
            try await ShiftLoader(connection: connection, timeZone: timeZone).shifts(
                where: .allOf([
                    "shift.local_date BETWEEN \(filter.days.first) AND \(filter.days.last)",
                    filter.site.map { "site.code = \($0)" },
                    filter.sector.map { "sector.code = \($0)" },
                    filter.order.map { "shift.work_order_id = \($0)" },
                    filter.status.map { "shift.status = \($0.rawValue)" },
                ])
            )
        }
    }

    public func shift(id: Int) async throws -> Shift {
        try await database.read { connection in
            try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: id)
        }
    }

    /// Cancels a shift and the assignments on it, with a reason. Cancelling twice changes nothing.
    public func cancel(
        id: Int,
        reason: String,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws
        -> Shift
    {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await connection.query("SELECT 1 FROM shifts WHERE id = \(id) FOR UPDATE")
            try await Self.cancel(where: "id = \(id)", reason: reason, on: connection)
            return try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: id)
        }
    }

    /// Cancels the open shifts `condition` selects and frees their places.
    static func cancel(where condition: PQQuery, reason: String, on connection: PQConnection) async throws {
        let ids = try await connection.query(
            """
            UPDATE shifts SET status = 'cancelled', cancel_reason = \(reason)
            WHERE status = 'open' AND \(condition) RETURNING id
            """
        ).map { try $0.decode(Int.self, column: 0) }
        try await connection.query(
            """
            UPDATE assignments SET status = 'cancelled', status_reason = \("shift cancelled: " + reason)
            WHERE shift_id \(PQQuery.isAny(of: ids)) AND status IN ('assigned', 'confirmed')
            """
        )
    }

    /// Creates the shifts of the open orders (or of one) on the days of `days`, in local time.
    /// Existing shifts, cancelled ones included, are left as they are, so running it again (or
    /// on two daemons at once) never duplicates a shift.
    ///
    /// - Returns: the number of shifts created.
    @discardableResult
    public func materialize(
        days: DateRange,
        order: Int? = nil,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Int {
        try await database.write(audit, idempotency: idempotency) { connection in
            try await Self.materialize(days: days, order: order, timeZone: timeZone, on: connection)
        }
    }

    static func materialize(
        days: DateRange,
        order: Int?,
        timeZone: String,
        on connection: PQConnection
    ) async throws
        -> Int
    {
        try await connection.query(
            """
            INSERT INTO shifts (work_order_id, site_id, task_kind_id, local_date, during, headcount, required_skills,
                                min_age, priority)
            SELECT work_order.id, work_order.site_id, work_order.task_kind_id, day::date,
                   tstzrange((day::date + work_order.start_time) AT TIME ZONE \(timeZone),
                             (day::date + work_order.end_time) AT TIME ZONE \(timeZone), '[)'),
                   work_order.headcount, work_order.required_skills, work_order.min_age, work_order.priority
            FROM work_orders work_order
            CROSS JOIN LATERAL generate_series(
                greatest(work_order.first_day, \(days.first)),
                least(coalesce(work_order.last_day, \(days.last)), \(days.last)),
                interval '1 day'
            ) AS day
            WHERE \(PQQuery.allOf(["work_order.status = 'open'", order.map { "work_order.id = \($0)" }]))
              AND extract(isodow FROM day)::smallint = ANY (work_order.weekdays)
              AND NOT EXISTS (SELECT 1 FROM work_order_skipped_days skipped
                              WHERE skipped.work_order_id = work_order.id AND skipped.day = day::date)
            ON CONFLICT (work_order_id, local_date) DO NOTHING
            """
        ).affectedRows
    }
}
