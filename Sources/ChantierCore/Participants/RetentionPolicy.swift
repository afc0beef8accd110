/// How long personal data is kept: a participant archived with no stay open is anonymised once
/// `years` have passed since their last exit (or since their archiving, when they never joined a
/// program), and replayable request copies are kept `requestCopyDays` only.
public struct RetentionPolicy: Hashable, Sendable {
    /// Years after the last exit; `nil` never anonymises.
    public var years: Int?
    /// Days the daemon keeps the bodies of idempotent requests and their answers.
    public var requestCopyDays: Int

    public init(years: Int? = 7, requestCopyDays: Int = 7) {
        self.years = years
        self.requestCopyDays = requestCopyDays
    }

    /// The latest last exit that is due for anonymisation on `today`: the same day `years`
    /// earlier (28 February for a 29 February); `nil` when anonymisation is off.
    public func latestDueExit(today: LocalDate) -> LocalDate? {
        guard let years else { return nil }
        let (year, month, day) = today.components
        let anniversary =
            LocalDate(year: year - years, month: month, day: day)
            ?? LocalDate(year: year - years, month: month, day: day - 1)!
        return anniversary.adding(days: -1)
    }
}
