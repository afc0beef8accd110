import ChantierAPI
import ChantierStorage
import Prometheus

/// The implementation of every operation of the OpenAPI document. The handlers of each resource
/// are in their own file (`APIHandlers+Sectors.swift`…); authorization happened before they run.
struct APIHandlers: APIProtocol {
    let state: DaemonState
    let database: Database
    let metrics: PrometheusCollectorRegistry

    /// The request's scope (caller, audit context, idempotency key), once the database answers.
    func scope() throws -> RequestScope {
        try state.requireDatabase()
        return try RequestScope.required()
    }

    /// The organisation's time zone, in which shifts have their local times.
    var timeZone: String { state.configuration.timeZone }
}
