public import Foundation

/// One numbered SQL file of `Migrations/`, such as `0001_foundation.sql`.
///
/// A migration runs in one transaction, so it must not contain `BEGIN`/`COMMIT` nor statements
/// that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`).
public struct Migration: Sendable, Hashable {
    /// The number the file name starts with; migrations apply in this order.
    public let version: Int
    /// The file name, as recorded in `schema_migrations`.
    public let fileName: String
    public let sql: String

    public init(version: Int, fileName: String, sql: String) {
        self.version = version
        self.fileName = fileName
        self.sql = sql
    }

    /// Reads every `NNNN_name.sql` file of `directory`, ordered by version.
    ///
    /// - Throws: ``StorageError`` when the directory is missing or empty, a `.sql` file is misnamed,
    ///   or two files share a version.
    public static func load(from directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw StorageError(
                code: .migrationsNotFound,
                message: "cannot read the migrations directory \(directory.path); pass its location with --migrations"
            )
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard let version = Self.version(ofFileName: name) else {
                throw StorageError(
                    code: .invalidMigration,
                    message: "\(name) in \(directory.path) is not named NNNN_description.sql; rename it"
                )
            }
            if let other = migrations.first(where: { $0.version == version }) {
                throw StorageError(
                    code: .invalidMigration,
                    message: "\(name) and \(other.fileName) share the version \(version); renumber one of them"
                )
            }
            let sql: String
            do {
                sql = try String(contentsOf: directory.appending(path: name), encoding: .utf8)
            } catch {
                throw StorageError(code: .invalidMigration, message: "cannot read \(name) as UTF-8 text")
            }
            migrations.append(Migration(version: version, fileName: name, sql: sql))
        }
        guard !migrations.isEmpty else {
            throw StorageError(
                code: .migrationsNotFound,
                message: "no NNNN_description.sql file in \(directory.path); pass the right directory with --migrations"
            )
        }
        return migrations.sorted { $0.version < $1.version }
    }

    /// The version of `0001_foundation.sql` is 1; `nil` when the name does not follow the pattern.
    static func version(ofFileName name: String) -> Int? {
        let stem = name.dropLast(".sql".count)
        guard let underscore = stem.firstIndex(of: "_"), underscore != stem.startIndex,
            stem[stem.index(after: underscore)...].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
            stem.index(after: underscore) != stem.endIndex
        else { return nil }
        let digits = stem[..<underscore]
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }
}
