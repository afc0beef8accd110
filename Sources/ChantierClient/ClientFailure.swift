package import ChantierAPI
import OpenAPIRuntime

/// Why a call to the daemon failed, in terms a command line can act on.
package struct ClientFailure: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The daemon answered with an error of this kind and HTTP status.
        case api(ErrorKind, status: Int)
        /// The socket cannot be reached, and why.
        case unreachable(Unreachable)
        /// The daemon answered something the client does not understand.
        case unexpected
    }

    /// Why the daemon's socket cannot be reached, for a message in the user's language.
    package enum Unreachable: Sendable, Equatable {
        case noSuchSocket
        case nothingListens
        case permissionDenied
        case invalidPath
        /// A transport error not recognised, as it was reported.
        case other(String)
    }

    package var kind: Kind
    package var message: String
    package var details: [String: String]
    /// `details.problems` of an import or an assignment refused, or `details.weeks` not approved: one line each.
    package var problems: [String] = []

    package init(kind: Kind, message: String, details: [String: String] = [:]) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    package var description: String { message }

    /// The failure an error response carries.
    package init(statusCode: Int, error: Components.Responses._Error) {
        switch error.body {
        case .json(let response):
            let details = response.error.details.additionalProperties.value.compactMapValues { value -> String? in
                switch value {
                case let string as String: string
                case let number as Int: String(number)
                case let strings as [any Sendable]: strings.map { "\($0)" }.joined(separator: ", ")
                case nil: nil
                default: "\(value!)"
                }
            }
            self.init(
                kind: .api(ErrorKind(rawValue: response.error.kind), status: statusCode),
                message: response.error.message,
                details: details
            )
            let lists = response.error.details.additionalProperties.value
            problems =
                ((lists["problems"] ?? lists["weeks"]) as? [(any Sendable)?])?.compactMap { $0 as? String } ?? []
        }
    }

    /// The failure for a response the operation does not document.
    package static func undocumented(statusCode: Int) -> ClientFailure {
        ClientFailure(kind: .unexpected, message: "the daemon answered with an unexpected HTTP status \(statusCode)")
    }
}
