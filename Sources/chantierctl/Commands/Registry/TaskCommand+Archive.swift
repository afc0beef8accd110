import ArgumentParser
import ChantierAPI
import ChantierClient

extension TaskCommand {
    struct Archive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a task kind: kept in history, no longer offered."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The task kind's code.") var code: String

        func run() async throws {
            try await Invocation.run(options) { connection in
                switch try await connection.client.archiveTaskKind(
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
