/// The hours of class on a class day, `[start, end)` in local time.
public struct ClassHours: Hashable, Sendable, Codable {
    public var start: LocalTime
    public var end: LocalTime

    /// - Precondition: `start < end`.
    public init(start: LocalTime, end: LocalTime) {
        precondition(start < end, "class hours end after they start")
        self.start = start
        self.end = end
    }
}
