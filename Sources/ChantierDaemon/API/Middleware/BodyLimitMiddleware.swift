import ChantierAPI
import HTTPTypes
import Hummingbird

/// Reads the request body up to the configured size: a larger body is refused with 413 before
/// any work, and handlers get a body already in memory.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let maxBytes: Int

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw tooLarge
        }
        do {
            _ = try await request.collectBody(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
        return try await next(request, context)
    }

    private var tooLarge: APIError {
        APIError(
            .contentTooLarge,
            .payloadTooLarge,
            "the request body is larger than \(maxBytes) bytes; send less (api.max_body_bytes sets the limit)",
            details: ["limit_bytes": .integer(maxBytes)]
        )
    }
}
