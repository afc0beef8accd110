/// A value of a record that cannot be accepted, naming the field (as the API and CSV files name
/// it: `birth_date`) and saying what to do.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    /// Lower case, saying what is wrong and what is expected.
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = QuotedText.bounded(message)
    }

    public var description: String { "\(field): \(message)" }
}
