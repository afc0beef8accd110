/// What an interval of time is: paid work, a mandatory awareness session (work time for the law,
/// not "work" for a program's cap), or mandatory training.
public enum WorkKind: String, Hashable, Sendable, Codable, CaseIterable {
    case work
    case awarenessSession = "awareness_session"
    case training
}
