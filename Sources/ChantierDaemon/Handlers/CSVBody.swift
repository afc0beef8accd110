import ChantierAPI
import HTTPTypes
import OpenAPIRuntime

/// The text of an uploaded CSV file (the body limit has already bounded its size).
enum CSVBody {
    static func text(_ body: HTTPBody) async throws -> String {
        let bytes = try await [UInt8](collecting: body, upTo: .max)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(
                .badRequest,
                .badRequest,
                "the file is not UTF-8 text; save it as CSV UTF-8 and send it again"
            )
        }
        return text
    }
}

extension APIError {
    static func csvExpected() -> APIError {
        APIError(.unsupportedMediaType, .unsupportedMediaType, "send the file as text/csv")
    }
}
