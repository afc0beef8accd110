/// A SQL statement whose interpolated values are sent as parameters, never spliced into the text.
///
/// ```swift
/// let query: PQQuery = "SELECT id FROM participants WHERE family_name = \(name) AND birth_date < \(date)"
/// // sql: SELECT id FROM participants WHERE family_name = $1 AND birth_date < $2
/// ```
///
/// A literal without interpolation is static text and is accepted as is. Other text can only become
/// SQL through ``init(unsafeSQL:)``, whose name makes every such place easy to find and review.
/// Queries compose: interpolating a ``PQQuery`` splices its text and renumbers its parameters.
public struct PQQuery: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        /// Text written in the source: kept as the literal itself, so that building a query
        /// copies nothing, and compared by its address (see ``PQConnection/StatementKey``).
        case literal(StaticString)
        /// Other text (``init(unsafeSQL:)``, quoted identifiers).
        case text(String)
        case bind(Int)

        static func == (lhs: Segment, rhs: Segment) -> Bool {
            switch (lhs, rhs) {
            case (.literal(let left), .literal(let right)):
                left.utf8Start == right.utf8Start && left.utf8CodeUnitCount == right.utf8CodeUnitCount
            case (.text(let left), .text(let right)): left == right
            case (.bind(let left), .bind(let right)): left == right
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .literal(let literal):
                hasher.combine(0)
                hasher.combine(literal.utf8Start)
                hasher.combine(literal.utf8CodeUnitCount)
            case .text(let text):
                hasher.combine(1)
                hasher.combine(text)
            case .bind(let index):
                hasher.combine(2)
                hasher.combine(index)
            }
        }

        /// A literal with no pointer to its text (a single Unicode scalar) is kept as text.
        init(_ literal: StaticString) {
            self = literal.hasPointerRepresentation ? .literal(literal) : .text(literal.description)
        }
    }

    private(set) var segments: [Segment]
    /// The parameters, in the order of their `$n` placeholders.
    public private(set) var binds: [PQBind]

    init(segments: [Segment], binds: [PQBind]) {
        self.segments = segments
        self.binds = binds
    }

    /// Raw SQL text. Never pass text that came from input: interpolate values instead.
    public init(unsafeSQL sql: String) {
        self.init(segments: [.text(sql)], binds: [])
    }

    /// The SQL text with `$1`, `$2`… placeholders, written out when asked for: a statement already
    /// prepared on the connection is found without it.
    public var sql: String { Self.render(segments) }

    public var description: String { sql }

    public static func == (lhs: PQQuery, rhs: PQQuery) -> Bool {
        lhs.binds == rhs.binds && lhs.sql == rhs.sql
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sql)
        hasher.combine(binds)
    }

    static func render(_ segments: [Segment]) -> String {
        var sql = ""
        // Text as is, and about four bytes for each `$n`.
        sql.reserveCapacity(
            segments.reduce(0) { total, segment in
                switch segment {
                case .literal(let literal): total + literal.utf8CodeUnitCount
                case .text(let text): total + text.utf8.count
                case .bind: total + 4
                }
            }
        )
        for segment in segments {
            switch segment {
            case .literal(let literal): literal.withUTF8Buffer { sql += String(decoding: $0, as: UTF8.self) }
            case .text(let text): sql += text
            case .bind(let index): sql += "$\(index + 1)"
            }
        }
        return sql
    }

    /// This query followed by `other`, with `other`'s parameters renumbered.
    public func appending(_ other: PQQuery) -> PQQuery {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        interpolation.segments = segments
        interpolation.binds = binds
        interpolation.appendInterpolation(other)
        return PQQuery(segments: interpolation.segments, binds: interpolation.binds)
    }

    /// The queries joined by `separator` (static text), for example conditions joined by `AND`.
    public static func joined(_ parts: [PQQuery], separator: StaticString) -> PQQuery {
        var result = PQQuery(segments: [], binds: [])
        for (index, part) in parts.enumerated() {
            if index > 0 { result = result.appending(PQQuery(segments: [Segment(separator)], binds: [])) }
            result = result.appending(part)
        }
        return result
    }
}

extension PQQuery: ExpressibleByStringInterpolation {
    public init(stringLiteral value: StaticString) {
        self.init(segments: [Segment(value)], binds: [])
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(segments: stringInterpolation.segments, binds: stringInterpolation.binds)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var segments: [Segment] = []
        var binds: [PQBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            segments.reserveCapacity(interpolationCount * 2 + 1)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            // The compiler adds an empty literal around each interpolation.
            if literal.hasPointerRepresentation && literal.utf8CodeUnitCount == 0 { return }
            segments.append(Segment(literal))
        }

        /// A value, sent as the next `$n` parameter.
        public mutating func appendInterpolation<Value: PQEncodable>(_ value: Value) {
            appendBind(PQBind(value))
        }

        /// An optional value, sent as the next `$n` parameter (NULL when `nil`).
        public mutating func appendInterpolation<Value: PQEncodable>(_ value: Value?) {
            appendBind(PQBind(value))
        }

        /// Another query, spliced in with its parameters renumbered.
        public mutating func appendInterpolation(_ fragment: PQQuery) {
            let offset = binds.count
            for segment in fragment.segments {
                switch segment {
                case .literal, .text: segments.append(segment)
                case .bind(let index): segments.append(.bind(index + offset))
                }
            }
            binds.append(contentsOf: fragment.binds)
        }

        /// A quoted SQL identifier (a table, channel or database name), with embedded quotes doubled.
        public mutating func appendInterpolation(identifier: String) {
            segments.append(.text(PQQuery.quoteIdentifier(identifier)))
        }

        private mutating func appendBind(_ bind: PQBind) {
            segments.append(.bind(binds.count))
            binds.append(bind)
        }
    }

    /// `name` as a quoted SQL identifier.
    public static func quoteIdentifier(_ name: String) -> String {
        var quoted = "\""
        for character in name {
            quoted.append(character)
            if character == "\"" { quoted.append(character) }
        }
        return quoted + "\""
    }
}
