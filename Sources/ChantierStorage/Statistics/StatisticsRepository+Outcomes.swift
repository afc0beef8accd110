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
              AND EXISTS (SELECT 1 FROM current_time_entries entry
                          WHERE entry.participant_id = enrollment.participant_id
                            AND entry.work_date BETWEEN enrollment.starts_on AND enrollment.exit_on)
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
            ]
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
                EXISTS (SELECT 1 FROM outcomes outcome WHERE outcome.participant_id = participant.id
                        AND outcome.situation = 'diploma_obtained' AND outcome.diploma_level = \(level.rawValue)
                        AND outcome.observed_on >= \(year.first)) AS \(PQQuery(unsafeSQL: "diploma_\(level.rawValue)"))
                """
            },
            separator: ", "
        )
        let facts: PQQuery = """
            SELECT DISTINCT ON (\(unit)) \(dimensions) school.in_school,
                   school.in_school OR EXISTS (SELECT 1 FROM outcomes outcome
                        WHERE outcome.participant_id = participant.id AND outcome.situation <> 'lost_contact'
                          AND outcome.observed_on BETWEEN \(next.first) AND \(next.last)) AS known,
                   \(diplomas)
            FROM enrollments enrollment
            JOIN programs program ON program.id = enrollment.program_id AND program.audience = 'youth'
            JOIN participants participant ON participant.id = enrollment.participant_id
            LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
            CROSS JOIN LATERAL (
                SELECT EXISTS (SELECT 1 FROM outcomes outcome WHERE outcome.participant_id = participant.id
                               AND outcome.situation IN ('in_school_returned', 'in_school_stayed')
                               AND outcome.observed_on BETWEEN \(next.first) AND \(next.last))
                    OR EXISTS (SELECT 1 FROM outcomes outcome WHERE outcome.participant_id = participant.id
                               AND outcome.situation = 'diploma_obtained'
                               AND outcome.observed_on BETWEEN \(year.first) AND \(next.last)) AS in_school
            ) school
            WHERE daterange(enrollment.starts_on, enrollment.exit_on, '[]')
                  && daterange(\(year.first), \(year.last), '[]')
              AND (\(request.sector)::text IS NULL OR home_sector.code = \(request.sector))
              AND \(participantFilter(request, ageOn: startDay))
              AND EXISTS (SELECT 1 FROM current_time_entries entry
                          WHERE entry.participant_id = participant.id
                            AND entry.work_date BETWEEN greatest(enrollment.starts_on, \(year.first))
                                AND least(coalesce(enrollment.exit_on, \(year.last)), \(year.last)))
            ORDER BY \(unit), enrollment.starts_on DESC, enrollment.id DESC
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
        return StatisticQuery(facts: facts, columns: columns, aggregates: aggregates)
    }
}
