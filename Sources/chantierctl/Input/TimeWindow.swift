import ArgumentParser

/// `16:00-18:00` split in its two times; the daemon checks them.
struct TimeWindow: ExpressibleByArgument {
    var start: String
    var end: String

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 5 && $0.dropFirst(2).first == ":" }) else { return nil }
        start = parts[0]
        end = parts[1]
    }
}

/// `13-15`: an inclusive range of ages.
struct AgeBand: ExpressibleByArgument {
    var minimum: Int
    var maximum: Int

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let minimum = Int(parts[0]), let maximum = Int(parts[1]), minimum <= maximum else {
            return nil
        }
        self.minimum = minimum
        self.maximum = maximum
    }
}
