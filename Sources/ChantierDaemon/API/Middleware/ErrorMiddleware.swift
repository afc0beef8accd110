import ChantierAPI
import ChantierCore
import ChantierPQ
import ChantierStorage
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns every error into the API's JSON error with a stable kind: input errors are 4xx with the
/// field at fault, an unreachable database is 503, and anything unforeseen is a logged 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, request: request)
            if apiError.status == .internalServerError {
                // The underlying error only: the generated server's error also prints the
                // operation's whole input, which may hold personal data.
                let underlying = (error as? ServerError)?.underlyingError ?? error
                context.logger.error(
                    "request failed",
                    metadata: [
                        "chantier.error": "\(String(reflecting: underlying))", "chantier.path": "\(request.uri.path)",
                    ]
                )
            }
            return apiError.response
        }
    }

    static func apiError(for error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ServerError:
            return underlying(
                error.underlyingError,
                status: error.httpStatus,
                cause: error.causeDescription,
                request: request
            )
        case let error as HTTPError:
            return httpError(error, request: request)
        default:
            return underlying(error, status: .internalServerError, cause: "", request: request)
        }
    }

    private static func underlying(
        _ error: any Error,
        status: HTTPResponse.Status,
        cause: String,
        request: Request
    ) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as DecodingError:
            return decodingError(error)
        case let error as StorageError:
            return storageError(error)
        case let error as RecordError:
            return APIError(.badRequest, .invalidField, error.description, details: ["field": .string(error.field)])
        case let error as ImportRejected:
            return APIError(
                .unprocessableContent,
                .invalidRows,
                error.description,
                details: ["problems": .strings(error.problems.map(\.description))]
            )
        case let error as AssignmentRefused:
            return APIError(
                .conflict,
                .assignmentRefused,
                error.description,
                details: [
                    "shift": .integer(error.shiftID),
                    "problems": .strings(error.check.problems.map(\.description)),
                    "kinds": .strings(error.check.problems.map(\.kind.rawValue)),
                    "rules": .strings(error.check.rules.map(\.rawValue)),
                ]
            )
        case let error as PlanCommitRefused:
            return APIError(.conflict, .planStale, error.description, details: ["problems": .strings(error.problems)])
        case let error as UnapprovedWeeks:
            return APIError(
                .conflict,
                .weeksNotApproved,
                error.description,
                details: ["weeks": .strings(error.weeks.map(\.description))]
            )
        case let error as PQError:
            return databaseError(error)
        case let error as HTTPError:
            return httpError(error, request: request)
        default:
            guard status.kind == .clientError else {
                return APIError(
                    .internalServerError,
                    .internalError,
                    "the daemon failed to answer; its log has the details"
                )
            }
            let kind: ErrorKind = status == .unsupportedMediaType ? .unsupportedMediaType : .badRequest
            let detail = "\(error)".prefix(1).lowercased() + "\(error)".dropFirst()
            return APIError(status, kind, detail.isEmpty ? cause.lowercased() : detail)
        }
    }

    static func decodingError(_ error: DecodingError) -> APIError {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            return APIError(.badRequest, .badRequest, "the request body is not valid JSON")
        }
        let problem = DocumentError(error)
        if case .dataCorrupted(let context) = error,
            context.debugDescription.hasPrefix("Additional properties are disabled")
        {
            return APIError(
                .badRequest,
                .unknownField,
                "the request body has the unknown field \(problem.field); see /v1/openapi.yaml for the fields",
                details: ["field": .string(problem.field)]
            )
        }
        return APIError(.badRequest, .invalidField, problem.description, details: ["field": .string(problem.field)])
    }

    static func storageError(_ error: StorageError) -> APIError {
        let field: [String: APIError.DetailValue] = error.field.map { ["field": .string($0)] } ?? [:]
        return switch error.code {
        case .alreadyExists: APIError(.conflict, .alreadyExists, error.message)
        case .idempotencyKeyInUse: APIError(.conflict, .requestInProgress, error.message)
        case .notFound: APIError(.notFound, .notFound, error.message)
        case .invalidRecord: APIError(.badRequest, .invalidField, error.message, details: field)
        case .invalidReference: APIError(.unprocessableContent, .invalidField, error.message, details: field)
        case .conflict: APIError(.conflict, .conflict, error.message, details: field)
        case .notEligible: APIError(.unprocessableContent, .notEligible, error.message)
        case .forbidden: APIError(.forbidden, .notAuthorized, error.message)
        case .weekLocked: APIError(.conflict, .weekLocked, error.message)
        default:
            if let database = error.underlying as? PQError {
                databaseError(database)
            } else {
                APIError(.internalServerError, .internalError, "the daemon failed to answer; its log has the details")
            }
        }
    }

    static func databaseError(_ error: PQError) -> APIError {
        switch error.code {
        case .connectionFailed, .connectionLost, .poolTimeout, .poolClosed:
            return .databaseUnavailable()
        default:
            if error.is(.adminShutdown) || error.is(.cannotConnectNow) { return .databaseUnavailable() }
            // PostgreSQL refuses NUL and bytes that are not UTF-8; ChantierPQ refuses a NUL before
            // sending it (a text parameter cannot carry one).
            if error.is(.characterNotInRepertoire) || error.is(.untranslatableCharacter)
                || error.code == .textWithNUL
            {
                return APIError(
                    .badRequest,
                    .invalidField,
                    "a text holds the NUL character or bytes that are not UTF-8; remove them and send it again"
                )
            }
            if error.is(.queryCanceled) {
                return APIError(
                    .serviceUnavailable,
                    .databaseUnavailable,
                    "the database took too long to answer; retry later"
                )
            }
            return APIError(
                .internalServerError,
                .internalError,
                "the daemon failed to answer; its log has the details"
            )
        }
    }

    static func httpError(_ error: HTTPError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            return APIError(
                .notFound,
                .notFound,
                "there is no \(request.method) \(request.uri.path) in this API; see /v1/openapi.yaml"
            )
        case .contentTooLarge:
            return APIError(.contentTooLarge, .payloadTooLarge, "the request body is too large")
        case .methodNotAllowed:
            return APIError(
                .methodNotAllowed,
                .methodNotAllowed,
                "\(request.uri.path) does not accept \(request.method)"
            )
        default:
            return APIError(error.status, .badRequest, (error.body ?? error.status.reasonPhrase).lowercased())
        }
    }
}
