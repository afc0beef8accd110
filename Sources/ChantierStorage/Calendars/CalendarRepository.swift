public import ChantierCore
import ChantierPQ

/// School calendars in `school_calendars` and the tables of their days.
public struct CalendarRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A calendar without its days, for lists.
    public struct Summary: Hashable, Sendable {
        public var code: String
        public var name: String
        public var jurisdiction: RulePackID
        public var classHours: ClassHours
        public var knownRange: DateRange
        public var classDayCount: Int
        public var archived: Bool

        public init(
            code: String,
            name: String,
            jurisdiction: RulePackID,
            classHours: ClassHours,
            knownRange: DateRange,
            classDayCount: Int,
            archived: Bool
        ) {
            self.code = code
            self.name = name
            self.jurisdiction = jurisdiction
            self.classHours = classHours
            self.knownRange = knownRange
            self.classDayCount = classDayCount
            self.archived = archived
        }
    }

    public func list(includeArchived: Bool = false) async throws -> [Summary] {
        try await database.read { connection in
            try await connection.query(
                """
                SELECT calendar.code, calendar.name, calendar.jurisdiction, calendar.class_start, calendar.class_end,
                       calendar.known_from, calendar.known_to,
                       (SELECT count(*) FROM school_calendar_class_days day WHERE day.calendar_id = calendar.id),
                       calendar.archived_at IS NOT NULL
                FROM school_calendars calendar
                WHERE \(includeArchived) OR calendar.archived_at IS NULL
                ORDER BY calendar.code
                """
            ).map { row in
                let (code, name, jurisdiction, start, end, from, to, days, archived) = try row.decode(
                    String.self,
                    String.self,
                    String.self,
                    LocalTime.self,
                    LocalTime.self,
                    LocalDate.self,
                    LocalDate.self,
                    Int.self,
                    Bool.self
                )
                return Summary(
                    code: code,
                    name: name,
                    jurisdiction: RulePackID(rawValue: jurisdiction) ?? .quebec,
                    classHours: ClassHours(start: start, end: end),
                    knownRange: DateRange(from, to),
                    classDayCount: days,
                    archived: archived
                )
            }
        }
    }

    public func calendar(code: String) async throws -> SchoolCalendarRecord {
        try await database.read { connection in
            guard let calendar = try await Self.calendar(code: code, on: connection) else {
                throw StorageError(
                    code: .notFound,
                    message: "there is no school calendar \(code); chantierctl calendar list shows them"
                )
            }
            return calendar
        }
    }

    /// What describes a calendar besides its days; `nil` keeps the stored value.
    public struct Header: Sendable {
        public var name: String?
        public var jurisdiction: RulePackID?
        public var classHours: ClassHours?
        public var source: String?

        public init(
            name: String? = nil,
            jurisdiction: RulePackID? = nil,
            classHours: ClassHours? = nil,
            source: String? = nil
        ) {
            self.name = name
            self.jurisdiction = jurisdiction
            self.classHours = classHours
            self.source = source
        }
    }

    /// Creates the calendar, or replaces the days of an existing one over the range `content`
    /// covers (extending its known range), in one transaction.
    ///
    /// - Throws: ``StorageError`` naming the field when a new calendar lacks its class hours, or
    ///   when the new range would leave a gap.
    public func importContent(
        _ content: SchoolCalendarContent,
        code: String,
        header: Header,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> SchoolCalendarRecord {
        try await database.write(audit, idempotency: idempotency) { connection in
            let range = content.knownRange
            let id: Int
            if let existing = try await Self.calendar(code: code, on: connection, lock: true) {
                id = existing.id
                let merged: SchoolCalendarContent
                do {
                    merged = try existing.content.merging(content)
                } catch let error as RecordError {
                    throw StorageError(error)
                }
                try await connection.query(
                    """
                    UPDATE school_calendars SET
                        name = coalesce(\(header.name), name),
                        jurisdiction = coalesce(\(header.jurisdiction?.rawValue), jurisdiction),
                        class_start = coalesce(\(header.classHours?.start), class_start),
                        class_end = coalesce(\(header.classHours?.end), class_end),
                        known_from = \(merged.knownRange.first), known_to = \(merged.knownRange.last),
                        source = coalesce(\(header.source), source)
                    WHERE id = \(id)
                    """
                )
                for table: PQQuery in ["school_calendar_class_days", "public_holidays"] {
                    try await connection.query(
                        "DELETE FROM \(table) WHERE calendar_id = \(id) AND day BETWEEN \(range.first) AND \(range.last)"
                    )
                }
                try await connection.query(
                    """
                    DELETE FROM school_year_ends
                    WHERE calendar_id = \(id) AND last_day BETWEEN \(range.first) AND \(range.last)
                    """
                )
                try await connection.query(
                    """
                    DELETE FROM school_holiday_periods
                    WHERE calendar_id = \(id) AND first_day BETWEEN \(range.first) AND \(range.last)
                    """
                )
            } else {
                guard let hours = header.classHours else {
                    throw StorageError(
                        code: .invalidRecord,
                        message: "a new calendar needs its class hours, such as 08:15 to 15:30",
                        field: "class_start"
                    )
                }
                id = try await connection.query(
                    """
                    INSERT INTO school_calendars (code, name, jurisdiction, class_start, class_end, known_from,
                                                  known_to, source)
                    VALUES (\(code), \(header.name ?? code), \(header.jurisdiction?.rawValue ?? "QC"), \(hours.start),
                            \(hours.end), \(range.first), \(range.last), \(header.source))
                    RETURNING id
                    """
                ).value(Int.self)
            }
            try await Self.insertDays(of: content, calendar: id, on: connection)
            return try await Self.calendar(code: code, on: connection)!
        }
    }

    private static func insertDays(
        of content: SchoolCalendarContent,
        calendar id: Int,
        on connection: PQConnection
    )
        async throws
    {
        let days = content.classDays.keys.sorted()
        try await connection.query(
            """
            INSERT INTO school_calendar_class_days (calendar_id, day, class_start, class_end)
            SELECT \(id), day, nullif(start_time, '')::time, nullif(end_time, '')::time
            FROM unnest(\(days), \(days.map { content.classDays[$0]??.start.description ?? "" }),
                        \(days.map { content.classDays[$0]??.end.description ?? "" }))
                AS day_ (day, start_time, end_time)
            """
        )
        for last in content.schoolYearLastDays {
            try await connection.query(
                """
                INSERT INTO school_year_ends (calendar_id, school_year, last_day)
                VALUES (\(id), \(last.month >= 7 ? last.year : last.year - 1), \(last))
                ON CONFLICT (calendar_id, school_year) DO UPDATE SET last_day = excluded.last_day
                """
            )
        }
        for period in content.holidayPeriods {
            try await connection.query(
                """
                INSERT INTO school_holiday_periods (calendar_id, name, first_day, last_day)
                VALUES (\(id), \(period.name), \(period.days.first), \(period.days.last))
                """
            )
        }
        for (day, name) in content.publicHolidays.sorted(by: { $0.key < $1.key }) {
            try await connection.query(
                "INSERT INTO public_holidays (calendar_id, day, name) VALUES (\(id), \(day), \(name))"
            )
        }
    }

    static func calendar(
        code: String,
        on connection: PQConnection,
        lock: Bool = false
    ) async throws
        -> SchoolCalendarRecord?
    {
        let query: PQQuery =
            lock
            ? "SELECT id FROM school_calendars WHERE code = \(code) FOR UPDATE"
            : "SELECT id FROM school_calendars WHERE code = \(code)"
        guard let row = try await connection.query(query).firstRow else { return nil }
        return try await calendar(id: try row.decode(Int.self, column: 0), on: connection)
    }

    static func calendar(id: Int, on connection: PQConnection) async throws -> SchoolCalendarRecord {
        let header = try await connection.query(
            """
            SELECT code, name, jurisdiction, class_start, class_end, known_from, known_to, source,
                   archived_at IS NOT NULL
            FROM school_calendars WHERE id = \(id)
            """
        )[0]
        let (code, name, jurisdiction, start, end, from, to, source, archived) = try header.decode(
            String.self,
            String.self,
            String.self,
            LocalTime.self,
            LocalTime.self,
            LocalDate.self,
            LocalDate.self,
            String?.self,
            Bool.self
        )
        var classDays: [LocalDate: ClassHours?] = [:]
        for row in try await connection.query(
            "SELECT day, class_start, class_end FROM school_calendar_class_days WHERE calendar_id = \(id)"
        ) {
            let (day, dayStart, dayEnd) = try row.decode(LocalDate.self, LocalTime?.self, LocalTime?.self)
            if let dayStart, let dayEnd {
                classDays[day] = ClassHours(start: dayStart, end: dayEnd)
            } else {
                classDays[day] = .some(nil)
            }
        }
        let yearEnds = try await connection.query(
            "SELECT last_day FROM school_year_ends WHERE calendar_id = \(id) ORDER BY last_day"
        ).map { try $0.decode(LocalDate.self, column: 0) }
        let holidays = try await connection.query(
            "SELECT name, first_day, last_day FROM school_holiday_periods WHERE calendar_id = \(id) ORDER BY first_day"
        ).map { row in
            let (name, first, last) = try row.decode(String.self, LocalDate.self, LocalDate.self)
            return HolidayPeriod(name: name, days: DateRange(first, last))
        }
        var publicHolidays: [LocalDate: String] = [:]
        for row in try await connection.query("SELECT day, name FROM public_holidays WHERE calendar_id = \(id)") {
            let (day, holiday) = try row.decode(LocalDate.self, String.self)
            publicHolidays[day] = holiday
        }
        return SchoolCalendarRecord(
            id: id,
            code: code,
            name: name,
            jurisdiction: RulePackID(rawValue: jurisdiction) ?? .quebec,
            classHours: ClassHours(start: start, end: end),
            content: SchoolCalendarContent(
                knownRange: DateRange(from, to),
                classDays: classDays,
                schoolYearLastDays: yearEnds,
                holidayPeriods: holidays,
                publicHolidays: publicHolidays
            ),
            source: source,
            archived: archived
        )
    }
}
