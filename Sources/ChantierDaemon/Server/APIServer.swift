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
final class APIServer: Service {
    private let socket: ListeningSocket
    private let channel: HTTP1Channel
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let onListening: @Sendable () -> Void

    init(
        socket: ListeningSocket,
        responder: some HTTPResponder<APIRequestContext>,
        idleTimeout: Duration,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger,
        onListening: @escaping @Sendable () -> Void
    ) {
        self.socket = socket
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.onListening = onListening
        channel = HTTP1Channel(
            responder: { request, writer, channel in
                let peer = await PeerCredentials.of(channel)
                let context = APIRequestContext(source: .init(channel: channel, logger: logger, peer: peer))
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
            configuration: .init(idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000))
        )
    }

    func run() async throws {
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let childChannel = channel
        let logger = logger
        let server = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(NIOBSDSocket.Handle(socket.descriptor)) { channel in
                childChannel.setup(channel: channel, logger: logger)
            }
        onListening()
        defer { socket.removeFile() }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                do {
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask { await childChannel.handle(value: connection, logger: logger) }
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
