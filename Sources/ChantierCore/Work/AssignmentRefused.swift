/// An assignment the checks refused: nothing was changed, and every problem is listed.
public struct AssignmentRefused: Error, Hashable, Sendable, CustomStringConvertible {
    public var shiftID: Int
    public var participantName: String
    public var check: AssignmentCheck

    public init(shiftID: Int, participantName: String, check: AssignmentCheck) {
        self.shiftID = shiftID
        self.participantName = participantName
        self.check = check
    }

    public var description: String {
        "\(participantName) cannot be assigned to shift \(shiftID): "
            + check.problems.map { $0.rule?.rawValue ?? $0.kind.rawValue }.joined(separator: ", ")
    }
}
