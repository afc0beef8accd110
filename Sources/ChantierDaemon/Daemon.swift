import ChantierPQ
import ChantierStorage
import ChantierSystemd
import Foundation
import Hummingbird
import Logging
import NIOPosix
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle
import UnixSignals

/// `chantierd serve` assembled: every long-running part is a `Service` in one `ServiceGroup`,
/// started in order (database, leadership, API, reloads, systemd) and shut down in reverse, so
/// that systemd hears `STOPPING=1` first and the database closes last, after the requests in
/// flight have been answered.
struct Daemon {
    let group: ServiceGroup

    static func build(
        configuration: DaemonConfiguration,
        loader: ConfigurationLoader,
        notifier: any ServiceNotifier = SystemdNotifier(),
        logger: Logger
    ) async throws -> Daemon {
        let socket =
            try ListeningSocket.activated(from: SocketActivation.passedSockets())
            ?? ListeningSocket.bind(
                path: configuration.api.socketPath,
                mode: configuration.api.socketMode,
                group: configuration.api.socketGroup
            )
        let migrations = try Migration.load(
            from: MigrationsDirectory.locate(explicit: configuration.database.migrationsDirectory)
        )
        let connection = PQConnectionConfiguration(
            conninfo: configuration.database.conninfo,
            applicationName: "chantierd",
            statementTimeout: configuration.database.statementTimeout
        )
        let pool = PQPool(
            configuration: .init(
                connection: connection,
                maxConnections: configuration.database.poolSize,
                acquireTimeout: configuration.database.acquireTimeout
            ),
            logger: logger
        )
        let state = DaemonState(configuration: configuration, version: DaemonVersion.string)
        let database = Database(pool: pool)
        let eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        let systemd = SystemdService(
            notifier: notifier,
            state: state,
            eventLoopGroup: eventLoopGroup,
            watchdogInterval: SystemdNotifier.watchdogInterval(),
            socketDescription: socket.ownedPath ?? "the socket systemd passed",
            logger: logger
        )
        let router = try makeRouter(state: state, database: database, maxBodyBytes: configuration.api.maxBodyBytes)
        let server = APIServer(
            socket: socket,
            responder: router.buildResponder(),
            limits: configuration.api,
            eventLoopGroup: eventLoopGroup,
            logger: logger,
            onListening: { systemd.serverIsListening() }
        )
        let services: [any Service] = [
            DatabaseService(pool: pool, migrations: migrations, state: state, notifier: notifier, logger: logger),
            LeaderService(connection: connection, state: state, logger: logger),
            LeaderJobService(
                state: state,
                interval: { $0.shifts.materializeInterval },
                job: ShiftMaterializer(database: database, state: state, logger: logger).run
            ),
            LeaderJobService(
                state: state,
                interval: { $0.alerts.scanInterval },
                job: AlertScanner(database: database, state: state, logger: logger).run
            ),
            LeaderJobService(
                state: state,
                interval: { $0.alerts.scanInterval },
                job: FollowUpScheduler(database: database, state: state, logger: logger).run
            ),
            LeaderJobService(
                state: state,
                interval: { $0.statisticsRefreshInterval },
                job: StatisticsRefresher(database: database, logger: logger).run
            ),
            LeaderJobService(
                state: state,
                interval: { $0.retentionInterval },
                job: RetentionKeeper(database: database, state: state, logger: logger).run
            ),
            LeaderJobService(
                state: state,
                interval: { _ in .seconds(5 * 60) },
                job: PlanProposer(database: database, state: state, logger: logger).run
            ),
            server,
            await ReloadService(loader: loader, state: state, notifier: notifier, logger: logger),
            systemd,
        ]
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = configuration.drainTimeout
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        return Daemon(group: ServiceGroup(configuration: groupConfiguration))
    }

    /// The API's router: middleware first (it wraps only the routes added after it), then the
    /// operations of the OpenAPI document.
    static func makeRouter(
        state: DaemonState,
        database: Database,
        maxBodyBytes: Int
    ) throws -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        let catalog = OperationCatalog.shared
        router.middlewares.add(MetricsMiddleware(catalog: catalog))
        router.middlewares.add(ErrorMiddleware())
        router.middlewares.add(BodyLimitMiddleware(maxBytes: maxBodyBytes))
        router.middlewares.add(AuthorizationMiddleware(catalog: catalog, roles: { state.configuration.roles }))
        router.middlewares.add(IdempotencyMiddleware(database: database, state: state, maxBodyBytes: maxBodyBytes))
        try APIHandlers(state: state, database: database, metrics: DaemonMetrics.registry).registerHandlers(
            on: router,
            configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
        )
        return router
    }

    func run() async throws {
        try await group.run()
    }
}
