import ChantierAPI
import ChantierCore
import ChantierStorage
import HTTPTypes

/// What the handlers of one request need to know about it, set by the middleware and read
/// through a task-local value (the generated handlers receive only their typed input).
struct RequestScope: Sendable {
    var caller: Caller
    var operation: OperationCatalog.Operation
    /// Set when the request carries an `Idempotency-Key` that has not been used before.
    var idempotency: IdempotencyClaim?

    @TaskLocal static var current: RequestScope?

    /// The role the caller acts in: the first of the operation's accepted roles the caller has.
    var actingRole: Role? {
        switch operation.access {
        case .roles(let accepted): caller.roles.intersection(accepted).min()
        case .anyRole, .anyone: caller.roles.min()
        }
    }

    /// The author of the changes the request makes, for the audit log.
    var audit: AuditContext {
        AuditContext(uid: Int(caller.uid), name: caller.user, role: actingRole?.rawValue, operation: operation.id)
    }

    /// The scope of the request being handled.
    static func required() throws -> RequestScope {
        guard let current else {
            throw APIError(.internalServerError, .internalError, "the request reached a handler without its identity")
        }
        return current
    }
}
