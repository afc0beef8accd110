import ArgumentParser
import ChantierAPI
import ChantierClient

extension ClientCommand {
    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a client: kept in history, no longer offered."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The client's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.archiveClient(
                    path: .init(code: code),
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .noContent:
                    Confirmation.print(options, Messages.current.pick("archived \(code)", "\(code) archivé"))
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
            }
        }
    }
}
