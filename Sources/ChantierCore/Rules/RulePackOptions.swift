/// The documented alternative readings of the rule packs (`rules.md`'s ambiguities), each a named
/// option with a default. Programs choose them in their configuration, never by editing code.
public struct RulePackOptions: Hashable, Sendable {
    /// `qc.week-window`: Québec's weekly limits are counted per calendar week (the employer's week,
    /// default Sunday–Saturday) or over every rolling 7-day window (maximum caution).
    public var quebecWeekWindow: QuebecWeekWindow = .calendarWeek
    /// `qc.transition-weeks`: in a week that straddles an exempt period, count only the days outside
    /// it (period-based, CNESST's calculation) or the whole week when it has a class day (week-based).
    public var quebecTransitionWeeks: QuebecTransitionWeeks = .periodBased
    /// `qc.end-of-attendance`: compulsory attendance ends on the last day of the school calendar of
    /// the year the child turns 16, literally, or not before the 16th birthday.
    public var quebecEndOfAttendance: QuebecEndOfAttendance = .literal
    /// `qc.exempted-children`: whether a child exempted from attendance (Education Act s. 15) is
    /// still "subject to compulsory school attendance" (the conservative default) or not.
    public var quebecExemptedChildren: QuebecExemptedChildren = .subject
    /// `awareness-session-is-work-time`: whether a mandatory awareness session or training counts as
    /// work time for the law (LNT s. 57: yes when the employer requires it).
    public var awarenessSessionIsWorkTime = true
    /// `us.wecep`: the program is an approved Work Experience and Career Exploration Program
    /// (29 CFR 570.36): 23 h in school weeks, and work during school hours is allowed.
    public var usWECEP = false
    /// `fr.half-rest`: the continuous rest of half a holiday is looked for inside the holiday only,
    /// or may run on into the weekends that border it.
    public var franceHalfRest: FranceHalfRest = .withinHoliday
    /// `fr.weekly-rest`: the two consecutive rest days fall inside one civil week, or may straddle two.
    public var franceWeeklyRest: FranceWeeklyRest = .withinWeek
    /// `fr.green-space-derogation`: the employer holds the R3162-1 derogation for green-space work
    /// (16–17-year-olds: 10 h a day, 40 h a week).
    public var franceGreenSpaceDerogation = false

    public init() {}

    public enum QuebecWeekWindow: String, Hashable, Sendable, CaseIterable {
        case calendarWeek = "calendar-week"
        case rolling = "rolling-7-days"
    }

    public enum QuebecTransitionWeeks: String, Hashable, Sendable, CaseIterable {
        case periodBased = "period-based"
        case weekBased = "week-based"
    }

    public enum QuebecEndOfAttendance: String, Hashable, Sendable, CaseIterable {
        case literal
        case notBeforeSixteenthBirthday = "not-before-16th-birthday"
    }

    public enum QuebecExemptedChildren: String, Hashable, Sendable, CaseIterable {
        case subject
        case notSubject = "not-subject"
    }

    public enum FranceHalfRest: String, Hashable, Sendable, CaseIterable {
        case withinHoliday = "within-holiday"
        case withAdjacentWeekends = "with-adjacent-weekends"
    }

    public enum FranceWeeklyRest: String, Hashable, Sendable, CaseIterable {
        case withinWeek = "within-week"
        case acrossWeeks = "across-weeks"
    }
}

extension RulePackOptions {
    /// The option names and their allowed values, defaults first.
    public static let catalogue: [(name: String, values: [String])] = [
        ("qc.week-window", QuebecWeekWindow.allCases.map(\.rawValue)),
        ("qc.transition-weeks", QuebecTransitionWeeks.allCases.map(\.rawValue)),
        ("qc.end-of-attendance", QuebecEndOfAttendance.allCases.map(\.rawValue)),
        ("qc.exempted-children", QuebecExemptedChildren.allCases.map(\.rawValue)),
        ("awareness-session-is-work-time", ["true", "false"]),
        ("us.wecep", ["false", "true"]),
        ("fr.half-rest", FranceHalfRest.allCases.map(\.rawValue)),
        ("fr.weekly-rest", FranceWeeklyRest.allCases.map(\.rawValue)),
        ("fr.green-space-derogation", ["false", "true"]),
    ]

    /// Options set by name, as in a program's configuration (`qc.transition-weeks: week-based`).
    ///
    /// - Throws: ``RulePackOptionError`` naming an unknown option or a value it does not take.
    public init(named values: [String: String]) throws(RulePackOptionError) {
        self.init()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let allowed = Self.catalogue.first(where: { $0.name == name })?.values else {
                throw RulePackOptionError(
                    message: "unknown rule pack option \"\(name)\"; known options: "
                        + Self.catalogue.map(\.name).joined(separator: ", ")
                )
            }
            guard allowed.contains(value) else {
                throw RulePackOptionError(
                    message:
                        "option \"\(name)\" takes \(allowed.map { "\"\($0)\"" }.joined(separator: " or ")), not \"\(value)\""
                )
            }
            switch name {
            case "qc.week-window": quebecWeekWindow = QuebecWeekWindow(rawValue: value)!
            case "qc.transition-weeks": quebecTransitionWeeks = QuebecTransitionWeeks(rawValue: value)!
            case "qc.end-of-attendance": quebecEndOfAttendance = QuebecEndOfAttendance(rawValue: value)!
            case "qc.exempted-children": quebecExemptedChildren = QuebecExemptedChildren(rawValue: value)!
            case "awareness-session-is-work-time": awarenessSessionIsWorkTime = value == "true"
            case "us.wecep": usWECEP = value == "true"
            case "fr.half-rest": franceHalfRest = FranceHalfRest(rawValue: value)!
            case "fr.weekly-rest": franceWeeklyRest = FranceWeeklyRest(rawValue: value)!
            default: franceGreenSpaceDerogation = value == "true"
            }
        }
    }

    /// Every option by name with its current value.
    public var named: [String: String] {
        [
            "qc.week-window": quebecWeekWindow.rawValue,
            "qc.transition-weeks": quebecTransitionWeeks.rawValue,
            "qc.end-of-attendance": quebecEndOfAttendance.rawValue,
            "qc.exempted-children": quebecExemptedChildren.rawValue,
            "awareness-session-is-work-time": String(awarenessSessionIsWorkTime),
            "us.wecep": String(usWECEP),
            "fr.half-rest": franceHalfRest.rawValue,
            "fr.weekly-rest": franceWeeklyRest.rawValue,
            "fr.green-space-derogation": String(franceGreenSpaceDerogation),
        ]
    }
}

/// An option name or value that the rule packs do not know.
public struct RulePackOptionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
