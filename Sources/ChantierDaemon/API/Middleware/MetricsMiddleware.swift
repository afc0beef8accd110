import Hummingbird
import Metrics

/// Counts requests and times them by operation and status (`chantier_http_requests_total`,
/// `chantier_http_request_duration_seconds`), for `GET /metrics`.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let catalog: OperationCatalog

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        let operation =
            catalog.operation(method: request.method.rawValue, path: Substring(request.uri.path)).operation?.id
            ?? "unknown"
        let start = ContinuousClock.now
        var status = 500
        defer {
            Counter(
                label: "chantier_http_requests_total",
                dimensions: [("operation", operation), ("status", String(status))]
            ).increment()
            Timer(label: "chantier_http_request_duration_seconds", dimensions: [("operation", operation)])
                .recordInterval(since: start)
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}

extension Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
