import ChantierSystemd
import Foundation
import Glibc

/// The Unix socket the API listens on: the one systemd passed (socket activation, named `api`),
/// or one the daemon binds at the configured path.
struct ListeningSocket: Sendable {
    let descriptor: Int32
    /// The path, when the daemon bound it (and so removes it when it stops).
    let ownedPath: String?

    /// The activated socket named `api`, if systemd passed one.
    static func activated(from sockets: [SocketActivation.Socket]) throws -> ListeningSocket? {
        guard !sockets.isEmpty else { return nil }
        guard let api = sockets.first(where: { $0.name == "api" }) else {
            throw DaemonError(
                code: .socketUnavailable,
                message: "systemd passed sockets named \(sockets.map(\.name).joined(separator: ", ")), none named api; "
                    + "set FileDescriptorName=api in the socket unit"
            )
        }
        guard SocketActivation.isListeningUnixStreamSocket(api.descriptor) else {
            throw DaemonError(
                code: .socketUnavailable,
                message:
                    "the socket systemd passed as api is not a listening Unix stream socket; use ListenStream=/path"
            )
        }
        return ListeningSocket(descriptor: api.descriptor, ownedPath: nil)
    }

    /// Binds `path` with `mode` and `group`, replacing a stale socket file but refusing when a
    /// daemon already answers there.
    static func bind(path: String, mode: UInt32, group: String?) throws -> ListeningSocket {
        let groupID = try group.map { name in
            guard let id = UnixAccounts.groupID(named: name) else {
                throw DaemonError(
                    code: .invalidConfiguration,
                    message:
                        "configuration key api.socket_group: the group \(name) does not exist; create it or set another"
                )
            }
            return id
        }
        try removeStaleSocket(at: path)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw failure("cannot create a socket", path) }
        do {
            var address = try unixAddress(path)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard bound == 0 else {
                let directory = (path as NSString).deletingLastPathComponent
                throw failure(
                    "cannot bind",
                    path,
                    hint: "check that \(directory) exists and the daemon may write there"
                )
            }
            guard chmod(path, mode_t(mode)) == 0 else { throw failure("cannot set the mode of", path) }
            if let groupID, chown(path, uid_t.max, groupID) != 0 {
                throw failure(
                    "cannot give the group \(group ?? "") to",
                    path,
                    hint: "the daemon's user must be in that group"
                )
            }
            guard listen(descriptor, 128) == 0 else { throw failure("cannot listen on", path) }
        } catch {
            close(descriptor)
            throw error
        }
        return ListeningSocket(descriptor: descriptor, ownedPath: path)
    }

    /// Removes the socket file if the daemon bound it.
    func removeFile() {
        if let ownedPath { unlink(ownedPath) }
    }

    private static func removeStaleSocket(at path: String) throws {
        // attributesOfItem does not follow a symbolic link; a missing path has nothing stale.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
        guard attributes[.type] as? FileAttributeType == .typeSocket else {
            throw DaemonError(
                code: .socketUnavailable,
                message: "\(path) exists and is not a socket; remove it or set another api.socket"
            )
        }
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(probe) }
        var address = try unixAddress(path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if connected == 0 {
            throw DaemonError(
                code: .socketUnavailable,
                message: "another daemon answers on \(path); stop it first or set another api.socket"
            )
        }
        unlink(path)
    }

    private static func unixAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw DaemonError(
                code: .invalidConfiguration,
                message: "configuration key api.socket: \(path) is too long for a socket path"
            )
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return address
    }

    private static func failure(_ action: String, _ path: String, hint: String? = nil) -> DaemonError {
        let reason = String(cString: strerror(errno))
        return DaemonError(
            code: .socketUnavailable,
            message: "\(action) \(path): \(reason)" + (hint.map { "; \($0)" } ?? "")
        )
    }
}
