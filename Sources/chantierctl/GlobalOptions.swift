import ArgumentParser
import ChantierClient
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The daemon's socket (default: CHANTIER_SOCKET, else /run/chantier/chantierd.sock).",
            valueName: "path"
        )
    )
    var socket: String?

    @Flag(help: "Print JSON, for scripts.")
    var json = false

    @Flag(help: "Print CSV, for spreadsheets and scripts.")
    var csv = false

    @Option(
        help: ArgumentHelp(
            "Sent with a change: running the same command again with the same key changes nothing more.",
            valueName: "key"
        )
    )
    var idempotencyKey: String?

    func validate() throws {
        if json && csv { throw ValidationError(Messages.current.jsonAndCSV) }
    }

    var socketPath: String {
        socket ?? ProcessInfo.processInfo.environment["CHANTIER_SOCKET"] ?? ChantierConnection.defaultSocketPath
    }

    var format: OutputFormat { json ? .json : csv ? .csv : .table }
}
