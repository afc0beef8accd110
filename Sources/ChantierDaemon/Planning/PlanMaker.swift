import ChantierAPI
import ChantierCore
import ChantierStorage
import Foundation
import HTTPTypes
import NIOConcurrencyHelpers

/// Makes proposals: reads the week from the database, runs the planner on a thread of its own
/// (a search of seconds must never hold one of the cooperative threads the API answers on), and
/// stores the result. One plan at a time: the planner takes a whole core.
struct PlanMaker: Sendable {
    enum Budget: Sendable {
        /// Seconds of search, also a wall-clock limit.
        case seconds(Int)
        /// Candidate evaluations, with no clock limit: the same plan on every machine.
        case work(Int)
    }

    let database: Database
    let state: DaemonState

    func propose(
        week monday: LocalDate,
        budget: Budget,
        seed: UInt64,
        alert: Bool = false,
        audit: AuditContext,
        idempotency: IdempotencyClaim? = nil
    ) async throws -> PlanRecord {
        let claimed = state.planning.withLockedValue { current -> LocalDate? in
            guard let current else {
                current = monday
                return nil
            }
            return current
        }
        if let claimed {
            throw APIError(
                .conflict,
                .conflict,
                "the plan of the week of \(claimed) is being made; ask again when it is done"
            )
        }
        defer { state.planning.withLockedValue { $0 = nil } }
        let repository = PlanRepository(database: database, timeZone: state.configuration.timeZone)
        let started = ContinuousClock.now
        let week = try await repository.week(monday)
        let proposal = await Self.onOwnThread {
            switch budget {
            case .seconds(let seconds):
                week.propose(
                    work: seconds * Planner.workPerSecond,
                    seed: seed,
                    deadline: .now + .seconds(seconds)
                )
            case .work(let work):
                week.propose(work: work, seed: seed)
            }
        }
        let elapsed = ContinuousClock.now - started
        return try await repository.store(
            proposal,
            elapsedMilliseconds: Int(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            ),
            alert: alert,
            audit: audit,
            idempotency: idempotency
        )
    }

    private static func onOwnThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
