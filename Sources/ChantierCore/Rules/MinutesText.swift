/// Durations as people write them in schedules: `10 h`, `10 h 01 min`, `45 min`.
enum MinutesText {
    static func format(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let magnitude = abs(minutes)
        let hours = magnitude / 60
        let rest = magnitude % 60
        if hours == 0 { return "\(sign)\(rest) min" }
        if rest == 0 { return "\(sign)\(hours) h" }
        return "\(sign)\(hours) h \(rest < 10 ? "0" : "")\(rest) min"
    }
}
