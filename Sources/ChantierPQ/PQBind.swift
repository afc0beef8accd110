/// One query parameter: its type and its text, or `nil` for NULL.
public struct PQBind: Hashable, Sendable {
    public var type: PQType
    public var text: String?

    public init(type: PQType, text: String?) {
        self.type = type
        self.text = text
    }

    public init<Value: PQEncodable>(_ value: Value) {
        self.init(type: Value.pqType, text: value.pqText)
    }

    public init<Value: PQEncodable>(_ value: Value?) {
        self.init(type: Value.pqType, text: value?.pqText)
    }
}
