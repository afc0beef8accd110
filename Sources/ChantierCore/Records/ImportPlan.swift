/// What a file brings: the lines that read well, and the problems of the others. An import goes
/// on to check the good lines against the database, so that one refusal lists every bad line.
public struct ImportPlan<Item: Sendable>: Sendable {
    public var items: [(line: Int, item: Item)]
    public var problems: [ImportProblem]

    public init(items: [(line: Int, item: Item)] = [], problems: [ImportProblem] = []) {
        self.items = items
        self.problems = problems
    }

    /// The items, or ``ImportRejected`` when any line has a problem.
    public func accepted() throws(ImportRejected) -> [(line: Int, item: Item)] {
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return items
    }

    /// Throws every problem, these and `more`, in the order of the file's lines.
    public func check(adding more: [ImportProblem]) throws(ImportRejected) {
        let all = (problems + more).sorted { $0.line < $1.line }
        guard all.isEmpty else { throw ImportRejected(problems: all) }
    }
}
