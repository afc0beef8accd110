import ChantierCore
import Logging

/// Everything `chantierd serve` is configured with, with its defaults. `Config/chantierd.yaml`
/// documents every key; ``DaemonConfiguration/init(reader:)`` reads them.
struct DaemonConfiguration: Sendable, Equatable {
    struct Database: Sendable, Equatable {
        /// A libpq connection string or URI; empty for libpq's defaults.
        var conninfo = ""
        var poolSize = 10
        var acquireTimeout: Duration = .seconds(10)
        var statementTimeout: Duration? = .seconds(30)
        var migrateOnStart = false
        var migrationsDirectory: String?
    }

    struct API: Sendable, Equatable {
        var socketPath = "/run/chantier/chantierd.sock"
        /// The socket file's mode, when the daemon binds it itself.
        var socketMode: UInt32 = 0o660
        /// The socket file's group, when the daemon binds it itself; `nil` keeps the daemon's group.
        var socketGroup: String? = "chantier"
        var maxBodyBytes = 1 << 20
        /// How long an idle client connection is kept open.
        var idleTimeout: Duration = .seconds(60)
        /// How long a client may take to send one whole request, from its first byte.
        var requestTimeout: Duration = .seconds(30)
        /// How many client connections are served at once; further clients wait to be accepted.
        var maxConnections = 256
    }

    /// The Unix groups whose members have each role; root is always admin.
    struct Roles: Sendable, Equatable {
        var adminGroup = "chantier-admin"
        var coordinatorGroup = "chantier-coordinators"
        var supervisorGroup = "chantier-supervisors"
        var managerGroup = "chantier-managers"
    }

    enum LogFormat: String, Sendable, Equatable, CaseIterable {
        /// The journal when standard error is connected to it, `logfmt` otherwise.
        case auto
        case journal
        case logfmt
    }

    struct Log: Sendable, Equatable {
        var level: Logger.Level = .info
        var format: LogFormat = .auto
    }

    /// Shifts made from work orders.
    struct Shifts: Sendable, Equatable {
        /// How far ahead shifts are made: today and the days after, this many in all.
        var horizonDays = 28
        /// How often the leader makes the shifts of the new days.
        var materializeInterval: Duration = .seconds(3600)
    }

    /// Hours: who logs them and when weeks are due.
    struct Hours: Sendable, Equatable {
        /// Supervisors may log hours and submit weeks at every site, not only those they supervise.
        var supervisorsAnySite = false
        var deadlines = WeekDeadlines()
        /// How long after a shift ends its hours may stay unlogged before an alert.
        var missingHoursGraceMinutes = 12 * 60
    }

    /// The leader's scan for late weeks, missing hours and expiring papers.
    struct Alerts: Sendable, Equatable {
        var scanInterval: Duration = .seconds(15 * 60)
        var expiryWarningDays = 30
    }

    /// The planner: budgets, and when the leader proposes next week's plan.
    struct Planner: Sendable, Equatable {
        /// The budget of a proposal that names none, and the most one may ask.
        var defaultSeconds = 10
        var maxSeconds = 300
        /// When the leader proposes next week's plan each week; `nil`: never.
        var proposeAt: WeekDeadlines.Deadline? = WeekDeadlines.Deadline(weekday: .thursday, time: LocalTime(hour: 18)!)
        var proposeSeconds = 60
    }

    var database = Database()
    var api = API()
    var roles = Roles()
    var log = Log()
    var shifts = Shifts()
    var hours = Hours()
    var alerts = Alerts()
    var planner = Planner()
    /// How often the leader brings the hours by month up to date with the ledger.
    var statisticsRefreshInterval: Duration = .seconds(5 * 60)
    /// Follow-ups after exits, and the soft exit of participants who stopped coming.
    var followUps = FollowUpSchedule()
    /// How long personal data is kept, and how often the leader applies it.
    var retention = RetentionPolicy()
    var retentionInterval: Duration = .seconds(3600)
    /// The minimum hourly wage by date, the floor of every rate payroll uses.
    var minimumWage = MinimumWage.quebec
    /// The organisation's time zone: local times, days and weeks are in it.
    var timeZone = "America/Toronto"
    /// How long a shutdown waits for requests in flight, below systemd's stop timeout.
    var drainTimeout: Duration = .seconds(20)
}
