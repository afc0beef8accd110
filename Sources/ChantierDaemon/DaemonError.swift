/// An error of the daemon layer: configuration, start-up, and what the daemon's commands report.
/// ``description`` is what an operator reads; it says what to do.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case databaseUnreachable = "database unreachable"
            case migrationsNotFound = "migrations not found"
            case invalidProgramFile = "invalid program file"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        public var description: String { base.rawValue }

        /// The database did not answer.
        public static let databaseUnreachable = Code(.databaseUnreachable)
        /// No migrations directory was given or found.
        public static let migrationsNotFound = Code(.migrationsNotFound)
        /// A program definition file cannot be used.
        public static let invalidProgramFile = Code(.invalidProgramFile)
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
