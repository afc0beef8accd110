import ChantierCore
import ChantierPQ
import ChantierStorage
import ChantierTestSupport
import Testing

/// The leader's follow-up scheduling and soft exit against a real database, driven by the day
/// it is given instead of the wall clock.
@Suite("Follow-ups after exits", .timeLimit(.minutes(2)))
struct FollowUpStorageTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabases.shared.database()
    }

    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    static let daemon = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "scheduleFollowUps")

    @Test func followUpsAreScheduledAfterAnExitAndBecomeOverdueAfterTheirDay() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let storage = Database(pool: pool)
            let followUps = FollowUpRepository(database: storage)
            let alerts = AlertRepository(database: storage, timeZone: "America/Toronto")
            let schedule = FollowUpSchedule()
            let person = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2026-01-05",
                exit: "2026-06-30",
                worked: "2026-02-03"
            )
            // An exit long before the last follow-up's day is not followed any more.
            _ = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2019-01-07",
                exit: "2019-06-28",
                worked: "2019-02-05"
            )

            #expect(try await followUps.schedule(schedule, today: try day("2026-07-01"), audit: Self.daemon) == 3)
            #expect(try await followUps.schedule(schedule, today: try day("2026-07-02"), audit: Self.daemon) == 0)
            let due = try await followUps.list(.init())
            #expect(due.map(\.due) == [try day("2026-09-28"), try day("2026-12-27"), try day("2027-06-30")])
            #expect(due.allSatisfy { $0.participantID == person[0] && $0.programCode == "multiboulot" })

            // On its day it is due, not overdue; the day after, one alert for the coordinators.
            #expect(try await followUps.scan(schedule, today: try day("2026-09-28"), audit: Self.daemon) == 0)
            #expect(try await followUps.scan(schedule, today: try day("2026-09-29"), audit: Self.daemon) == 1)
            #expect(try await followUps.scan(schedule, today: try day("2026-09-30"), audit: Self.daemon) == 0)
            let overdue = try #require(
                try await alerts.list(
                    roles: [.coordinator],
                    includeAcknowledged: false,
                    kind: .followUpOverdue
                ).first
            )
            #expect(overdue.draft.message.contains("chantierctl followup done \(due[0].id)"))
            #expect(try await followUps.list(.init(dueBy: try day("2026-10-01"))).count == 1)

            // Done with the situation learnt: the outcome is recorded for the exit's enrollment.
            let draft = try OutcomeDraft(
                participantID: person[0],
                enrollmentID: due[0].enrollmentID,
                observedOn: try day("2026-10-02"),
                situation: .employedPartTime,
                diplomaLevel: nil,
                source: .selfReported,
                note: nil,
                today: try day("2026-10-02")
            )
            let coordinator = AuditContext(uid: 1002, name: "marie", role: "coordinator", operation: "completeFollowUp")
            let (done, outcome) = try await followUps.complete(
                id: due[0].id,
                on: try day("2026-10-02"),
                outcome: draft,
                outcomeID: nil,
                note: "called",
                audit: coordinator
            )
            #expect(done.doneOn == (try day("2026-10-02")))
            #expect(done.outcomeID == outcome?.id)
            #expect(outcome?.enrollmentID == due[0].enrollmentID)
            #expect(try await followUps.list(.init()).map(\.id) == [due[1].id, due[2].id])
            // Done twice is a conflict, and changes nothing.
            await #expect(throws: StorageError.self) {
                _ = try await followUps.complete(
                    id: due[0].id,
                    on: try day("2026-10-03"),
                    outcome: nil,
                    outcomeID: nil,
                    note: nil,
                    audit: coordinator
                )
            }
            #expect(try await followUps.followUp(id: due[0].id).doneOn == (try day("2026-10-02")))
        }
    }

    @Test func aParticipantWithoutActivityFor90DaysIsProposedForExitAtTheirLastDay() async throws {
        try await database.withPool { pool throws in
            let fixture = try await StatisticsFixture.make(on: pool)
            let storage = Database(pool: pool)
            let followUps = FollowUpRepository(database: storage)
            let alerts = AlertRepository(database: storage, timeZone: "America/Toronto")
            let idle = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2026-01-05",
                exit: nil,
                worked: "2026-03-10"
            )
            _ = try await fixture.people(
                1,
                born: "1990-01-01",
                program: fixture.adults,
                start: "2026-01-05",
                exit: nil,
                worked: "2026-05-12"
            )

            #expect(try await followUps.scan(FollowUpSchedule(), today: try day("2026-06-07"), audit: Self.daemon) == 0)
            #expect(try await followUps.scan(FollowUpSchedule(), today: try day("2026-06-08"), audit: Self.daemon) == 1)
            let proposal = try #require(
                try await alerts.list(
                    roles: [.coordinator],
                    includeAcknowledged: false,
                    kind: .exitProposed
                ).first
            )
            #expect(proposal.draft.participantID == idle[0])
            #expect(proposal.draft.details["exit_on"] == "2026-03-10")
            #expect(proposal.draft.message.contains("--on 2026-03-10"))
            // Turned off, nothing is proposed.
            #expect(
                try await followUps.scan(
                    FollowUpSchedule(softExitDays: nil),
                    today: try day("2026-12-01"),
                    audit: Self.daemon
                ) == 0
            )
        }
    }
}
