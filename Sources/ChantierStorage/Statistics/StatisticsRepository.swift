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
        let query = Self.query(request)
        // Outcomes count each person once per program when grouped by program, and once over all.
        var overAll = request
        overAll.by = []
        let separateTotal =
            [.returnToWork, .returnToSchool].contains(request.statistic) && request.by.contains(.program)
        return try await database.read { connection in
            try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { connection in
                var table = try await query.table(for: request, on: connection)
                if separateTotal {
                    table.total = try await Self.query(overAll).table(for: overAll, on: connection).total
                }
                return table
            }
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
