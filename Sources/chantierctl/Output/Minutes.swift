/// Minutes as people read them: `7 h 30 min`, `3 h`.
enum Minutes {
    static func text(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let value = abs(minutes)
        return value % 60 == 0 ? "\(sign)\(value / 60) h" : "\(sign)\(value / 60) h \(value % 60) min"
    }
}
