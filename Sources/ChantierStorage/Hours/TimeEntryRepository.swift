public import ChantierCore
import ChantierPQ

/// The ledger of hours (`time_entries`): entries are added, corrected by new entries that
/// supersede them, and never changed or deleted (the database refuses it too).
public struct TimeEntryRepository: Sendable {
    let database: Database
    let timeZone: String

    public init(database: Database, timeZone: String) {
        self.database = database
        self.timeZone = timeZone
    }

    /// What a supervisor logs: for a shift (its times by default), or at a site on a day.
    public struct Request: Sendable {
        public var participantID: Int
        public var shiftID: Int?
        public var siteCode: String?
        /// `nil` with a shift: the shift's times, kind `work`, no break.
        public var times: TimeEntry.Times?
        public var breakMinutes: Int?
        public var kind: WorkKind?
        public var note: String?

        public init(
            participantID: Int,
            shiftID: Int? = nil,
            siteCode: String? = nil,
            times: TimeEntry.Times? = nil,
            breakMinutes: Int? = nil,
            kind: WorkKind? = nil,
            note: String? = nil
        ) {
            self.participantID = participantID
            self.shiftID = shiftID
            self.siteCode = siteCode
            self.times = times
            self.breakMinutes = breakMinutes
            self.kind = kind
            self.note = note
        }
    }

    /// The entry recorded and the rules it broke (its flags), with the engine's warnings.
    public struct Outcome: Sendable {
        public var entry: TimeEntry
        public var check: LoggedTimeCheck
    }

    /// Records hours. The participant's row is held for the transaction, so that two supervisors
    /// logging for one person at once are checked one after the other.
    public func log(
        _ request: Request,
        access: SiteAccess,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Outcome {
        try await write(audit, idempotency) { connection in
            // The site's id and the assignment the hours complete come with the participant, in
            // one round trip.
            let siteQuery = request.shiftID == nil ? request.siteCode.map(RegistryTable.site.idQuery(of:)) : nil
            let (participant, found) = try await ParticipantRepository.participant(
                id: request.participantID,
                on: connection,
                lock: true,
                alongside: [Self.assignmentQuery(request)] + (siteQuery.map { [$0] } ?? [])
            )
            var siteCode = request.siteCode
            var times = request.times
            var shift: Shift?
            if let shiftID = request.shiftID {
                let found = try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
                shift = found
                siteCode = found.siteCode
                times =
                    times
                    ?? TimeEntry.Times(date: found.date, start: found.start.time, end: found.end.time)
            }
            guard let siteCode, var times else {
                throw StorageError(
                    code: .invalidRecord,
                    message: "give a shift, or a site, a date and times",
                    field: "shift"
                )
            }
            if let breakMinutes = request.breakMinutes { times.breakMinutes = breakMinutes }
            if let kind = request.kind { times.kind = kind }
            let siteID =
                if siteQuery != nil {
                    try RegistryTable.site.id(of: siteCode, field: "site", from: found[1])
                } else {
                    try await RegistryTable.site.id(of: siteCode, field: "site", on: connection)
                }
            try await access.check(site: siteCode, siteID: siteID, on: connection)
            let assignment = try found[0].firstRow.map { try $0.decode(Int.self, column: 0) }
            return try await record(
                participant: participant,
                siteID: siteID,
                shift: shift,
                assignmentID: assignment,
                times: times,
                note: request.note,
                correcting: nil,
                audit: audit,
                on: connection
            )
        }
    }

    /// The participant's assignment that hours logged for `request` complete: to its shift, or to
    /// a shift at its site on its day.
    private static func assignmentQuery(_ request: Request) -> PQQuery {
        let shift: PQQuery =
            if let shiftID = request.shiftID {
                "shift.id = \(shiftID)"
            } else {
                """
                shift.site_id = (SELECT id FROM sites WHERE code = \(request.siteCode))
                AND shift.local_date = \(request.times?.date)
                """
            }
        return """
            SELECT assignment.id FROM assignments assignment JOIN shifts shift ON shift.id = assignment.shift_id
            WHERE assignment.participant_id = \(request.participantID)
              AND assignment.status IN ('assigned', 'confirmed', 'completed') AND \(shift)
            ORDER BY assignment.id LIMIT 1
            """
    }

    /// What a correction changes; `nil` keeps the corrected entry's value.
    public struct Correction: Sendable {
        public var date: LocalDate?
        public var start: LocalTime?
        public var end: LocalTime?
        public var breakMinutes: Int?
        public var kind: WorkKind?
        /// The corrected entry did not happen.
        public var void: Bool
        public var reason: String
        public var note: String?

        public init(
            date: LocalDate? = nil,
            start: LocalTime? = nil,
            end: LocalTime? = nil,
            breakMinutes: Int? = nil,
            kind: WorkKind? = nil,
            void: Bool = false,
            reason: String,
            note: String? = nil
        ) {
            self.date = date
            self.start = start
            self.end = end
            self.breakMinutes = breakMinutes
            self.kind = kind
            self.void = void
            self.reason = reason
            self.note = note
        }
    }

    /// Records a correction: a new entry that supersedes `entryID`, with a reason. The corrected
    /// entry stays in the ledger and in its history. In an approved week only an admin may correct.
    public func correct(
        entryID: Int,
        _ correction: Correction,
        access: SiteAccess,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Outcome {
        let reason = try StorageError.checking { () throws(RecordError) in
            try RecordFields.text(correction.reason, field: "reason", maximum: 2000)
        }
        return try await write(audit, idempotency) { connection in
            let loader = TimeEntryLoader(connection: connection, timeZone: timeZone)
            let old = try await loader.entry(id: entryID)
            let participant = try await ParticipantRepository.participant(
                id: old.participantID,
                on: connection,
                lock: true
            )
            guard old.current else {
                let later = try await connection.query("SELECT id FROM time_entries WHERE supersedes = \(entryID)")
                    .value(Int.self)
                throw StorageError(
                    code: .conflict,
                    message: "entry \(entryID) was corrected already by entry \(later); correct \(later) instead"
                )
            }
            guard !old.voids else {
                throw StorageError(
                    code: .conflict,
                    message: "entry \(entryID) voids another entry; log new hours instead"
                )
            }
            let siteID = try await RegistryTable.site.existingID(of: old.siteCode, on: connection)
            try await access.check(site: old.siteCode, siteID: siteID, on: connection)
            var times = old.times
            times.date = correction.date ?? times.date
            times.start = correction.start ?? times.start
            times.end = correction.end ?? times.end
            times.breakMinutes = correction.breakMinutes ?? times.breakMinutes
            times.kind = correction.kind ?? times.kind
            let shift = try await old.shiftID.asyncMap { id in
                try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: id)
            }
            return try await record(
                participant: participant,
                siteID: siteID,
                shift: shift,
                assignmentID: old.assignmentID,
                times: times,
                note: correction.note ?? old.note,
                correcting: (old, reason, correction.void),
                audit: audit,
                on: connection
            )
        }
    }

    /// The transaction of a change to the ledger, with the lock trigger's refusal made plain.
    private func write<Result>(
        _ audit: AuditContext,
        _ idempotency: IdempotencyClaim?,
        _ body: (PQConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await database.write(audit, idempotency: idempotency, body)
        } catch let error as PQError where error.is(SQLState("CH003")) {
            throw StorageError(
                code: .weekLocked,
                message: "\(error.message); an admin may record a correction with a reason, or a coordinator may "
                    + "reopen the week with chantierctl week reopen",
                underlying: error
            )
        }
    }

    private func record(
        participant: Participant,
        siteID: Int,
        shift: Shift?,
        assignmentID: Int?,
        times unchecked: TimeEntry.Times,
        note: String?,
        correcting: (entry: TimeEntry, reason: String, void: Bool)?,
        audit: AuditContext,
        on connection: PQConnection
    ) async throws -> Outcome {
        let times = try StorageError.checking { () throws(RecordError) in try unchecked.validated() }
        let noteText = try StorageError.checking { () throws(RecordError) in
            try RecordFields.optionalText(note, field: "note")
        }
        let programCodes = try programCodes(for: participant, shift: shift, on: times.date)
        let calendar = try await participant.profile.calendarCode.asyncMap { code in
            try await CalendarRepository.calendar(code: code, on: connection)
        }
        let loader = TimeEntryLoader(connection: connection, timeZone: timeZone)
        // The programs with their policies, the real minutes and the participant's other hours
        // around the day: one round trip.
        let programQueries = programCodes.map(ProgramRepository.queries(code:))
        let results = try await connection.queries(
            programQueries.flatMap { $0 } + [
                // The real minutes between the local times: a change of the clocks makes them differ.
                """
                SELECT (extract(epoch FROM ((\(times.endDateTime.description)::timestamp) AT TIME ZONE \(timeZone))
                                         - ((\(times.startDateTime.description)::timestamp) AT TIME ZONE \(timeZone))) / 60)::bigint,
                       ((\(times.endDateTime.description)::timestamp) AT TIME ZONE \(timeZone)) > now() + interval '30 minutes'
                """,
                loader.intervalsQuery(
                    of: participant.id,
                    in: AssignmentCase.window(around: times.date),
                    excluding: correcting?.entry.id
                ),
            ]
        )
        var programs: [Program] = []
        var next = 0
        for (code, queries) in zip(programCodes, programQueries) {
            programs.append(try ProgramRepository.program(code: code, from: results[next..<next + queries.count]))
            next += queries.count
        }
        let (minutes, future) = try results[next][0].decode(Int.self, Bool.self)
        guard !future else {
            throw StorageError(
                code: .invalidRecord,
                message: "the hours end at \(times.endDateTime), in the future; log hours once they are worked",
                field: "end"
            )
        }
        let entryIntervals = TimeEntry.workIntervals(
            start: times.startDateTime,
            end: times.endDateTime,
            minutes: minutes,
            breakMinutes: times.breakMinutes,
            kind: times.kind
        )
        let void = correcting?.void ?? false
        let check = LoggedTimeCheck(
            entry: void ? [] : entryIntervals,
            rules: programs.map { ParticipantRules(participant: participant, program: $0, calendar: calendar ?? nil) },
            existing: try TimeEntryLoader.intervals(results[next + 1]),
            task: try await shift.asyncMap { try await TaskKindRepository.taskKind(code: $0.taskCode, on: connection) },
            adultSupervision: true
        )
        let entry = try await loader.inserting(
            """
            INSERT INTO time_entries (participant_id, site_id, assignment_id, program_id, kind, worked, work_date,
                                      break_minutes, supersedes, voids, reason, flags, note, recorded_by_uid,
                                      recorded_by_name)
            VALUES (\(participant.id), \(siteID), \(assignmentID), \(programs.first?.id), \(times.kind.rawValue),
                    tstzrange((\(times.startDateTime.description)::timestamp) AT TIME ZONE \(timeZone),
                              (\(times.endDateTime.description)::timestamp) AT TIME ZONE \(timeZone), '[)'),
                    \(times.date), \(times.breakMinutes), \(correcting?.entry.id), \(void), \(correcting?.reason),
                    \(check.flags.map(\.rawValue)), \(noteText), \(audit.uid), \(audit.name))
            """
        )
        if let assignmentID, !void {
            try await connection.query(
                "UPDATE assignments SET status = 'completed' WHERE id = \(assignmentID) AND status IN ('assigned', 'confirmed')"
            )
        }
        if !check.violations.isEmpty {
            try await AlertRepository.raise(
                [
                    .limitBreach(
                        entryID: entry.id,
                        participantID: participant.id,
                        participantName: participant.profile.fullName,
                        date: times.date,
                        violations: check.violations
                    )
                ],
                on: connection
            )
        }
        return Outcome(entry: entry, check: check)
    }

    /// The codes of the programs an entry counts for: the order's, or those the participant is in
    /// that day.
    private func programCodes(for participant: Participant, shift: Shift?, on date: LocalDate) throws -> [String] {
        let codes = shift?.programCode.map { [$0] } ?? participant.enrollments(activeOn: date).map(\.programCode)
        guard !codes.isEmpty else {
            throw StorageError(
                code: .conflict,
                message: "\(participant.profile.fullName) is not enrolled in any program on \(date); enroll them first "
                    + "with chantierctl enroll, then log the hours"
            )
        }
        return codes
    }

    /// Records that a participant did not come to a shift.
    public func noShow(
        participantID: Int,
        shiftID: Int,
        note: String?,
        access: SiteAccess,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> Shift {
        try await write(audit, idempotency) { connection in
            let shift = try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
            let siteID = try await RegistryTable.site.existingID(of: shift.siteCode, on: connection)
            try await access.check(site: shift.siteCode, siteID: siteID, on: connection)
            let changed = try await connection.query(
                """
                UPDATE assignments SET status = 'no_show', status_reason = \(note)
                WHERE shift_id = \(shiftID) AND participant_id = \(participantID) AND status IN ('assigned', 'confirmed')
                """
            ).affectedRows
            guard changed > 0 else {
                throw StorageError(
                    code: .notFound,
                    message: "participant \(participantID) is not expected on shift \(shiftID); chantierctl shift show "
                        + "\(shiftID) shows who is"
                )
            }
            return try await ShiftLoader(connection: connection, timeZone: timeZone).shift(id: shiftID)
        }
    }

    /// Which entries a list shows.
    public struct Filter: Sendable {
        public var days: DateRange
        public var participantID: Int?
        public var site: String?
        public var flaggedOnly: Bool

        public init(days: DateRange, participantID: Int? = nil, site: String? = nil, flaggedOnly: Bool = false) {
            self.days = days
            self.participantID = participantID
            self.site = site
            self.flaggedOnly = flaggedOnly
        }
    }

    /// The entries in force (not superseded, not voided).
    public func list(_ filter: Filter) async throws -> [TimeEntry] {
        try await database.read { connection in
            try await TimeEntryLoader(connection: connection, timeZone: timeZone).entries(
                where: .allOf([
                    "entry.work_date BETWEEN \(filter.days.first) AND \(filter.days.last)",
                    "NOT entry.voids AND NOT EXISTS (SELECT 1 FROM time_entries later WHERE later.supersedes = entry.id)",
                    filter.participantID.map { "entry.participant_id = \($0)" },
                    filter.site.map { "site.code = \($0)" },
                    filter.flaggedOnly ? "cardinality(entry.flags) > 0" : nil,
                ])
            )
        }
    }

    /// Every entry of the correction chain `entryID` belongs to, oldest first.
    public func history(entryID: Int) async throws -> [TimeEntry] {
        try await database.read { connection in
            _ = try await TimeEntryLoader(connection: connection, timeZone: timeZone).entry(id: entryID)
            return try await TimeEntryLoader(connection: connection, timeZone: timeZone).entries(
                where: """
                    entry.id IN (
                        WITH RECURSIVE root AS (
                            SELECT id, supersedes FROM time_entries WHERE id = \(entryID)
                            UNION ALL
                            SELECT earlier.id, earlier.supersedes FROM time_entries earlier JOIN root ON earlier.id = root.supersedes
                        ), chain AS (
                            SELECT id FROM root WHERE supersedes IS NULL
                            UNION ALL
                            SELECT later.id FROM time_entries later JOIN chain ON later.supersedes = chain.id
                        )
                        SELECT id FROM chain
                    )
                    """
            ).sorted { $0.id < $1.id }
        }
    }

    /// A participant's week against every limit that applies, with the hours logged, and their name.
    public func weekLimits(participantID: Int, days: DateRange) async throws -> (name: String, limits: WeekLimits) {
        try await database.read { connection in
            let participant = try await ParticipantRepository.participant(id: participantID, on: connection)
            let codes = Set(
                participant.enrollments.filter { $0.startsOn <= days.last && ($0.exitOn ?? days.first) >= days.first }
                    .map(\.programCode)
            )
            var programs: [Program] = []
            for code in codes.sorted() {
                programs.append(try await ProgramRepository.program(code: code, on: connection))
            }
            let calendar = try await participant.profile.calendarCode.asyncMap { code in
                try await CalendarRepository.calendar(code: code, on: connection)
            }
            let logged = try await TimeEntryLoader(connection: connection, timeZone: timeZone).intervals(
                of: participantID,
                in: DateRange(days.first.adding(days: -7), days.last.adding(days: 7))
            )
            let limits = WeekLimits(
                days: days,
                rules: programs.map {
                    ParticipantRules(participant: participant, program: $0, calendar: calendar ?? nil)
                },
                logged: logged
            )
            return (participant.profile.fullName, limits)
        }
    }
}
