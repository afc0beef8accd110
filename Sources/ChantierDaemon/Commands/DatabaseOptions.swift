import ArgumentParser
import ChantierPQ
import Foundation
import Logging

/// The database a command works on.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A libpq connection string or URI.",
            discussion: "Defaults to CHANTIER_DATABASE, else libpq's own defaults (PGHOST, PGDATABASE, ~/.pgpass…).",
            valueName: "conninfo"
        )
    )
    var conninfo: String?

    @Option(help: ArgumentHelp("The directory of the SQL migrations.", valueName: "dir"))
    var migrations: String?

    var resolvedConninfo: String {
        conninfo ?? ProcessInfo.processInfo.environment["CHANTIER_DATABASE"] ?? ""
    }

    /// Where the connection string came from, for messages (the string itself may hold a password).
    var conninfoSource: String {
        if conninfo != nil { return "--database" }
        if ProcessInfo.processInfo.environment["CHANTIER_DATABASE"] != nil { return "CHANTIER_DATABASE" }
        return "libpq's defaults (PGHOST, PGDATABASE…)"
    }

    /// Runs `body` with a small pool on the database, closed afterwards. A database that cannot
    /// be reached is reported as such, with what to change.
    func withPool<Result>(logger: Logger, _ body: (PQPool) async throws -> Result) async throws -> Result {
        let pool = PQPool(
            configuration: .init(
                connection: .init(conninfo: resolvedConninfo, applicationName: "chantierd"),
                maxConnections: 2
            ),
            logger: logger
        )
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch let error as PQError where error.code == .connectionFailed {
            await pool.close()
            throw DaemonError(
                code: .databaseUnreachable,
                message: "cannot reach the database given by \(conninfoSource): \(error.message). "
                    + "Check that PostgreSQL runs, or point --database or CHANTIER_DATABASE at it"
            )
        } catch {
            await pool.close()
            throw error
        }
    }
}
