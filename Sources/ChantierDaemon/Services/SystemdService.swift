import ChantierSystemd
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Tells systemd what the daemon is doing: `STATUS=` lines, `READY=1` once the API socket listens
/// and the database answers with a current schema, `WATCHDOG=1` while the daemon is healthy, and
/// `STOPPING=1` when it shuts down.
///
/// "Healthy" means the event loop runs tasks promptly and the database monitor is not stuck: it
/// finished a probe recently, whether the database answered or not. A database outage therefore
/// does not stop the pings (systemd would restart a daemon that is working as designed); a wedged
/// event loop or connection pool does.
final class SystemdService: Service {
    private let notifier: any ServiceNotifier
    private let state: DaemonState
    private let eventLoopGroup: any EventLoopGroup
    private let watchdogInterval: Duration?
    private let socketDescription: String
    private let listening = Atomic<Bool>(false)
    private let logger: Logger

    init(
        notifier: any ServiceNotifier,
        state: DaemonState,
        eventLoopGroup: any EventLoopGroup,
        watchdogInterval: Duration?,
        socketDescription: String,
        logger: Logger
    ) {
        self.notifier = notifier
        self.state = state
        self.eventLoopGroup = eventLoopGroup
        self.watchdogInterval = watchdogInterval
        self.socketDescription = socketDescription
        self.logger = logger
    }

    /// Called by the API server once its socket accepts connections.
    func serverIsListening() {
        listening.store(true, ordering: .releasing)
    }

    func run() async throws {
        notifier.notify([.status("starting")])
        do {
            try await cancelWhenGracefulShutdown {
                var status = "starting"
                var ready = false
                var lastPing = ContinuousClock.now
                while !Task.isCancelled {
                    let (text, canBeReady) = self.describe()
                    if canBeReady && !ready {
                        ready = true
                        self.notifier.notify([.ready, .status(text)])
                        self.logger.info("ready", metadata: ["chantier.socket": "\(self.socketDescription)"])
                    } else if text != status {
                        self.notifier.notify([.status(text)])
                    }
                    status = text
                    if let interval = self.watchdogInterval, ContinuousClock.now - lastPing >= interval / 2 {
                        if await self.isHealthy() {
                            self.notifier.notify([.watchdog])
                            lastPing = .now
                        } else {
                            self.logger.warning("unhealthy: withholding the watchdog ping")
                        }
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
        notifier.notify([.stopping, .status("stopping: finishing the requests in flight")])
    }

    /// The status line, and whether the daemon may be declared ready.
    private func describe() -> (String, Bool) {
        guard listening.load(ordering: .acquiring) else { return ("starting: opening the API socket", false) }
        switch state.current.database {
        case .starting:
            return ("waiting for the database", false)
        case .down(let reason):
            return ("database unavailable: \(reason); the API answers 503 meanwhile", false)
        case .up:
            return ("ready: serving the API on \(socketDescription)", true)
        }
    }

    private func isHealthy() async -> Bool {
        guard let probed = state.current.lastProbe, ContinuousClock.now - probed < .seconds(15) else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (try? await self.eventLoopGroup.next().submit {}.get()) != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(1))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
