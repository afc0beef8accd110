import ChantierSystemd
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP (`systemctl reload`) reloads the configuration: `RELOADING=1` with `MONOTONIC_USEC`,
/// the new log level and roles take effect, then `READY=1`. A configuration that does not load
/// leaves the previous one in force. The socket and the database need a restart to change.
final class ReloadService: Service {
    private let loader: ConfigurationLoader
    private let state: DaemonState
    private let notifier: any ServiceNotifier
    private let logger: Logger
    private let signals: UnixSignalsSequence

    init(loader: ConfigurationLoader, state: DaemonState, notifier: any ServiceNotifier, logger: Logger) async {
        self.loader = loader
        self.state = state
        self.notifier = notifier
        self.logger = logger
        // Trap SIGHUP now: its default action would terminate the daemon.
        signals = await UnixSignalsSequence(trapping: .sighup)
    }

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            await reload()
        }
    }

    func reload() async {
        notifier.notify([
            .reloading, .monotonicMicroseconds(SystemdNotifier.monotonicMicroseconds()),
            .status("reloading the configuration"),
        ])
        do {
            let new = try await loader.load()
            let old = state.configuration
            DaemonLogging.configure(new.log, environment: loader.environment)
            state.update { $0.configuration = new }
            var needsRestart: [String] = []
            if new.database != old.database { needsRestart.append("database") }
            if new.api.socketPath != old.api.socketPath || new.api.socketMode != old.api.socketMode
                || new.api.socketGroup != old.api.socketGroup
            {
                needsRestart.append("api.socket")
            }
            logger.info(
                "configuration reloaded",
                metadata: ["chantier.log_level": "\(new.log.level)", "chantier.needs_restart": "\(needsRestart)"]
            )
        } catch {
            logger.error(
                "the configuration did not reload; the previous one stays in force",
                metadata: ["chantier.error": "\(error)"]
            )
        }
        notifier.notify([.ready])
    }
}
