/// How to open a database connection.
public struct PQConnectionConfiguration: Sendable {
    /// A libpq connection string (`host=/run/postgresql dbname=chantier`) or URI
    /// (`postgresql:///chantier`). Empty means libpq's defaults: the `PG*` environment variables,
    /// `~/.pgpass` and `pg_service.conf` apply as they do for `psql`.
    public var conninfo: String
    /// Sent as `fallback_application_name`, so an `application_name` in the conninfo wins.
    public var applicationName: String
    /// Server-side limit for each statement; `nil` disables it.
    public var statementTimeout: Duration?
    /// How long to wait for the server when connecting, unless the conninfo or `PGCONNECT_TIMEOUT` sets it.
    public var connectTimeout: Duration

    public init(
        conninfo: String = "",
        applicationName: String = "chantier",
        statementTimeout: Duration? = .seconds(30),
        connectTimeout: Duration = .seconds(10)
    ) {
        self.conninfo = conninfo
        self.applicationName = applicationName
        self.statementTimeout = statementTimeout
        self.connectTimeout = connectTimeout
    }
}
