import ArgumentParser
import ChantierAPI
import ChantierClient
import Foundation

/// Runs a subcommand's work against the daemon and turns failures into one clear line on
/// standard error and a distinct exit status.
enum Invocation {
    static func run(_ options: GlobalOptions, _ body: (ChantierConnection) async throws -> Void) async throws {
        do {
            try await ChantierConnection.with(socketPath: options.socketPath, body)
        } catch let failure as ClientFailure {
            let messages = Messages.current
            let line: String
            switch failure.kind {
            case .unreachable(let reason): line = messages.unreachable(socket: options.socketPath, reason: reason)
            case .api(let kind, _): line = "\(failure.message) [\(kind)]"
            case .unexpected: line = failure.message
            }
            let problems = failure.problems.map { "  \($0)\n" }.joined()
            FileHandle.standardError.write(Data("chantierctl: \(line)\n\(problems)".utf8))
            throw ExitCode(ExitStatus.of(failure).rawValue)
        }
    }
}

/// The exit statuses scripts can rely on (sysexits where one fits).
enum ExitStatus: Int32 {
    case failure = 1
    case usage = 64
    case invalidRequest = 65
    case notFound = 66
    case conflict = 67
    case unavailable = 69
    case notAuthorized = 77

    static func of(_ failure: ClientFailure) -> ExitStatus {
        switch failure.kind {
        case .unreachable:
            return .unavailable
        case .unexpected:
            return .failure
        case .api(let kind, let status):
            switch kind {
            case .notAuthorized: return .notAuthorized
            case .notFound, .methodNotAllowed: return .notFound
            case .alreadyExists, .conflict, .requestInProgress, .assignmentRefused, .weekLocked, .weeksNotApproved,
                .planStale:
                return .conflict
            case .databaseUnavailable, .shuttingDown: return .unavailable
            case .internalError: return .failure
            default: return (400..<500).contains(status) ? .invalidRequest : .failure
            }
        }
    }
}
