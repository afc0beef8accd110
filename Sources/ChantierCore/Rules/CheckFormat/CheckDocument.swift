/// A `chantier-check/1` document, as read from JSON: one self-contained compliance question.
/// See `formats/chantier-check.md`; ``complianceCase()`` turns it into the engine's question.
public struct CheckDocument: Decodable, Sendable {
    public var format: String
    public var rulePack: String
    public var programPolicy: ProgramPolicy?
    public var participant: Participant
    public var calendar: Calendar
    public var context: Context
    public var existing: [Interval]
    public var proposed: Interval
    /// Chantier's extension: the rule pack's alternative readings by name.
    public var rulePackOptions: [String: String]

    public static let formatName = "chantier-check/1"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, participant, calendar, context, existing, proposed
        case rulePack = "rule_pack"
        case programPolicy = "program_policy"
        case rulePackOptions = "rule_pack_options"
    }

    public init(from decoder: any Decoder) throws {
        // Annotation keys at the top level are allowed; anything else unknown is a mistake.
        try KnownKeys.check(
            decoder,
            allowed: CodingKeys.self,
            alsoAllowed: ["id", "description", "comment", "meta", "notes"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        guard format == Self.formatName else {
            throw DecodingError.dataCorruptedError(
                forKey: .format,
                in: container,
                debugDescription: "must be \"\(Self.formatName)\", not \"\(format)\""
            )
        }
        rulePack = try container.decode(String.self, forKey: .rulePack)
        programPolicy = try container.decodeIfPresent(ProgramPolicy.self, forKey: .programPolicy)
        participant = try container.decode(Participant.self, forKey: .participant)
        calendar = try container.decode(Calendar.self, forKey: .calendar)
        context = try container.decodeIfPresent(Context.self, forKey: .context) ?? Context()
        existing = try container.decodeIfPresent([Interval].self, forKey: .existing) ?? []
        proposed = try container.decode(Interval.self, forKey: .proposed)
        rulePackOptions = try container.decodeIfPresent([String: String].self, forKey: .rulePackOptions) ?? [:]
    }

    public struct Participant: Decodable, Sendable {
        public var birthDate: LocalDate
        public var attendsSchool: Bool
        public var diplomaObtained: Bool
        public var exemptFromSchoolAttendance: Bool

        enum CodingKeys: String, CodingKey, CaseIterable {
            case birthDate = "birth_date"
            case attendsSchool = "attends_school"
            case diplomaObtained = "diploma_obtained"
            case exemptFromSchoolAttendance = "exempt_from_school_attendance"
        }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            birthDate = try container.decode(LocalDate.self, forKey: .birthDate)
            attendsSchool = try container.decode(Bool.self, forKey: .attendsSchool)
            diplomaObtained = try container.decodeIfPresent(Bool.self, forKey: .diplomaObtained) ?? false
            exemptFromSchoolAttendance =
                try container.decodeIfPresent(Bool.self, forKey: .exemptFromSchoolAttendance) ?? false
        }
    }

    public struct Calendar: Decodable, Sendable {
        public var weekStartsOn: String
        public var knownFrom: LocalDate
        public var knownTo: LocalDate
        public var classDays: [LocalDate]
        public var classHours: ClassHoursValue?
        public var schoolYearLastDays: [LocalDate]
        public var holidayPeriods: [Holiday]
        public var publicHolidays: [LocalDate]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case weekStartsOn = "week_starts_on"
            case knownFrom = "known_from"
            case knownTo = "known_to"
            case classDays = "class_days"
            case classHours = "class_hours"
            case schoolYearLastDays = "school_year_last_days"
            case holidayPeriods = "holiday_periods"
            case publicHolidays = "public_holidays"
        }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            weekStartsOn = try container.decode(String.self, forKey: .weekStartsOn)
            knownFrom = try container.decode(LocalDate.self, forKey: .knownFrom)
            knownTo = try container.decode(LocalDate.self, forKey: .knownTo)
            classDays = try container.decodeIfPresent([LocalDate].self, forKey: .classDays) ?? []
            classHours = try container.decodeIfPresent(ClassHoursValue.self, forKey: .classHours)
            schoolYearLastDays = try container.decodeIfPresent([LocalDate].self, forKey: .schoolYearLastDays) ?? []
            holidayPeriods = try container.decodeIfPresent([Holiday].self, forKey: .holidayPeriods) ?? []
            publicHolidays = try container.decodeIfPresent([LocalDate].self, forKey: .publicHolidays) ?? []
        }
    }

    public struct ClassHoursValue: Decodable, Sendable {
        public var start: LocalTime
        public var end: LocalTime

        enum CodingKeys: String, CodingKey, CaseIterable { case start, end }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            start = try container.decode(LocalTime.self, forKey: .start)
            end = try container.decode(LocalTime.self, forKey: .end)
        }
    }

    public struct Holiday: Decodable, Sendable {
        public var from: LocalDate
        public var to: LocalDate
        public var name: String

        enum CodingKeys: String, CodingKey, CaseIterable { case from, to, name }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try container.decode(LocalDate.self, forKey: .from)
            to = try container.decode(LocalDate.self, forKey: .to)
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? "holidays"
        }
    }

    public struct Context: Decodable, Sendable {
        public var employerCategory: String?
        public var workersOnPayroll: Int?
        public var childOfEmployer: Bool?
        public var sector: String?
        public var task: Task?
        public var adultSupervision: Bool?
        public var guardianConsent: Consent?
        public var labourInspectorAuthorization: Bool?
        public var travelMinutesToResidence: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case sector, task
            case employerCategory = "employer_category"
            case workersOnPayroll = "workers_on_payroll"
            case childOfEmployer = "child_of_employer"
            case adultSupervision = "adult_supervision"
            case guardianConsent = "guardian_consent"
            case labourInspectorAuthorization = "labour_inspector_authorization"
            case travelMinutesToResidence = "travel_minutes_to_residence"
        }

        init() {}

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            employerCategory = try container.decodeIfPresent(String.self, forKey: .employerCategory)
            workersOnPayroll = try container.decodeIfPresent(Int.self, forKey: .workersOnPayroll)
            childOfEmployer = try container.decodeIfPresent(Bool.self, forKey: .childOfEmployer)
            sector = try container.decodeIfPresent(String.self, forKey: .sector)
            task = try container.decodeIfPresent(Task.self, forKey: .task)
            adultSupervision = try container.decodeIfPresent(Bool.self, forKey: .adultSupervision)
            guardianConsent = try container.decodeIfPresent(Consent.self, forKey: .guardianConsent)
            labourInspectorAuthorization = try container.decodeIfPresent(
                Bool.self,
                forKey: .labourInspectorAuthorization
            )
            travelMinutesToResidence = try container.decodeIfPresent(Int.self, forKey: .travelMinutesToResidence)
        }
    }

    public struct Task: Decodable, Sendable {
        public var kind: String
        public var equipment: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case kind, equipment }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
            equipment = try container.decodeIfPresent([String].self, forKey: .equipment) ?? []
        }
    }

    public struct Consent: Decodable, Sendable {
        public var onFile: Bool
        public var maxMinutesPerWeek: Int?
        public var tasks: [String]?
        public var availability: [AvailabilityValue]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case tasks, availability
            case onFile = "on_file"
            case maxMinutesPerWeek = "max_minutes_per_week"
        }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            onFile = try container.decode(Bool.self, forKey: .onFile)
            maxMinutesPerWeek = try container.decodeIfPresent(Int.self, forKey: .maxMinutesPerWeek)
            tasks = try container.decodeIfPresent([String].self, forKey: .tasks)
            availability = try container.decodeIfPresent([AvailabilityValue].self, forKey: .availability)
        }
    }

    /// A weekly window of a consent form's availability: `{"weekday": "saturday", "start": "09:00", "end": "16:00"}`.
    public struct AvailabilityValue: Decodable, Sendable {
        public var weekday: String
        public var start: LocalTime
        public var end: LocalTime

        enum CodingKeys: String, CodingKey, CaseIterable { case weekday, start, end }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            weekday = try container.decode(String.self, forKey: .weekday)
            start = try container.decode(LocalTime.self, forKey: .start)
            end = try container.decode(LocalTime.self, forKey: .end)
        }
    }

    public struct Interval: Decodable, Sendable {
        public var start: LocalDateTime
        public var end: LocalDateTime
        public var kind: WorkKind

        enum CodingKeys: String, CodingKey, CaseIterable { case start, end, kind }

        public init(from decoder: any Decoder) throws {
            try KnownKeys.check(decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            start = try container.decode(LocalDateTime.self, forKey: .start)
            end = try container.decode(LocalDateTime.self, forKey: .end)
            let kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? WorkKind.work.rawValue
            guard let value = WorkKind(rawValue: kind) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .kind,
                    in: container,
                    debugDescription:
                        "must be \(WorkKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), not \"\(kind)\""
                )
            }
            self.kind = value
        }
    }
}
