import ChantierAPI
import ChantierCore
import ChantierStorage
import Prometheus

/// The implementation of every operation of the OpenAPI document. The handlers of each resource
/// are in their own file (`APIHandlers+Sectors.swift`…); authorization happened before they run.
struct APIHandlers: APIProtocol {
    let state: DaemonState
    let database: Database
    let metrics: PrometheusCollectorRegistry

    /// The request's scope (caller, audit context, idempotency key), once the database answers.
    func scope() async throws -> RequestScope {
        try await state.requireDatabase()
        return try RequestScope.required()
    }

    /// The organisation's time zone, in which shifts have their local times.
    var timeZone: String { state.configuration.timeZone }

    /// The days a list covers: an ISO week, or `from` (default this week's Monday) to `to`
    /// (default six days later), at most a year.
    func days(week: String?, from: String?, to: String?) throws -> DateRange {
        if let week {
            guard from == nil, to == nil else {
                throw RecordError(field: "week", "give a week or from and to, not both")
            }
            return try self.week(week)
        }
        let first =
            try RecordFields.optionalDate(from, field: "from") ?? state.clock.today().startOfWeek(beginningOn: .monday)
        let last = try RecordFields.optionalDate(to, field: "to") ?? first.adding(days: 6)
        guard first <= last else { throw RecordError(field: "to", "\(last) is before \(first)") }
        guard first.days(until: last) <= 366 else { throw RecordError(field: "to", "ask for at most a year at a time") }
        return DateRange(first, last)
    }

    /// The Monday-to-Sunday days of an ISO week such as `2026-W48`; this week when `nil`.
    func week(_ text: String?) throws -> DateRange {
        guard let text else { return WeekClosure.week(of: state.clock.today()) }
        guard let range = DateRange(isoWeek: text) else {
            throw RecordError(field: "week", "\"\(text)\" is not an ISO week such as 2026-W48")
        }
        return range
    }
}
