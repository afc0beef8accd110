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
            case .season: "entry.season"
            case .task: "coalesce(task.code, entry.kind)"
            case .month: "to_char(entry.day, 'YYYY-MM')"
            case .year: "extract(year FROM entry.day)::integer"
            default: personDimension(dimension, ageOn: periodStart) ?? "''"
            }
        }
        // Only the joins the groups and filters need; then one row per group and participant,
        // so counting distinct participants sorts tens of thousands of rows, not every month.
        let by = Set(request.by)
        let needsPeople = request.sex != nil || request.ages != nil || !by.isDisjoint(with: [.sex, .ageBand])
        let needsSites = request.sector != nil || by.contains(.sector)
        let joins = PQQuery.joined(
            [
                needsPeople ? "JOIN participants participant ON participant.id = entry.participant_id" : "",
                needsSites
                    ? """
                    JOIN sites site ON site.id = entry.site_id
                    LEFT JOIN sectors site_sector ON site_sector.id = site.sector_id
                    """ : "",
                request.program != nil || by.contains(.program) || needsPeople
                    ? "LEFT JOIN programs program ON program.id = entry.program_id" : "",
                by.contains(.task) ? "LEFT JOIN task_kinds task ON task.id = entry.task_kind_id" : "",
            ],
            separator: "\n"
        )
        let filters = PQQuery.joined(
            [
                needsSites ? "(\(request.sector)::text IS NULL OR site_sector.code = \(request.sector))" : "true",
                request.program != nil ? "program.code = \(request.program)" : "true",
                needsPeople ? participantFilter(request, ageOn: periodStart) : "true",
            ],
            separator: " AND "
        )
        let groups = PQQuery(unsafeSQL: (1...(request.by.count + 1)).map(String.init).joined(separator: ", "))
        let facts: PQQuery = """
            SELECT \(dimensions) entry.participant_id, sum(entry.minutes) AS minutes
            FROM (\(approvedHours(request.period))) AS entry
            \(joins)
            WHERE \(filters)
            GROUP BY \(groups)
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
            // A row a group and participant: counting rows counts participants.
            aggregates: [("participants", "count(*)"), ("minutes", "sum(minutes)")],
            totalFacts: request.by.isEmpty
                ? nil : "SELECT participant_id, sum(minutes) AS minutes FROM facts GROUP BY participant_id"
        )
    }

    /// The approved minutes of `period` as rows of participant, program, site, task kind, kind,
    /// day, season and minutes: whole months from `hours_by_month` (`day`: the month's first),
    /// the days of months the period cuts from the ledger itself.
    static func approvedHours(_ period: DateRange) -> PQQuery {
        let first = period.first
        let last = period.last
        let monthsFrom = first.day == 1 ? first : first.adding(days: 32 - first.day).firstOfMonth
        let monthsUntil = last.adding(days: 1).firstOfMonth
        guard monthsFrom < monthsUntil else { return ledgerHours(first, last) }
        var parts: [PQQuery] = [
            """
            SELECT participant_id, program_id, site_id, task_kind_id, kind, month AS day, season, minutes
            FROM hours_by_month WHERE month >= \(monthsFrom) AND month < \(monthsUntil)
            """
        ]
        if first < monthsFrom { parts.append(ledgerHours(first, monthsFrom.adding(days: -1))) }
        if monthsUntil <= last { parts.append(ledgerHours(monthsUntil, last)) }
        return PQQuery.joined(parts, separator: " UNION ALL ")
    }

    /// The approved minutes of the days from `first` to `last`, entry by entry.
    static func ledgerHours(_ first: LocalDate, _ last: LocalDate) -> PQQuery {
        """
        SELECT participant_id, program_id, site_id, task_kind_id, kind, work_date AS day, season, minutes
        FROM approved_time_entries WHERE work_date BETWEEN \(first) AND \(last)
        """
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
            WITH person_week AS (\(personWeeks(request.period, today: request.today))
            ), target AS (
                -- Each policy version's weekly target by season, from when it took effect to the next.
                SELECT policy.program_id, policy.effective_from AS since,
                       lead(policy.effective_from) OVER (PARTITION BY policy.program_id ORDER BY policy.effective_from)
                           AS until,
                       max((item ->> 'work_minutes_per_week')::integer)
                           FILTER (WHERE item ->> 'season' IN ('any', 'school-year')) AS school_year,
                       max((item ->> 'work_minutes_per_week')::integer)
                           FILTER (WHERE item ->> 'season' IN ('any', 'summer')) AS summer
                FROM program_policies policy
                LEFT JOIN LATERAL jsonb_array_elements(
                    CASE WHEN jsonb_typeof(policy.policy -> 'targets') = 'array' THEN policy.policy -> 'targets'
                         ELSE '[]'::jsonb END
                ) AS item ON true
                GROUP BY policy.program_id, policy.effective_from
            )
            SELECT \(dimensions) person_week.participant_id, person_week.week AS active_week, person_week.minutes,
                   person_week.kept, person_week.no_shows,
                   CASE WHEN \(weekSeason) = 'summer' THEN target.summer ELSE target.school_year END AS target
            FROM person_week
            JOIN participants participant ON participant.id = person_week.participant_id
            LEFT JOIN sectors home_sector ON home_sector.id = participant.sector_id
            LEFT JOIN programs program ON program.id = person_week.program_id
            LEFT JOIN calendar_day_seasons season
                   ON season.calendar_id = participant.school_calendar_id AND season.day = person_week.week
            LEFT JOIN target ON target.program_id = person_week.program_id AND target.since <= person_week.week
                            AND (target.until IS NULL OR person_week.week < target.until)
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
                ("weeks", "count(DISTINCT active_week)"),
                ("person_weeks", "count(*)"),
                ("targeted", "count(*) FILTER (WHERE target IS NOT NULL)"),
                ("at_target", "count(*) FILTER (WHERE target IS NOT NULL AND minutes >= target)"),
                ("assignments", "sum(kept)"),
                ("no_shows", "sum(no_shows)"),
            ]
        )
    }

    /// A row per participant, program and week of `period` with activity up to `today`: its work
    /// minutes, kept assignments and no-shows. Whole weeks before this one come from
    /// `activity_by_week`; the days of weeks the period cuts, and this week's (whose later
    /// assignments are not kept yet), from the ledger and the assignments themselves.
    static func personWeeks(_ period: DateRange, today: LocalDate) -> PQQuery {
        let first = period.first
        let last = period.last
        let monday = { (day: LocalDate) in day.adding(days: 1 - day.weekday.isoNumber) }
        let weeksFrom = first == monday(first) ? first : monday(first).adding(days: 7)
        let weeksUntil = min(last.weekday == .sunday ? last.adding(days: 1) : monday(last), monday(today))
        guard weeksFrom < weeksUntil else { return activityByWeek(first, last, today: today) }
        var parts: [PQQuery] = [
            """
            SELECT participant_id, program_id, week, work_minutes AS minutes, kept, no_shows
            FROM activity_by_week
            WHERE week >= \(weeksFrom) AND week < \(weeksUntil) AND (entries > 0 OR kept > 0)
            """
        ]
        if first < weeksFrom { parts.append(activityByWeek(first, weeksFrom.adding(days: -1), today: today)) }
        if weeksUntil <= last { parts.append(activityByWeek(weeksUntil, last, today: today)) }
        return PQQuery.joined(parts, separator: " UNION ALL ")
    }

    /// The activity of the days from `first` to `last` (assignments up to `today`), by person-week.
    static func activityByWeek(_ first: LocalDate, _ last: LocalDate, today: LocalDate) -> PQQuery {
        """
        SELECT participant_id, program_id, week, sum(minutes) AS minutes, sum(kept) AS kept,
               sum(no_shows) AS no_shows
        FROM (
            SELECT entry.participant_id, entry.program_id, chantier_week_start(entry.work_date) AS week,
                   CASE WHEN entry.kind = 'work' THEN chantier_entry_minutes(entry.worked, entry.break_minutes)
                        ELSE 0 END AS minutes,
                   0 AS kept, 0 AS no_shows
            FROM current_time_entries entry
            WHERE entry.work_date BETWEEN \(first) AND \(last)
            UNION ALL
            SELECT assignment.participant_id, work_order.program_id, chantier_week_start(shift.local_date),
                   0, 1, (assignment.status = 'no_show')::integer
            FROM assignments assignment
            JOIN shifts shift ON shift.id = assignment.shift_id
            LEFT JOIN work_orders work_order ON work_order.id = shift.work_order_id
            WHERE shift.local_date BETWEEN \(first) AND \(last)
              AND shift.local_date <= \(today) AND shift.status = 'open'
              AND assignment.status IN ('assigned', 'confirmed', 'completed', 'no_show')
        ) AS activity
        GROUP BY participant_id, program_id, week
        """
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
