/// A named school-holiday period (France: Toussaint, Noël, été…), inclusive dates.
public struct HolidayPeriod: Hashable, Sendable {
    public var name: String
    public var days: DateRange

    public init(name: String, days: DateRange) {
        self.name = name
        self.days = days
    }
}
