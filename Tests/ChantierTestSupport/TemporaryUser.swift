import Foundation

/// A Unix user in a new group, made for one test and removed after it (root only): to call the
/// daemon as someone whose role comes from that group.
public enum TemporaryUser {
    /// Runs `body` with the names of a new user and of the group it belongs to.
    public static func with(
        prefix: String,
        _ body: (_ user: String, _ group: String) async throws -> Void
    ) async throws {
        let suffix = String(UUID().uuidString.prefix(6)).lowercased()
        let group = "chtest-\(prefix)-\(suffix)"
        let user = "chtest-\(prefix.prefix(1))-\(suffix)"
        try await ChildProcess.check("/usr/sbin/groupadd", [group])
        do {
            try await ChildProcess.check(
                "/usr/sbin/useradd",
                ["-M", "-N", "-g", "nogroup", "-G", group, "-s", "/usr/sbin/nologin", user]
            )
            try await body(user, group)
        } catch {
            await remove(user: user, group: group)
            throw error
        }
        await remove(user: user, group: group)
    }

    private static func remove(user: String, group: String) async {
        _ = try? await ChildProcess.run("/usr/sbin/userdel", [user])
        _ = try? await ChildProcess.run("/usr/sbin/groupdel", [group])
    }
}
