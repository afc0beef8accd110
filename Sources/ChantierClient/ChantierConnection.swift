import AsyncHTTPClient
import Foundation
import NIOCore
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// A connection to `chantierd`'s admin API over its Unix socket, with the generated typed client.
package final class ChantierConnection: Sendable {
    /// The default socket, as `chantierd` and its systemd units use it.
    package static let defaultSocketPath = "/run/chantier/chantierd.sock"

    package let socketPath: String
    /// The typed API client (generated from the OpenAPI document).
    package let client: Client
    private let httpClient: HTTPClient

    package init(socketPath: String) throws {
        self.socketPath = socketPath
        // A local socket either answers or not: fail at once rather than retry until the connect
        // timeout, so that "daemon unreachable" comes without a wait.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let encoded = socketPath.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socketPath
        guard let url = URL(string: "http+unix://\(encoded)") else {
            throw ClientFailure(kind: .unreachable(.invalidPath), message: "\(socketPath) is not a usable socket path")
        }
        client = Client(
            serverURL: url,
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient, timeout: .seconds(60)))
        )
    }

    /// Closes the connection; call it when done.
    package func shutdown() async {
        try? await httpClient.shutdown()
    }

    /// Runs `body` with a connection to `socketPath`, closed afterwards, and turns transport errors
    /// into ``ClientFailure`` (`unreachable`, with why: no such socket, nothing listening…).
    package static func with<Result>(
        socketPath: String,
        _ body: (ChantierConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try ChantierConnection(socketPath: socketPath)
        do {
            let result = try await body(connection)
            await connection.shutdown()
            return result
        } catch let error as ClientFailure {
            await connection.shutdown()
            throw error
        } catch let error as ClientError {
            await connection.shutdown()
            let reason = Self.reason(error.underlyingError)
            throw ClientFailure(kind: .unreachable(reason), message: "\(error.underlyingError)")
        } catch {
            await connection.shutdown()
            throw error
        }
    }

    private static func reason(_ error: any Error) -> ClientFailure.Unreachable {
        let text = "\(error)"
        if text.contains("No such file") || text.contains("ENOENT") { return .noSuchSocket }
        if text.contains("Connection refused") || text.contains("ECONNREFUSED") { return .nothingListens }
        if text.contains("Permission denied") || text.contains("EACCES") { return .permissionDenied }
        return .other(text)
    }
}
