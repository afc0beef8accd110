import ChantierAPI
import ChantierStorage
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// `Idempotency-Key` on a mutating request: the first request runs and its response is kept; a
/// retry with the same key gets that response back (`Idempotency-Replayed: true`) and changes
/// nothing. The key is claimed in the same transaction as the change (``RequestScope/idempotency``).
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotency-Replayed")!

    let database: Database
    let state: DaemonState
    let maxBodyBytes: Int

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method), let key = request.headers[Self.header] else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.count) else {
            throw APIError(
                .badRequest,
                .invalidField,
                "the Idempotency-Key header must be 1 to 200 characters",
                details: ["field": "Idempotency-Key"]
            )
        }
        try await state.requireDatabase()
        var scope = try RequestScope.required()
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let claim = IdempotencyClaim(
            callerUID: Int(scope.caller.uid),
            key: key,
            method: request.method.rawValue,
            path: request.uri.description,
            requestBody: Array(buffer: body)
        )
        scope.idempotency = claim
        let claimed = scope
        // The look-up, the change and keeping its answer: one connection, leased once.
        return try await database.withConnectionSetAside {
            if let record = try await IdempotencyStore.find(callerUID: claim.callerUID, key: key, in: database) {
                return try replay(record, for: claim)
            }
            let response = try await RequestScope.$current.withValue(claimed) {
                try await next(request, context)
            }
            return try await keep(response, for: claim, logger: context.logger)
        }
    }

    private func replay(_ record: IdempotencyRecord, for claim: IdempotencyClaim) throws -> Response {
        guard record.claim == claim else {
            throw APIError(
                .unprocessableContent,
                .idempotencyKeyReused,
                "this Idempotency-Key was used for a different request; use a new key for a new request"
            )
        }
        guard let stored = record.response else {
            if record.answerLost {
                throw APIError(
                    .conflict,
                    .requestInProgress,
                    "the request with this Idempotency-Key was carried out, but its answer was lost when the daemon "
                        + "stopped; look at the result (a list or show command) instead of retrying"
                )
            }
            throw APIError(
                .conflict,
                .requestInProgress,
                "the first request with this Idempotency-Key has not finished; retry in a moment"
            )
        }
        var headers = HTTPFields()
        if let contentType = stored.contentType { headers[.contentType] = contentType }
        headers[Self.replayedHeader] = "true"
        return Response(
            status: HTTPResponse.Status(code: stored.status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: stored.body))
        )
    }

    /// Stores the response for retries when the request's change committed with the key.
    private func keep(_ response: Response, for claim: IdempotencyClaim, logger: Logger) async throws -> Response {
        var response = response
        let collector = ResponseCollector()
        try await response.body.write(collector.writer)
        let bytes = collector.bytes
        do {
            try await IdempotencyStore.storeResponse(
                .init(status: response.status.code, contentType: response.headers[.contentType], body: bytes),
                callerUID: claim.callerUID,
                key: claim.key,
                in: database
            )
        } catch {
            // The change committed: its caller hears so even if a retry will not (the database
            // went away between the two).
            logger.warning("cannot keep an answer for retries", metadata: ["chantier.error": "\(error)"])
        }
        response.body = .init(byteBuffer: ByteBuffer(bytes: bytes))
        return response
    }
}

/// Collects a response body in memory (API responses are small JSON documents).
private final class ResponseCollector: Sendable {
    private let collected = NIOLockedValueBox<[UInt8]>([])

    var bytes: [UInt8] { collected.withLockedValue { $0 } }

    struct Writer: ResponseBodyWriter {
        let collector: ResponseCollector

        mutating func write(_ buffer: ByteBuffer) async throws {
            collector.collected.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    var writer: Writer { Writer(collector: self) }
}
