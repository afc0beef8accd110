import ArgumentParser
import ChantierSystemd
import Foundation
import Logging

/// `chantierd serve` (the default command): runs the daemon until SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon (the default command).",
        discussion: """
            Reads the configuration file, then CHANTIER_* environment variables (CHANTIER_DATABASE, \
            CHANTIER_SOCKET…), which override it. Exits 0 after SIGTERM, 78 when the configuration is \
            invalid, 69 when the API socket cannot be opened.
            """
    )

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("The configuration file.", valueName: "path")
    )
    var configFile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let loader = ConfigurationLoader(explicitPath: configFile, environment: environment)
        let logger = Logger(label: "chantierd")
        do {
            let configuration = try await loader.load()
            DaemonLogging.configure(configuration.log, environment: environment)
            let daemon = try await Daemon.build(configuration: configuration, loader: loader, logger: logger)
            try await daemon.run()
        } catch let error as DaemonError {
            SystemdNotifier().notify([.status("failed: \(error.message)")])
            logger.critical("\(error.message)")
            FileHandle.standardError.write(Data("chantierd: \(error.message)\n".utf8))
            throw ExitCode(error.code == .invalidConfiguration ? 78 : 69)
        }
    }
}
