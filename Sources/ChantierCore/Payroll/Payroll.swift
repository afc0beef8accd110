/// A pay-period export: approved minutes per participant, program and kind, the hourly rate (the
/// program's, never below the minimum wage of the day), and the gross amount to the cent.
public struct Payroll: Hashable, Sendable {
    /// One approved entry, as the payroll counts it.
    public struct Entry: Hashable, Sendable {
        public var participantID: Int
        public var participantName: String
        public var programCode: String
        public var kind: WorkKind
        public var date: LocalDate
        public var minutes: Int

        public init(
            participantID: Int,
            participantName: String,
            programCode: String,
            kind: WorkKind,
            date: LocalDate,
            minutes: Int
        ) {
            self.participantID = participantID
            self.participantName = participantName
            self.programCode = programCode
            self.kind = kind
            self.date = date
            self.minutes = minutes
        }
    }

    public struct Line: Hashable, Sendable {
        public var participantID: Int
        public var participantName: String
        public var programCode: String
        public var kind: WorkKind
        public var hourlyRateCents: Int
        public var minutes: Int
        /// `minutes` at the rate, rounded to the cent once per line.
        public var amountCents: Int { Money.amount(minutes: minutes, rateCents: hourlyRateCents) }
    }

    public var period: DateRange
    public var lines: [Line]

    public var totalMinutes: Int { lines.reduce(0) { $0 + $1.minutes } }
    public var totalCents: Int { lines.reduce(0) { $0 + $1.amountCents } }

    /// - Parameter programRate: the program's own hourly rate on a day, if it sets one.
    /// - Throws: when the minimum wage table does not reach back to an entry's day.
    public init(
        period: DateRange,
        entries: [Entry],
        programRate: (String, LocalDate) -> Int?,
        minimumWage: MinimumWage
    ) throws(RecordError) {
        struct Key: Hashable {
            var participant: Int
            var program: String
            var kind: WorkKind
            var rate: Int
        }
        var minutes: [Key: Int] = [:]
        var names: [Int: String] = [:]
        for entry in entries {
            guard let floor = minimumWage.cents(on: entry.date) else {
                throw RecordError(
                    field: "payroll.minimum_wage",
                    "the minimum wage table starts after \(entry.date); add the rate in force then"
                )
            }
            let rate = max(programRate(entry.programCode, entry.date) ?? 0, floor)
            minutes[
                Key(participant: entry.participantID, program: entry.programCode, kind: entry.kind, rate: rate),
                default: 0
            ] += entry.minutes
            names[entry.participantID] = entry.participantName
        }
        self.period = period
        lines = minutes.map { key, total in
            Line(
                participantID: key.participant,
                participantName: names[key.participant] ?? "",
                programCode: key.program,
                kind: key.kind,
                hourlyRateCents: key.rate,
                minutes: total
            )
        }.sorted {
            ($0.participantName, $0.participantID, $0.programCode, $0.kind.rawValue, $0.hourlyRateCents)
                < ($1.participantName, $1.participantID, $1.programCode, $1.kind.rawValue, $1.hourlyRateCents)
        }
    }
}
