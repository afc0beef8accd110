import ChantierAPI
import ChantierCore
import HTTPTypes
import Hummingbird

/// Identifies the caller from the kernel's peer credentials, finds the operation in the OpenAPI
/// document, and lets the request through only when the caller has a role the operation accepts.
/// The caller and the operation are then available to handlers as ``RequestScope/current``.
struct AuthorizationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let catalog: OperationCatalog
    let roles: @Sendable () -> DaemonConfiguration.Roles

    func handle(
        _ request: Request,
        context: Context,
        next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        let (operation, pathExists) = catalog.operation(
            method: request.method.rawValue,
            path: Substring(request.uri.path)
        )
        guard let operation else {
            guard pathExists else { throw HTTPError(.notFound) }
            let allowed = catalog.methods(path: Substring(request.uri.path))
            var error = APIError(
                .methodNotAllowed,
                .methodNotAllowed,
                "\(request.uri.path) does not accept \(request.method); it accepts \(allowed.joined(separator: ", "))"
            )
            error.headers[.allow] = allowed.joined(separator: ", ")
            throw error
        }
        guard let caller = context.identity?.caller(roles: roles()) else {
            throw APIError.notAuthorized(
                "the caller's identity cannot be read from the connection; connect over the Unix socket"
            )
        }
        guard operation.access.allows(caller.roles) else {
            throw APIError(
                .forbidden,
                .notAuthorized,
                Self.refusal(caller: caller, operation: operation),
                details: ["operation": .string(operation.id), "user": .string(caller.user)]
            )
        }
        let query = request.uri.queryParameters.map { (name: $0.key, value: $0.value) }
        if let problem = operation.parameterProblem(path: Substring(request.uri.path), query: query) {
            throw APIError(.badRequest, .invalidField, problem.message, details: ["field": .string(problem.parameter)])
        }
        let scope = RequestScope(caller: caller, operation: operation)
        return try await RequestScope.$current.withValue(scope) {
            try await next(request, context)
        }
    }

    private static func refusal(caller: Caller, operation: OperationCatalog.Operation) -> String {
        let needed: String
        switch operation.access {
        case .roles(let roles): needed = "one of the roles " + roles.sorted().map(\.rawValue).joined(separator: ", ")
        case .anyRole, .anyone: needed = "a Chantier role"
        }
        return "\(caller.user) is not authorized to \(operation.id): it needs \(needed); "
            + "an administrator can add the user to the matching group"
    }
}
