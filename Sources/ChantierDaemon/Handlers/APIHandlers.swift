import ChantierAPI
import ChantierStorage
import Prometheus

/// The implementation of every operation of the OpenAPI document. The handlers of each resource
/// are in their own file (`APIHandlers+Sectors.swift`…); authorization happened before they run.
struct APIHandlers: APIProtocol {
    let state: DaemonState
    let database: Database
    let metrics: PrometheusCollectorRegistry
}
