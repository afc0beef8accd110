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
            throw pathExists ? HTTPError(.methodNotAllowed) : HTTPError(.notFound)
        }
        guard let peer = context.peer else {
            throw APIError.notAuthorized(
                "the caller's identity cannot be read from the connection; connect over the Unix socket"
            )
        }
        let caller = Caller(peer: peer, roles: roles())
        guard operation.access.allows(caller.roles) else {
            throw APIError(
                .forbidden,
                .notAuthorized,
                Self.refusal(caller: caller, operation: operation),
                details: ["operation": .string(operation.id), "user": .string(caller.user)]
            )
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
