import ChantierCore

/// The person behind a request: kernel-verified ids, names from the user database, and the roles
/// their groups give.
struct Caller: Sendable, Hashable {
    var uid: UInt32
    var gid: UInt32
    var pid: Int32
    /// The user name, or `uid <n>` when the system does not know the uid.
    var user: String
    var groups: [String]
    var roles: Set<Role>

    /// Resolves the peer's names and roles: root is admin; otherwise each configured group the
    /// user belongs to grants its role.
    init(peer: PeerCredentials, roles mapping: DaemonConfiguration.Roles) {
        uid = peer.uid
        gid = peer.gid
        pid = peer.pid
        let name = UnixAccounts.userName(of: peer.uid)
        user = name ?? "uid \(peer.uid)"
        groups = name.map { UnixAccounts.groupNames(of: $0, primaryGroup: peer.gid) } ?? []
        var roles: Set<Role> = peer.uid == 0 ? [.admin] : []
        let byGroup: [String: Role] = [
            mapping.adminGroup: .admin, mapping.coordinatorGroup: .coordinator,
            mapping.supervisorGroup: .supervisor, mapping.managerGroup: .manager,
        ]
        for group in groups {
            if let role = byGroup[group] { roles.insert(role) }
        }
        self.roles = roles
    }
}
