import Logging
import NIOCore
import NIOHTTPTypes

/// Bounds the time a client may take to send one whole request, head and body: the clock starts at
/// the request's first byte and the connection is closed if the request has not arrived whole when
/// it runs out. The idle timeout alone cannot do this: a client trickling a byte now and then is
/// never idle. Time spent answering does not count, nor time between requests (the idle timeout's).
///
/// It takes two handlers, as only the socket side sees a request's first byte and only the HTTP
/// side sees its end: ``RequestDeadline/SocketSide`` goes first in the pipeline,
/// ``RequestDeadline/HTTPSide`` after HTTP decoding, and the latter tells the former with a
/// ``RequestDeadline/RequestArrived`` event.
enum RequestDeadline {
    /// The event the HTTP side sends towards the socket when a request's end has been decoded.
    struct RequestArrived: Sendable {}

    final class SocketSide: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
        typealias OutboundIn = IOData

        private let timeout: TimeAmount
        private let logger: Logger
        /// The closing of a connection whose request is late, while a request is arriving.
        private var expiry: Scheduled<Void>?

        init(timeout: TimeAmount, logger: Logger) {
            self.timeout = timeout
            self.logger = logger
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if expiry == nil {
                let timeout = timeout
                let logger = logger
                expiry = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    logger.notice(
                        "closed a connection whose request did not arrive whole in time",
                        metadata: ["chantier.timeout_seconds": "\(timeout.nanoseconds / 1_000_000_000)"]
                    )
                    context.close(promise: nil)
                }
            }
            context.fireChannelRead(data)
        }

        func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
            guard event is RequestArrived else {
                return context.triggerUserOutboundEvent(event, promise: promise)
            }
            expiry?.cancel()
            expiry = nil
            promise?.succeed()
        }

        func channelInactive(context: ChannelHandlerContext) {
            expiry?.cancel()
            expiry = nil
            context.fireChannelInactive()
        }
    }

    final class HTTPSide: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .end = unwrapInboundIn(data) {
                context.triggerUserOutboundEvent(RequestArrived(), promise: nil)
            }
            context.fireChannelRead(data)
        }
    }
}
