/// A line of an imported file that cannot be imported, and why.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// The line in the file, counting the header as line 1.
    public var line: Int
    /// The column at fault, when one is.
    public var field: String?
    public var message: String

    public init(line: Int, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public init(line: Int, _ error: RecordError) {
        self.init(line: line, field: error.field, message: error.message)
    }

    /// `line 3: birth_date: "2011-13-01" is not a YYYY-MM-DD date`.
    public var description: String {
        "line \(line): " + (field.map { "\($0): " } ?? "") + message
    }
}

/// An import refused as a whole: nothing was imported, and every bad line is listed.
public struct ImportRejected: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    public var description: String {
        "nothing was imported: \(problems.count) line(s) cannot be imported; fix them and import the whole file again"
    }
}
