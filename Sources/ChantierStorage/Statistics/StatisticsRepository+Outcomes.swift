import ChantierCore
import ChantierPQ

/// Return to work and return to school: from exits and stays, and the outcomes after them.
extension StatisticsRepository {
    static let returnedToWork: PQQuery = """
        ('employed_full_time', 'employed_part_time', 'self_employed', 'in_training', 'in_school_returned')
        """

    static func returnToWork(_ request: StatisticRequest) -> StatisticQuery {
        let exitDay: PQQuery = "enrollment.exit_on"
        let dimensions = StatisticQuery.dimensionColumns(request.by) { dimension in
            personDimension(dimension, ageOn: exitDay)
                ?? (dimension == .year
                    ? "extract(year FROM enrollment.exit_on)::integer" : "to_char(enrollment.exit_on, 'YYYY-MM')")
        }
        // One exit per person (per person and program when grouped by program): their last.
        let unit: PQQuery =
            request.by.contains(.program)
            ? "enrollment.participant_id, enrollment.program_id" : "enrollment.participant_id"
        let outcome: PQQuery = """
            outcome.participant_id = enrollment.participant_id
            AND outcome.observed_on BETWEEN enrollment.exit_on AND enrollment.exit_on + \(request.withinDays)::integer
            """
        let facts: PQQuery = """
            SELECT DISTINCT ON (\(unit)) \(dimensions)
                   enrollment.participant_id AS person, enrollment.exit_on AS exit_day, enrollment.id AS stay,
                   EXISTS (SELECT 1 FROM outcomes outcome
                           WHERE \(outcome) AND outcome.situation IN \(returnedToWork)) AS returned,
                   EXISTS (SELECT 1 FROM outcomes outcome
                           WHERE \(outcome) AND outcome.situation <> 'lost_contact') AS known
            FROM enrollments enrollment
            JOIN programs program ON program.id = enrollment.program_id AND program.audience = 'adult'
            JOIN participants participant ON participant.id = enrollment.participant_id
            LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
            WHERE enrollment.exit_on BETWEEN \(request.period.first) AND \(request.period.last)
              AND (\(request.sector)::text IS NULL OR home_sector.code = \(request.sector))
              AND \(participantFilter(request, ageOn: exitDay))
              -- One entry is enough: a subquery with LIMIT walks the (participant, day) index, where
              -- EXISTS would be planned as a join over the whole ledger.
              AND (SELECT 1 FROM current_time_entries entry
                   WHERE entry.participant_id = enrollment.participant_id
                     AND entry.work_date BETWEEN enrollment.starts_on AND enrollment.exit_on LIMIT 1) IS NOT NULL
            ORDER BY \(unit), enrollment.exit_on DESC, enrollment.id DESC
            """
        return StatisticQuery(
            facts: facts,
            columns: [
                .init("exits", "exits", .people),
                .init("known", "known outcome", .people),
                .init("returned", "returned to work", .people),
                .init("share_returned", "returned / exits", .share(of: "returned", in: "exits")),
                .init("share_returned_known", "returned / known", .share(of: "returned", in: "known")),
            ],
            aggregates: [
                ("exits", "count(*)"),
                ("known", "count(*) FILTER (WHERE known)"),
                ("returned", "count(*) FILTER (WHERE returned)"),
            ],
            // By program, a person's last exit of each program; over all, their last exit.
            totalFacts: request.by.contains(.program)
                ? "SELECT DISTINCT ON (person) * FROM facts ORDER BY person, exit_day DESC, stay DESC" : nil
        )
    }

    static func returnToSchool(_ request: StatisticRequest) -> StatisticQuery {
        let year = request.period
        // The school year after: the period is a school year (1 July to 30 June).
        let next = StatisticRequest.schoolYear(startingIn: year.first.year + 1) ?? year
        let startDay: PQQuery = "\(year.first)::date"
        let dimensions = StatisticQuery.dimensionColumns(request.by) { personDimension($0, ageOn: startDay) ?? "''" }
        let unit: PQQuery =
            request.by.contains(.program) ? "participant.id, enrollment.program_id" : "participant.id"
        let diplomas = PQQuery.joined(
            Outcome.DiplomaLevel.allCases.map { level in
                """
                coalesce(bool_or(outcome.diploma_level = \(level.rawValue) AND outcome.observed_on >= \(year.first)), false)
                    AS \(PQQuery(unsafeSQL: "diploma_\(level.rawValue)"))
                """
            },
            separator: ", "
        )
        // The youth active in the year, then what their outcomes say, in one pass over them.
        let facts: PQQuery = """
            WITH active AS (
                SELECT DISTINCT ON (\(unit)) \(dimensions) participant.id AS person
                FROM enrollments enrollment
                JOIN programs program ON program.id = enrollment.program_id AND program.audience = 'youth'
                JOIN participants participant ON participant.id = enrollment.participant_id
                LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
                WHERE daterange(enrollment.starts_on, enrollment.exit_on, '[]')
                      && daterange(\(year.first), \(year.last), '[]')
                  AND (\(request.sector)::text IS NULL OR home_sector.code = \(request.sector))
                  AND \(participantFilter(request, ageOn: startDay))
                  AND (SELECT 1 FROM current_time_entries entry
                       WHERE entry.participant_id = participant.id
                         AND entry.work_date BETWEEN greatest(enrollment.starts_on, \(year.first))
                             AND least(coalesce(enrollment.exit_on, \(year.last)), \(year.last)) LIMIT 1) IS NOT NULL
                ORDER BY \(unit), enrollment.starts_on DESC, enrollment.id DESC
            ), seen AS (
                SELECT outcome.participant_id AS person,
                       coalesce(bool_or(outcome.situation IN ('in_school_returned', 'in_school_stayed')
                                        AND outcome.observed_on BETWEEN \(next.first) AND \(next.last)
                                        OR outcome.situation = 'diploma_obtained'
                                           AND outcome.observed_on BETWEEN \(year.first) AND \(next.last)), false)
                           AS in_school,
                       coalesce(bool_or(outcome.situation <> 'lost_contact'
                                        AND outcome.observed_on BETWEEN \(next.first) AND \(next.last)), false)
                           AS other_known,
                       \(diplomas)
                FROM outcomes outcome
                WHERE outcome.participant_id IN (SELECT person FROM active)
                GROUP BY outcome.participant_id
            )
            SELECT active.*, coalesce(seen.in_school, false) AS in_school,
                   coalesce(seen.in_school OR seen.other_known, false) AS known,
                   \(PQQuery.joined(
                       Outcome.DiplomaLevel.allCases.map {
                           let column = PQQuery(unsafeSQL: "diploma_\($0.rawValue)")
                           return "coalesce(seen.\(column), false) AS \(column)"
                       },
                       separator: ", "
                   ))
            FROM active LEFT JOIN seen ON seen.person = active.person
            """
        var columns: [StatisticTable.Column] = [
            .init("active", "youth active", .people),
            .init("known", "known next year", .people),
            .init("in_school", "in school next year", .people),
            .init("share_in_school", "in school / active", .share(of: "in_school", in: "active")),
            .init("share_in_school_known", "in school / known", .share(of: "in_school", in: "known")),
        ]
        var aggregates: [(key: String, sql: PQQuery)] = [
            ("active", "count(*)"),
            ("known", "count(*) FILTER (WHERE known)"),
            ("in_school", "count(*) FILTER (WHERE in_school)"),
        ]
        for level in Outcome.DiplomaLevel.allCases {
            let key = "diploma_\(level.rawValue)"
            columns.append(.init(key, "\(level.rawValue) diploma", .people))
            columns.append(.init("share_\(key)", "\(level.rawValue) diploma / active", .share(of: key, in: "active")))
            aggregates.append((key, "count(*) FILTER (WHERE \(PQQuery(unsafeSQL: key)))"))
        }
        return StatisticQuery(
            facts: facts,
            columns: columns,
            aggregates: aggregates,
            // What is counted is the person's, whichever stay: once each over all.
            totalFacts: request.by.contains(.program) ? "SELECT DISTINCT ON (person) * FROM facts" : nil
        )
    }
}
