import ChantierAPI
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP/1.1 server of the admin API on an already listening Unix socket (passed by systemd
/// or bound by the daemon): Hummingbird's HTTP/1 channel and router, served through a bootstrap
/// that adopts the socket, which Hummingbird's own server cannot. A graceful shutdown stops
/// accepting connections and waits for the requests in flight.
///
/// Clients are bounded: an idle connection is closed after `api.idleTimeout`, one whose request
/// takes longer than `api.requestTimeout` to arrive is closed then (``RequestDeadline``), and at
/// most `api.maxConnections` are served at once (``ConnectionSlots``).
final class APIServer: Service {
    private let socket: ListeningSocket
    private let channel: HTTP1Channel
    private let requestTimeout: TimeAmount
    private let slots: ConnectionSlots
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let onListening: @Sendable () -> Void

    init(
        socket: ListeningSocket,
        responder: some HTTPResponder<APIRequestContext>,
        limits api: DaemonConfiguration.API,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger,
        onListening: @escaping @Sendable () -> Void
    ) {
        self.socket = socket
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.onListening = onListening
        requestTimeout = .seconds(api.requestTimeout.components.seconds)
        slots = ConnectionSlots(count: api.maxConnections)
        channel = HTTP1Channel(
            responder: { request, writer, channel in
                let context = APIRequestContext(
                    source: .init(channel: channel, logger: logger, identity: ConnectionIdentity.current)
                )
                let response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch let error as HTTPParserError {
                    throw error
                } catch {
                    // The error middleware answers every error; this is the last resort.
                    logger.error("unanswered error", metadata: ["chantier.error": "\(String(reflecting: error))"])
                    response = APIError(.internalServerError, .internalError, "the daemon failed to answer").response
                }
                try await writer.write(response: response.head, body: response.body)
            },
            configuration: .init(
                additionalChannelHandlers: [RequestDeadline.HTTPSide()],
                idleTimeout: .seconds(api.idleTimeout.components.seconds)
            )
        )
    }

    func run() async throws {
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let childChannel = channel
        let logger = logger
        let requestTimeout = requestTimeout
        let slots = slots
        let server = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(NIOBSDSocket.Handle(socket.descriptor)) {
                (channel: any Channel) -> EventLoopFuture<HTTP1Channel.Value> in
                do {
                    try channel.pipeline.syncOperations.addHandler(
                        RequestDeadline.SocketSide(timeout: requestTimeout, logger: logger)
                    )
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
                return childChannel.setup(channel: channel, logger: logger)
            }
        onListening()
        defer { socket.removeFile() }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            await slots.take()
                            group.addTask {
                                let identity = ConnectionIdentity(peer: await PeerCredentials.of(connection.channel))
                                await ConnectionIdentity.$current.withValue(identity) {
                                    await childChannel.handle(value: connection, logger: logger)
                                }
                                slots.give()
                            }
                        }
                    }
                } catch {
                    logger.error("the API socket failed", metadata: ["chantier.error": "\(error)"])
                }
            }
        } onGracefulShutdown: {
            let stopped = server.channel.eventLoop.makePromise(of: Void.self)
            quiescing.initiateShutdown(promise: stopped)
        }
    }
}
