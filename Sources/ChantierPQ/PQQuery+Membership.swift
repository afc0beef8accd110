extension PQQuery {
    /// `= $n` when `values` holds one value, `= ANY($n)` otherwise: the right-hand side of a
    /// membership test, as in `"WHERE id \(PQQuery.isAny(of: ids))"`.
    ///
    /// The two forms are distinct prepared statements, and that matters: with an array parameter
    /// PostgreSQL cannot tell how many values will come, estimates several rows, and so keeps
    /// planning the statement anew at every execution, for the one-row case as for the others; a
    /// single value gets a generic plan made once per connection.
    public static func isAny<Value: PQArrayElement>(of values: [Value]) -> PQQuery {
        if values.count == 1 { "= \(values[0])" } else { "= ANY(\(values))" }
    }
}
