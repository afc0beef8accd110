/// What a person does with Chantier (DESIGN §1); the daemon grants roles by Unix group.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Runs the server: configuration, rule packs, calendars, roles, audit, retention.
    case admin
    /// Registers participants, takes orders, plans and assigns.
    case coordinator
    /// Logs hours on site and closes the week.
    case supervisor
    /// Extracts statistics and reports.
    case manager

    /// The order roles are listed and chosen in: the first one an operation accepts is the role
    /// the caller acts in.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
