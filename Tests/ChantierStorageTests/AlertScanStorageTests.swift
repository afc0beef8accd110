import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

/// The leader's alert scan against a real database, with a test clock: the scan is asked what is
/// due at a given local time instead of waiting for it.
@Suite("Alerts that time brings", .timeLimit(.minutes(2)))
struct AlertScanStorageTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    func at(_ text: String) throws -> LocalDateTime {
        try #require(LocalDateTime(iso: text))
    }

    @Test func missingHoursMissingTimesheetsAndLateApprovalsFireOnceEachAtTheirDeadlines() async throws {
        try await database.withPool { pool throws in
            // Shift 09:00–12:00 Montréal time on Monday 2026-11-23 (week 2026-W48), assigned, no hours.
            let fixture = try await SchemaFixture.make(on: pool)
            try await fixture.assign(fixture.morningShiftID, on: pool)
            let storage = Database(pool: pool)
            let alerts = AlertRepository(database: storage, timeZone: "America/Toronto")
            let daemon = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "scanAlerts")
            let scan = AlertScan()
            func kinds() async throws -> [String] {
                try await alerts.list(roles: [.admin], includeAcknowledged: true, kind: nil).map(\.draft.kind.rawValue)
                    .sorted()
            }

            // The shift just ended: nothing is due yet.
            #expect(try await alerts.scan(scan, at: try at("2026-11-23T13:00"), audit: daemon) == 0)
            // Twelve hours after its end the missing hours are alerted to the supervisors, once.
            #expect(try await alerts.scan(scan, at: try at("2026-11-24T00:01"), audit: daemon) == 1)
            #expect(try await alerts.scan(scan, at: try at("2026-11-24T08:00"), audit: daemon) == 0)
            #expect(try await kinds() == ["missing-hours"])
            let missing = try #require(
                try await alerts.list(roles: [.supervisor], includeAcknowledged: false, kind: nil).first
            )
            #expect(missing.draft.targetRole == .supervisor)
            #expect(missing.draft.message.contains("log them or record a no-show"))

            // Not submitted by Sunday 23:59: a missing timesheet.
            #expect(try await alerts.scan(scan, at: try at("2026-11-29T23:59"), audit: daemon) == 0)
            #expect(try await alerts.scan(scan, at: try at("2026-11-30T00:00"), audit: daemon) == 1)
            #expect(try await kinds() == ["missing-hours", "missing-timesheet"])

            // Submitted late, then not approved by Monday 17:00: a late approval for the coordinators.
            let week = DateRange(try #require(LocalDate(iso: "2026-11-23")), try #require(LocalDate(iso: "2026-11-29")))
            let supervisor = AuditContext(uid: 1001, name: "paul", role: "supervisor", operation: "submitWeek")
            _ = try await WeekClosureRepository(database: storage).submit(
                site: "rue-papineau",
                week: week,
                access: .any,
                audit: supervisor
            )
            #expect(try await alerts.scan(scan, at: try at("2026-11-30T17:00"), audit: daemon) == 0)
            #expect(try await alerts.scan(scan, at: try at("2026-11-30T17:01"), audit: daemon) == 1)
            #expect(try await alerts.scan(scan, at: try at("2026-12-01T09:00"), audit: daemon) == 0)
            #expect(try await kinds() == ["late-approval", "missing-hours", "missing-timesheet"])
            let late = try #require(
                try await alerts.list(roles: [.coordinator], includeAcknowledged: false, kind: .lateApproval).first
            )
            #expect(late.draft.details["week"] == "2026-W48")

            // A coordinator acknowledges it; a supervisor cannot acknowledge a coordinator's alert.
            let coordinator = AuditContext(uid: 1002, name: "marie", role: "coordinator", operation: "acknowledgeAlert")
            await #expect(throws: StorageError.self) {
                _ = try await alerts.acknowledge(id: late.id, roles: [.supervisor], audit: supervisor)
            }
            let acknowledged = try await alerts.acknowledge(id: late.id, roles: [.coordinator], audit: coordinator)
            #expect(acknowledged.acknowledgedBy == "marie")
            #expect(
                try await alerts.list(roles: [.coordinator], includeAcknowledged: false, kind: .lateApproval).isEmpty
            )
            #expect(try await alerts.openCounts() == [.missingHours: 1, .missingTimesheet: 1])
        }
    }
}
