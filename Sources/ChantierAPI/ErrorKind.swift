/// The stable kebab-case kind of an API error, shared by the daemon and its clients. Clients
/// decide what to do (and which exit code to use) from the kind, never from the message.
public struct ErrorKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The request is malformed: not JSON, or not the right shape.
    public static let badRequest = ErrorKind(rawValue: "bad-request")
    /// A field has a value the operation does not accept; `details.field` names it.
    public static let invalidField = ErrorKind(rawValue: "invalid-field")
    /// The body has a field the operation does not know; `details.field` names it.
    public static let unknownField = ErrorKind(rawValue: "unknown-field")
    /// The caller's roles do not include one the operation accepts.
    public static let notAuthorized = ErrorKind(rawValue: "not-authorized")
    public static let notFound = ErrorKind(rawValue: "not-found")
    public static let methodNotAllowed = ErrorKind(rawValue: "method-not-allowed")
    /// Something with the same code or key exists already.
    public static let alreadyExists = ErrorKind(rawValue: "already-exists")
    public static let conflict = ErrorKind(rawValue: "conflict")
    public static let payloadTooLarge = ErrorKind(rawValue: "payload-too-large")
    public static let unsupportedMediaType = ErrorKind(rawValue: "unsupported-media-type")
    /// The Idempotency-Key was used before for a different request.
    public static let idempotencyKeyReused = ErrorKind(rawValue: "idempotency-key-reused")
    /// A request with the same Idempotency-Key is being processed.
    public static let requestInProgress = ErrorKind(rawValue: "request-in-progress")
    /// The database does not answer; the daemon keeps trying by itself.
    public static let databaseUnavailable = ErrorKind(rawValue: "database-unavailable")
    public static let shuttingDown = ErrorKind(rawValue: "shutting-down")
    public static let internalError = ErrorKind(rawValue: "internal-error")
    /// An import refused as a whole: `details.problems` lists every bad line, `line N: field: why`.
    public static let invalidRows = ErrorKind(rawValue: "invalid-rows")
    /// The participant does not meet the program's conditions (age, social housing).
    public static let notEligible = ErrorKind(rawValue: "not-eligible")
    /// An assignment the checks refused: `details.problems` lists each reason and `details.rules`
    /// the rule ids among them.
    public static let assignmentRefused = ErrorKind(rawValue: "assignment-refused")
    /// The week is approved and locked: only an admin's correction with a reason changes it, or a
    /// coordinator reopens it.
    public static let weekLocked = ErrorKind(rawValue: "week-locked")
    /// A pay period has weeks not approved: `details.weeks` lists them (`site 2026-W47 (submitted)`).
    public static let weeksNotApproved = ErrorKind(rawValue: "weeks-not-approved")
    /// A proposal's commit refused because placements are no longer possible: nothing was
    /// committed; `details.problems` lists them.
    public static let planStale = ErrorKind(rawValue: "plan-stale")
}
