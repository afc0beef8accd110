import ChantierPQ

/// Which sites a caller may log hours for and submit: any (coordinators and admins, or
/// supervisors when the configuration allows), or the sites a supervisor supervises.
public enum SiteAccess: Sendable, Hashable {
    case any
    case supervisor(String)

    /// - Throws: ``StorageError/Code/forbidden`` when the supervisor does not supervise the site.
    func check(site: String, siteID: Int, on connection: PQConnection) async throws {
        guard case .supervisor(let user) = self else { return }
        let supervises =
            try await connection.query(
                "SELECT 1 FROM site_supervisors WHERE site_id = \(siteID) AND user_name = \(user)"
            ).firstRow != nil
        guard supervises else {
            throw StorageError(
                code: .forbidden,
                message: "\(user) does not supervise \(site); a coordinator can add them with "
                    + "chantierctl site supervisors \(site) --add \(user)"
            )
        }
    }
}
