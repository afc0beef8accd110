import Hummingbird
import Logging
import NIOCore

/// Where a request's context comes from: the connection and who is at its other end.
struct APIRequestContextSource: RequestContextSource {
    var channel: any Channel
    var logger: Logger
    var identity: ConnectionIdentity?
}

/// The context of one API request: Hummingbird's, plus the kernel-verified peer.
struct APIRequestContext: RequestContext {
    typealias Source = APIRequestContextSource

    var coreContext: CoreRequestContextStorage
    let identity: ConnectionIdentity?

    init(source: APIRequestContextSource) {
        coreContext = .init(source: ApplicationRequestContextSource(channel: source.channel, logger: source.logger))
        identity = source.identity
    }
}
