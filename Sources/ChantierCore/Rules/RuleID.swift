/// The id of a legal rule or program rule, verbatim from `rules.md` (`QC-WEEKDAY-10H`) or from a
/// program policy (`AGIR-SCHOOLYEAR-WORK-6H`). Ids appear in API errors, alerts and reports.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

// MARK: - Québec (LNT and Bill 19)

extension RuleID {
    public static let qcMinAge14 = RuleID("QC-MIN-AGE-14")
    public static let qcUnder14ExceptionConditions = RuleID("QC-U14-EXCEPTION-CONDITIONS")
    public static let qcUnder14Consent = RuleID("QC-U14-CONSENT")
    public static let qcUnder14ConsentScope = RuleID("QC-U14-CONSENT-SCOPE")
    public static let qcUnder14ConsentRetention = RuleID("QC-U14-CONSENT-RETENTION")
    public static let qcSchoolHours = RuleID("QC-SCHOOL-HOURS")
    public static let qcWeek17h = RuleID("QC-WEEK-17H")
    public static let qcWeekday10h = RuleID("QC-WEEKDAY-10H")
    public static let qcExemptPeriod = RuleID("QC-EXEMPT-PERIOD")
    public static let qcNight = RuleID("QC-NIGHT-23-06")
    public static let qcHome = RuleID("QC-HOME-23-06")
    public static let qcDisproportionate = RuleID("QC-DISPROPORTIONATE")
    public static let qcWeeklyRest32h = RuleID("QC-WEEKLY-REST-32H")
    public static let qcMeal30min5h = RuleID("QC-MEAL-30MIN-5H")
    public static let qcWorktimeTraining = RuleID("QC-WORKTIME-TRAINING")
    public static let qcRefusal = RuleID("QC-REFUSAL")
    public static let qcScopeStudentProgram = RuleID("QC-SCOPE-STUDENT-PROGRAM")
}

// MARK: - United States (FLSA)

extension RuleID {
    public static let usCoverage = RuleID("US-FLSA-COVERAGE")
    public static let usMinAge14 = RuleID("US-FLSA-MIN-AGE-14")
    public static let usSchoolHours = RuleID("US-FLSA-1415-SCHOOL-HOURS")
    public static let usSchoolDay3h = RuleID("US-FLSA-1415-DAY-SCHOOL-3H")
    public static let usSchoolWeek18h = RuleID("US-FLSA-1415-WEEK-SCHOOL-18H")
    public static let usNonSchoolDay8h = RuleID("US-FLSA-1415-DAY-NONSCHOOL-8H")
    public static let usNonSchoolWeek40h = RuleID("US-FLSA-1415-WEEK-NONSCHOOL-40H")
    public static let usTimeWindow = RuleID("US-FLSA-1415-TIME-WINDOW")
    public static let usProhibitedOccupation = RuleID("US-FLSA-1415-PROHIBITED-OCC")
    public static let usDriving = RuleID("US-FLSA-HO2-DRIVING")
    public static let usSaws = RuleID("US-FLSA-HO14-SAWS")
    public static let us1617 = RuleID("US-FLSA-1617")
}

// MARK: - France (Code du travail)

extension RuleID {
    public static let frMinAge = RuleID("FR-MIN-AGE")
    public static let frUnder16HolidayOnly = RuleID("FR-U16-HOLIDAY-ONLY")
    public static let frUnder16HalfHolidayRest = RuleID("FR-U16-HALF-HOLIDAY-REST")
    public static let frUnder16Daily7h = RuleID("FR-U16-DAILY-7H")
    public static let frUnder16Week35h = RuleID("FR-U16-WEEK-35H")
    public static let frUnder16LightWork = RuleID("FR-U16-LIGHT-WORK")
    public static let frUnder16Authorization = RuleID("FR-U16-AUTHORIZATION")
    public static let frDaily8h = RuleID("FR-DAILY-8H")
    public static let frWeek35h = RuleID("FR-WEEK-35H")
    public static let frBreak4h30 = RuleID("FR-BREAK-4H30")
    public static let frDailyRest12h = RuleID("FR-DAILY-REST-12H")
    public static let frDailyRest14hUnder16 = RuleID("FR-DAILY-REST-14H-U16")
    public static let frNight1617 = RuleID("FR-NIGHT-16-17")
    public static let frNightUnder16 = RuleID("FR-NIGHT-U16")
    public static let frWeeklyRest2Days = RuleID("FR-WEEKLY-REST-2DAYS")
    public static let frPublicHoliday = RuleID("FR-PUBLIC-HOLIDAY")
}
