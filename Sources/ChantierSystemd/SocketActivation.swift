internal import CSystemd
import Glibc

/// Sockets systemd passed at start (`LISTEN_FDS`, `LISTEN_FDNAMES`): socket activation.
public enum SocketActivation {
    public struct Socket: Sendable, Hashable {
        public var descriptor: Int32
        /// The unit's `FileDescriptorName=` (`api`), or `unknown`.
        public var name: String
    }

    /// The passed sockets; the variables are unset so that children do not inherit them.
    public static func passedSockets() -> [Socket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = sd_listen_fds_with_names(1, &names)
        guard count > 0 else { return [] }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        return (0..<Int(count)).map { index in
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            return Socket(descriptor: CSystemd_LISTEN_FDS_START + Int32(index), name: name)
        }
    }

    /// Whether `descriptor` is a listening Unix stream socket.
    public static func isListeningUnixStreamSocket(_ descriptor: Int32) -> Bool {
        sd_is_socket_unix(descriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0
    }
}
