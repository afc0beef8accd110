internal import CLibPQ
import Glibc

/// The rows a statement returned, read in place from libpq's result (freed when the last reference
/// goes away). Reading a result never blocks.
public final class PQResult: Sendable, RandomAccessCollection {
    // A PGresult is immutable once returned, so reading it from any thread is safe. Its column
    // names and command tag are read from it when asked for, not copied for every result.
    nonisolated(unsafe) private let raw: OpaquePointer

    init(raw: OpaquePointer) {
        self.raw = raw
    }

    /// The column names, in order.
    public var columns: [String] {
        (0..<PQnfields(raw)).map { String(cString: PQfname(raw, $0)) }
    }

    var columnCount: Int { Int(PQnfields(raw)) }

    /// Rows inserted, updated or deleted (the command tag's count), or the rows returned by a SELECT.
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(raw))) ?? Int(PQntuples(raw))
    }

    /// The command tag, such as `INSERT 0 1` or `SELECT 3`.
    public var commandTag: String { String(cString: PQcmdStatus(raw)) }

    deinit {
        PQclear(raw)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(PQntuples(raw)) }

    public subscript(position: Int) -> PQRow {
        PQRow(result: self, index: position)
    }

    /// The first column called `name` (compared exactly: libpq's `PQfnumber` would fold case).
    func columnIndex(_ name: String) -> Int? {
        name.withCString { target in (0..<PQnfields(raw)).first { strcmp(PQfname(raw, $0), target) == 0 } }
            .map(Int.init)
    }

    func columnName(_ column: Int) -> String {
        String(cString: PQfname(raw, Int32(column)))
    }

    func text(row: Int, column: Int) -> String? {
        guard PQgetisnull(raw, Int32(row), Int32(column)) == 0 else { return nil }
        return String(cString: PQgetvalue(raw, Int32(row), Int32(column)))
    }

    /// The first row, or `nil` when the statement returned none.
    public var firstRow: PQRow? {
        isEmpty ? nil : self[0]
    }

    /// The first column of the first row, for statements that compute one value.
    ///
    /// - Throws: ``PQError`` with ``PQError/Code/noRows`` when there is no row.
    public func value<Value: PQDecodable>(_ type: Value.Type = Value.self) throws(PQError) -> Value {
        guard let row = firstRow else {
            throw PQError(code: .noRows, message: "the statement (\(commandTag)) returned no rows")
        }
        return try row.decode(type, column: 0)
    }
}

/// One row of a ``PQResult``.
public struct PQRow: Sendable {
    let result: PQResult
    let index: Int

    /// The column at `column` (0-based) decoded as `type`.
    public func decode<Value: PQDecodable>(_ type: Value.Type = Value.self, column: Int) throws(PQError) -> Value {
        guard column >= 0, column < result.columnCount else {
            throw PQError(
                code: .columnNotFound,
                message: "column \(column) is out of range (\(result.columnCount) columns)"
            )
        }
        return try decodeValue(type, at: column)
    }

    /// The column named `name` decoded as `type`.
    public func decode<Value: PQDecodable>(
        _ type: Value.Type = Value.self,
        column name: String
    ) throws(PQError) -> Value {
        guard let column = result.columnIndex(name) else {
            throw PQError(code: .columnNotFound, message: "column \"\(name)\" is not in the result")
        }
        return try decodeValue(type, at: column)
    }

    /// The first columns decoded as the given types, in order.
    ///
    /// ```swift
    /// let (id, name, archived) = try row.decode(Int.self, String.self, Date?.self)
    /// ```
    public func decode<each Value: PQDecodable>(
        _ types: repeat (each Value).Type
    ) throws(PQError) -> (repeat each Value) {
        var column = 0
        func next<Next: PQDecodable>(_ type: Next.Type) throws(PQError) -> Next {
            defer { column += 1 }
            return try decode(type, column: column)
        }
        return (repeat try next(each types))
    }

    /// Whether the column at `column` is NULL.
    public func isNull(column: Int) -> Bool {
        result.text(row: index, column: column) == nil
    }

    private func decodeValue<Value: PQDecodable>(_ type: Value.Type, at column: Int) throws(PQError) -> Value {
        do {
            if let text = result.text(row: index, column: column) {
                return try Value(pqText: text)
            }
            return try Value.pqNull()
        } catch {
            var failure = PQError(
                code: error.isNull ? .unexpectedNull : .decodingFailed,
                message: "column \"\(result.columnName(column))\" \(error.reason)"
            )
            failure.column = result.columnName(column)
            throw failure
        }
    }
}
