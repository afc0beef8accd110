public import ChantierCore
import ChantierPQ

/// Computes the statistics in the database, in one read-only snapshot each: a query of facts
/// (one row per exit, entry, person-week…, with the groups asked for as columns) aggregated by
/// those groups and over all (`GROUPING SETS`), so the total counts each person once.
public struct StatisticsRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func table(_ request: StatisticRequest) async throws -> StatisticTable {
        if request.statistic == .hours { try await refreshHours() }
        let query = Self.query(request)
        return try await database.read { connection in
            try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { connection in
                // Prepared once per connection, these queries must still be planned for the period and
                // filters of each request: a generic plan for ten years can be a hundred times slower.
                try await connection.query("SET LOCAL plan_cache_mode = force_custom_plan")
                return try await query.table(for: request, on: connection)
            }
        }
    }

    /// Brings `hours_by_month` up to date with the ledger: the months marked since the last
    /// refresh (usually none or a few; every month after a calendar changed).
    ///
    /// - Returns: how many site months were computed again.
    @discardableResult
    public func refreshHours() async throws -> Int {
        let audit = AuditContext(uid: nil, name: "chantierd", role: nil, operation: "refreshStatistics")
        return try await database.write(audit) { connection in
            try await connection.query("SET LOCAL statement_timeout = '10min'")
            return try await connection.query("SELECT chantier_refresh_hours_by_month()").value(Int.self)
        }
    }

    static func query(_ request: StatisticRequest) -> StatisticQuery {
        switch request.statistic {
        case .returnToWork: returnToWork(request)
        case .returnToSchool: returnToSchool(request)
        case .hours: hours(request)
        case .participation: participation(request)
        case .retention: retention(request)
        }
    }

    /// The participant filters of `request` on the aliases `participant`, `program` and
    /// `home_sector`, with ages on `day`.
    static func participantFilter(_ request: StatisticRequest, ageOn day: PQQuery) -> PQQuery {
        """
        (\(request.program)::text IS NULL OR program.code = \(request.program))
        AND (\(request.sex)::text IS NULL OR participant.sex = \(request.sex))
        AND (\(request.ages?.lowerBound)::integer IS NULL
             OR extract(year FROM age(\(day), participant.birth_date))
                BETWEEN \(request.ages?.lowerBound) AND \(request.ages?.upperBound))
        """
    }

    /// The expressions of the dimensions every statistic about people shares.
    static func personDimension(_ dimension: StatisticDimension, ageOn day: PQQuery) -> PQQuery? {
        switch dimension {
        case .program: "program.code"
        case .sector: "coalesce(home_sector.code, '(none)')"
        case .sex: "coalesce(participant.sex, '(not recorded)')"
        case .ageBand: "chantier_age_band(participant.birth_date, \(day))"
        case .season, .task, .month, .year, .week, .cohort: nil
        }
    }
}
