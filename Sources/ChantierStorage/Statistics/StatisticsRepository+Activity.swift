import ChantierCore
import ChantierPQ

/// Hours, participation and retention: from the ledger, the assignments and the enrollments.
extension StatisticsRepository {
    /// A participant's season on a day (`day`, an SQL date), joined as `season` from
    /// `calendar_day_seasons`.
    static func season(on day: PQQuery) -> PQQuery {
        """
        coalesce(season.season, CASE WHEN participant.school_calendar_id IS NULL
                                     THEN chantier_default_season(\(day)) ELSE 'school-period' END)
        """
    }

    static func hours(_ request: StatisticRequest) -> StatisticQuery {
        let periodStart: PQQuery = "\(request.period.first)::date"
        let dimensions = StatisticQuery.dimensionColumns(request.by) { dimension in
            switch dimension {
            case .sector: "coalesce(site_sector.code, '(none)')"
            case .program: "coalesce(program.code, '(none)')"
            case .season: season(on: "entry.work_date")
            case .task: "coalesce(task.code, entry.kind)"
            case .month: "to_char(entry.work_date, 'YYYY-MM')"
            case .year: "extract(year FROM entry.work_date)::integer"
            default: personDimension(dimension, ageOn: periodStart) ?? "''"
            }
        }
        let taskJoin: PQQuery =
            request.by.contains(.task)
            ? """
            LEFT JOIN assignments assignment ON assignment.id = entry.assignment_id
            LEFT JOIN shifts shift ON shift.id = assignment.shift_id
            LEFT JOIN task_kinds task ON task.id = shift.task_kind_id
            """ : ""
        let seasonJoin: PQQuery =
            request.by.contains(.season)
            ? """
            LEFT JOIN calendar_day_seasons season
                   ON season.calendar_id = participant.school_calendar_id AND season.day = entry.work_date
            """ : ""
        let facts: PQQuery = """
            SELECT \(dimensions) entry.participant_id,
                   chantier_entry_minutes(entry.worked, entry.break_minutes) AS minutes
            FROM current_time_entries entry
            JOIN week_closures closure
                 ON closure.site_id = entry.site_id AND closure.week_start = date_trunc('week', entry.work_date)::date
                AND closure.status = 'approved'
            JOIN participants participant ON participant.id = entry.participant_id
            JOIN sites site ON site.id = entry.site_id
            LEFT JOIN sectors site_sector ON site_sector.id = site.sector_id
            LEFT JOIN programs program ON program.id = entry.program_id
            \(taskJoin) \(seasonJoin)
            WHERE entry.work_date BETWEEN \(request.period.first) AND \(request.period.last)
              AND (\(request.sector)::text IS NULL OR site_sector.code = \(request.sector))
              AND \(participantFilter(request, ageOn: periodStart))
            """
        return StatisticQuery(
            facts: facts,
            columns: [
                .init("participants", "participants", .people),
                .init("minutes", "hours", .minutes(people: "participants")),
                .init(
                    "hours_per_participant",
                    "hours per participant",
                    .average(minutes: "minutes", per: "participants")
                ),
            ],
            aggregates: [("participants", "count(DISTINCT participant_id)"), ("minutes", "sum(minutes)")]
        )
    }

    static func participation(_ request: StatisticRequest) -> StatisticQuery {
        let periodStart: PQQuery = "\(request.period.first)::date"
        let dimensions = StatisticQuery.dimensionColumns(request.by) { dimension in
            switch dimension {
            case .program: "coalesce(program.code, '(none)')"
            case .week: "person_week.week::text"
            case .month: "to_char(person_week.week, 'YYYY-MM')"
            default: personDimension(dimension, ageOn: periodStart) ?? "''"
            }
        }
        let weekSeason = season(on: "person_week.week")
        let facts: PQQuery = """
            WITH activity AS (
                SELECT entry.participant_id, entry.program_id, date_trunc('week', entry.work_date)::date AS week,
                       CASE WHEN entry.kind = 'work' THEN chantier_entry_minutes(entry.worked, entry.break_minutes)
                            ELSE 0 END AS minutes,
                       0 AS kept, 0 AS no_shows
                FROM current_time_entries entry
                WHERE entry.work_date BETWEEN \(request.period.first) AND \(request.period.last)
                UNION ALL
                SELECT assignment.participant_id, work_order.program_id, date_trunc('week', shift.local_date)::date,
                       0, 1, (assignment.status = 'no_show')::integer
                FROM assignments assignment
                JOIN shifts shift ON shift.id = assignment.shift_id
                LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
                WHERE shift.local_date BETWEEN \(request.period.first) AND \(request.period.last)
                  AND shift.local_date <= \(request.today) AND shift.status = 'open'
                  AND assignment.status IN ('assigned', 'confirmed', 'completed', 'no_show')
            ), person_week AS (
                SELECT participant_id, program_id, week, sum(minutes) AS minutes, sum(kept) AS kept,
                       sum(no_shows) AS no_shows
                FROM activity GROUP BY participant_id, program_id, week
            ), policy AS (
                SELECT program_id, effective_from, policy -> 'targets' AS targets,
                       lead(effective_from) OVER (PARTITION BY program_id ORDER BY effective_from) AS effective_to
                FROM program_policies
            )
            SELECT \(dimensions) person_week.participant_id, person_week.week, person_week.minutes,
                   person_week.kept, person_week.no_shows, target.minutes AS target
            FROM person_week
            JOIN participants participant ON participant.id = person_week.participant_id
            LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
            LEFT JOIN programs program ON program.id = person_week.program_id
            LEFT JOIN calendar_day_seasons season
                   ON season.calendar_id = participant.school_calendar_id AND season.day = person_week.week
            LEFT JOIN LATERAL (
                SELECT max((item ->> 'work_minutes_per_week')::integer) AS minutes
                FROM policy, jsonb_array_elements(policy.targets) AS item
                WHERE policy.program_id = person_week.program_id AND policy.effective_from <= person_week.week
                  AND (policy.effective_to IS NULL OR person_week.week < policy.effective_to)
                  AND jsonb_typeof(policy.targets) = 'array'
                  AND item ->> 'season' IN ('any', CASE WHEN \(weekSeason) = 'summer' THEN 'summer' ELSE 'school-year' END)
            ) target ON true
            WHERE (\(request.sector)::text IS NULL OR home_sector.code = \(request.sector))
              AND \(participantFilter(request, ageOn: periodStart))
            """
        return StatisticQuery(
            facts: facts,
            columns: [
                .init("participants", "participants", .people),
                .init("weeks", "weeks", .count),
                .init("person_weeks", "active person-weeks", .count),
                .init("active_per_week", "active per week", .ratio(of: "person_weeks", per: "weeks")),
                .init("targeted", "weeks with a target", .count),
                .init("at_target", "weeks at target", .count),
                .init("share_at_target", "at target / with a target", .share(of: "at_target", in: "targeted")),
                .init("assignments", "assignments kept", .count),
                .init("no_shows", "no-shows", .count),
                .init("no_show_rate", "no-show rate", .share(of: "no_shows", in: "assignments")),
            ],
            aggregates: [
                ("participants", "count(DISTINCT participant_id)"),
                ("weeks", "count(DISTINCT week)"),
                ("person_weeks", "count(*)"),
                ("targeted", "count(*) FILTER (WHERE target IS NOT NULL)"),
                ("at_target", "count(*) FILTER (WHERE target IS NOT NULL AND minutes >= target)"),
                ("assignments", "sum(kept)"),
                ("no_shows", "sum(no_shows)"),
            ]
        )
    }

    static func retention(_ request: StatisticRequest) -> StatisticQuery {
        let startDay: PQQuery = "enrollment.starts_on"
        let dimensions = StatisticQuery.dimensionColumns(request.by) { dimension in
            dimension == .cohort
                ? "to_char(enrollment.starts_on, 'YYYY-MM')" : personDimension(dimension, ageOn: startDay) ?? "''"
        }
        var marks: [PQQuery] = []
        var columns: [StatisticTable.Column] = [.init("entered", "entered", .people)]
        var aggregates: [(key: String, sql: PQQuery)] = [("entered", "count(*)")]
        for months in [3, 6, 12] {
            let mark: PQQuery = "(enrollment.starts_on + \(months) * interval '1 month')::date"
            let reached = PQQuery(unsafeSQL: "reached_\(months)m")
            let retained = PQQuery(unsafeSQL: "retained_\(months)m")
            marks.append(
                """
                \(mark) <= \(request.today) AS \(reached),
                \(mark) <= \(request.today) AND (enrollment.exit_on IS NULL OR enrollment.exit_on >= \(mark)) AS \(retained)
                """
            )
            columns += [
                .init("reached_\(months)m", "past \(months) months", .people),
                .init("retained_\(months)m", "retained at \(months) months", .people),
                .init(
                    "share_retained_\(months)m",
                    "retained / past \(months) months",
                    .share(of: "retained_\(months)m", in: "reached_\(months)m")
                ),
            ]
            aggregates += [
                ("reached_\(months)m", "count(*) FILTER (WHERE \(reached))"),
                ("retained_\(months)m", "count(*) FILTER (WHERE \(retained))"),
            ]
        }
        let facts: PQQuery = """
            SELECT \(dimensions) \(PQQuery.joined(marks, separator: ", "))
            FROM enrollments enrollment
            JOIN programs program ON program.id = enrollment.program_id
            JOIN participants participant ON participant.id = enrollment.participant_id
            LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
            WHERE enrollment.starts_on BETWEEN \(request.period.first) AND \(request.period.last)
              AND (\(request.sector)::text IS NULL OR home_sector.code = \(request.sector))
              AND \(participantFilter(request, ageOn: startDay))
            """
        return StatisticQuery(facts: facts, columns: columns, aggregates: aggregates)
    }
}
