/// The general minimum wage, by the day each rate takes effect. It is the floor of every hourly
/// rate a payroll export pays.
public struct MinimumWage: Hashable, Sendable {
    public struct Rate: Hashable, Sendable {
        public var from: LocalDate
        public var cents: Int

        public init(from: LocalDate, cents: Int) {
            self.from = from
            self.cents = cents
        }
    }

    /// Oldest first.
    public let rates: [Rate]

    public init(rates: [Rate]) {
        self.rates = rates.sorted { $0.from < $1.from }
    }

    /// The rate in force on `date`, if the table goes back that far.
    public func cents(on date: LocalDate) -> Int? {
        rates.last { $0.from <= date }?.cents
    }

    /// Québec's general minimum wage (Regulation respecting labour standards, s. 3), from 2021
    /// (16.60 from 2026-05-01, announced 2026-01-22). Later rates are set each year: configure them with `payroll.minimum_wage`.
    public static let quebec = MinimumWage(rates: [
        Rate(from: LocalDate(year: 2021, month: 5, day: 1)!, cents: 1350),
        Rate(from: LocalDate(year: 2022, month: 5, day: 1)!, cents: 1425),
        Rate(from: LocalDate(year: 2023, month: 5, day: 1)!, cents: 1525),
        Rate(from: LocalDate(year: 2024, month: 5, day: 1)!, cents: 1575),
        Rate(from: LocalDate(year: 2025, month: 5, day: 1)!, cents: 1610),
        Rate(from: LocalDate(year: 2026, month: 5, day: 1)!, cents: 1660),
    ])

    /// Parses `2025-05-01=16.10,2026-05-01=16.60`.
    public init(text: String) throws(RecordError) {
        var rates: [Rate] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map(\.trimmed)
            guard parts.count == 2, let from = LocalDate(iso: parts[0]), let cents = Money.cents(parts[1]), cents > 0
            else {
                throw RecordError(field: "payroll.minimum_wage", "\"\(item)\" is not a rate such as 2025-05-01=16.10")
            }
            rates.append(Rate(from: from, cents: cents))
        }
        guard !rates.isEmpty else { throw RecordError(field: "payroll.minimum_wage", "give at least one rate") }
        self.init(rates: rates)
    }

    public var text: String {
        rates.map { "\($0.from)=\(Money.text($0.cents))" }.joined(separator: ",")
    }
}
