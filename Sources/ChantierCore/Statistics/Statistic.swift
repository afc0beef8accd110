/// The statistics Chantier computes, with the words that define them (docs/STATISTICS.md gives
/// them in full) and the dimensions each may be grouped by.
public enum Statistic: String, Hashable, Sendable, CaseIterable {
    case returnToWork = "return-to-work"
    case returnToSchool = "return-to-school"
    case hours
    case participation
    case retention

    public var title: String {
        switch self {
        case .returnToWork: "Return to work"
        case .returnToSchool: "Return to school"
        case .hours: "Approved hours"
        case .participation: "Participation"
        case .retention: "Retention by entry cohort"
        }
    }

    /// One paragraph, for a report's definitions.
    public var definition: String {
        switch self {
        case .returnToWork:
            "Participants of adult programs who worked during their stay and exited in the period (a person who "
                + "left several programs counts once, by their last exit, unless grouped by program). Returned: an "
                + "outcome of employment (full-time, part-time, self-employed), training or return to school "
                + "observed from the exit day to the window's end. Known: any outcome other than lost contact in "
                + "that window. The share is given over all exits and over exits with a known outcome."
        case .returnToSchool:
            "Youth who worked in a youth program during the school year (1 July to 30 June). In school: an outcome "
                + "of being in school (returned or stayed) observed during the next school year, or a diploma "
                + "obtained by its end. Diplomas: a diploma of that level observed at any time from the start of "
                + "the school year, as a share of the youth active."
        case .hours:
            "Approved hours: the entries in force (corrections applied, voided entries removed) of site weeks a "
                + "coordinator approved, worked in the period, less breaks. Season from the participant's school "
                + "calendar (summer: a break of more than seven days including July; holidays: other such breaks; "
                + "school period: the rest), or July and August as summer without a calendar."
        case .participation:
            "A participant is active in a week (Monday to Sunday) with hours in force or an assignment; active per "
                + "week is the average over the weeks with any activity. At target: "
                + "active weeks whose work reached the program's weekly target for the season, among weeks with a "
                + "target. No-show rate: assignments recorded as no-shows among assignments on shifts of the "
                + "period that were kept (completed, no-show, or still assigned)."
        case .retention:
            "Enrollments started in the period, by month of entry (cohort). Retained at 3, 6 and 12 months: still "
                + "enrolled that long after the start, among the enrollments whose mark has passed."
        }
    }

    /// The dimensions it may be grouped by (`--by`), the default first.
    public var dimensions: [StatisticDimension] {
        switch self {
        case .returnToWork: [.program, .sector, .sex, .ageBand, .year, .month]
        case .returnToSchool: [.program, .sector, .sex, .ageBand]
        case .hours: [.program, .season, .task, .sector, .month, .year, .sex, .ageBand]
        case .participation: [.program, .sector, .week, .month, .sex, .ageBand]
        case .retention: [.cohort, .program, .sector, .sex, .ageBand]
        }
    }
}

/// What a statistic may be grouped by.
public enum StatisticDimension: String, Hashable, Sendable, CaseIterable {
    case program
    case sector
    case sex
    case ageBand = "age-band"
    /// School period, holidays or summer.
    case season
    /// The task kind of the shift (or the kind of the entry without one).
    case task
    /// YYYY-MM.
    case month
    case year
    /// The ISO week's Monday.
    case week
    /// The month an enrollment started.
    case cohort

    /// Parses `program,season`, checking each is allowed for `statistic`.
    public static func list(_ text: String, for statistic: Statistic) throws(RecordError) -> [StatisticDimension] {
        var dimensions: [StatisticDimension] = []
        for name in text.split(separator: ",").map({ String($0).trimmed.lowercased() }) {
            guard let dimension = StatisticDimension(rawValue: name), statistic.dimensions.contains(dimension) else {
                throw RecordError(
                    field: "by",
                    "\(statistic.rawValue) is grouped by "
                        + statistic.dimensions.map(\.rawValue).joined(separator: ", ") + ", not \"\(name)\""
                )
            }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return dimensions
    }
}
