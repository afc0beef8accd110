extension PQQuery {
    /// The conditions given, each in parentheses, joined by `AND`; `true` when none is. For lists
    /// with optional filters: a filter's condition is in the statement only when the filter is.
    ///
    /// The one-statement way, `($1::text IS NULL OR site.code = $1)`, is planned badly: after its
    /// fifth execution PostgreSQL settles on a generic plan, made without the parameters' values,
    /// that must serve with and without the filter, so it cannot go through the filter's index. A
    /// site's week of hours went through the date index and read every site's entries of the week
    /// (36 ms instead of 7 ms for 546 entries among 10,902). Here each combination of filters is a
    /// statement of its own, whose generic plan uses the indexes its filters allow.
    public static func allOf(_ conditions: [PQQuery?]) -> PQQuery {
        let present = conditions.compactMap { $0 }
        if present.isEmpty { return "true" }
        return .joined(present.map { "(\($0))" }, separator: " AND ")
    }
}
