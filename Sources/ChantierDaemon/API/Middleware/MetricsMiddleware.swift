import Hummingbird
import Metrics
import NIOConcurrencyHelpers

/// Counts requests and times them by operation and status (`chantier_http_requests_total`,
/// `chantier_http_request_duration_seconds`), for `GET /metrics`.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let catalog: OperationCatalog
    private let handles = Handles()

    init(catalog: OperationCatalog) {
        self.catalog = catalog
    }

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
            handles.counter(operation: operation, status: status).increment()
            handles.timer(operation: operation).recordInterval(since: start)
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }

    /// The metrics' handles, made once for each operation and status: making one goes through the
    /// metrics system's registry (its lock, label checks and look-up) on every request otherwise.
    private final class Handles: Sendable {
        private struct CounterKey: Hashable {
            var operation: String
            var status: Int
        }

        private let counters = NIOLockedValueBox<[CounterKey: Counter]>([:])
        private let timers = NIOLockedValueBox<[String: Timer]>([:])

        func counter(operation: String, status: Int) -> Counter {
            Self.handle(in: counters, for: CounterKey(operation: operation, status: status)) {
                Counter(
                    label: "chantier_http_requests_total",
                    dimensions: [("operation", operation), ("status", String(status))]
                )
            }
        }

        func timer(operation: String) -> Timer {
            Self.handle(in: timers, for: operation) {
                Timer(label: "chantier_http_request_duration_seconds", dimensions: [("operation", operation)])
            }
        }

        private static func handle<Key: Hashable, Handle>(
            in cache: NIOLockedValueBox<[Key: Handle]>,
            for key: Key,
            make: () -> Handle
        ) -> Handle {
            if let handle = cache.withLockedValue({ $0[key] }) { return handle }
            let handle = make()
            cache.withLockedValue { $0[key] = handle }
            return handle
        }
    }
}

extension Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
