import ChantierAPI
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered to an API client: an HTTP status and the JSON body
/// `{"error": {"kind", "message", "details"}}` with a stable kebab-case kind.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var kind: ErrorKind
    /// Lower case, saying what to do.
    var message: String
    var details: [String: DetailValue]
    /// Headers the response carries besides its content type (`Allow` for a 405).
    var headers = HTTPFields()

    init(_ status: HTTPResponse.Status, _ kind: ErrorKind, _ message: String, details: [String: DetailValue] = [:]) {
        self.status = status
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// A JSON value in `details`.
    enum DetailValue: Sendable, Encodable, Hashable, ExpressibleByStringLiteral {
        case string(String)
        case integer(Int)
        case strings([String])

        init(stringLiteral value: String) {
            self = .string(value)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .strings(let values): try container.encode(values)
            }
        }
    }

    private struct Body: Encodable {
        struct Content: Encodable {
            var kind: String
            var message: String
            var details: [String: DetailValue]
        }

        var error: Content
    }

    /// The JSON response.
    var response: Response {
        let body = Body(error: .init(kind: kind.rawValue, message: message, details: details))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(body))
            ?? Data("{\"error\":{\"kind\":\"internal-error\",\"message\":\"\",\"details\":{}}}".utf8)
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notAuthorized(_ message: String) -> APIError {
        APIError(.forbidden, .notAuthorized, message)
    }

    static func databaseUnavailable() -> APIError {
        APIError(
            .serviceUnavailable,
            .databaseUnavailable,
            "the database does not answer; chantierd keeps trying by itself, retry in a moment"
        )
    }
}
