import ChantierCore
import Configuration
import Foundation
import Logging

extension DaemonConfiguration {
    /// The keys, their environment variables and what they hold. Environment variables are the
    /// key upper-cased with `CHANTIER_` in front (`database.pool_size` is
    /// `CHANTIER_DATABASE_POOL_SIZE`), except `CHANTIER_DATABASE` for `database.url` and
    /// `CHANTIER_SOCKET` for `api.socket`.
    ///
    /// | key | default | |
    /// |---|---|---|
    /// | `database.url` | libpq's defaults | connection string or URI |
    /// | `database.pool_size` | 10 | connections |
    /// | `database.acquire_timeout_seconds` | 10 | wait for a free connection |
    /// | `database.statement_timeout_seconds` | 30 | 0 turns it off |
    /// | `database.migrate_on_start` | false | apply migrations at start-up |
    /// | `database.migrations_dir` | found next to the binary | |
    /// | `api.socket` | /run/chantier/chantierd.sock | |
    /// | `api.socket_mode` | 0660 | octal |
    /// | `api.socket_group` | chantier | empty keeps the daemon's group |
    /// | `api.max_body_bytes` | 1048576 | |
    /// | `api.idle_timeout_seconds` | 60 | |
    /// | `api.request_timeout_seconds` | 30 | from a request's first byte to its last |
    /// | `api.max_connections` | 256 | served at once; others wait to be accepted |
    /// | `roles.admin_group` … `roles.manager_group` | chantier-admin, chantier-coordinators, chantier-supervisors, chantier-managers | |
    /// | `log.level` | info | trace, debug, info, notice, warning, error, critical |
    /// | `log.format` | auto | auto, journal, logfmt |
    /// | `organisation.time_zone` | America/Toronto | |
    /// | `shifts.horizon_days` | 28 | days ahead that shifts are made for |
    /// | `shifts.materialize_interval_minutes` | 60 | how often the leader makes them |
    /// | `hours.supervisors_any_site` | false | supervisors log for every site, not only theirs |
    /// | `hours.submit_deadline` | sunday 23:59 | when a week's hours are due |
    /// | `hours.approve_deadline` | monday 17:00 | when a submitted week must be approved |
    /// | `hours.missing_hours_grace_hours` | 12 | after a shift's end, before its missing hours raise an alert |
    /// | `alerts.scan_interval_minutes` | 15 | how often the leader looks for late weeks and missing hours |
    /// | `alerts.expiry_warning_days` | 30 | consents and certifications expiring within this many days |
    /// | `statistics.refresh_interval_minutes` | 5 | how often the leader brings the hours by month up to date |
    /// | `planner.default_seconds` | 10 | budget of a proposal that names none |
    /// | `planner.max_seconds` | 300 | the most a proposal may ask |
    /// | `planner.propose_at` | thursday 18:00 | when the leader proposes next week's plan; `off`: never |
    /// | `planner.propose_seconds` | 60 | the budget of that proposal |
    /// | `followups.offsets_days` | 90,180,365 | days after an exit at which someone is contacted; empty: none |
    /// | `followups.soft_exit_days` | 90 | days without hours or assignment before an exit is proposed; 0: never |
    /// | `retention.years` | 7 | years after a participant's last exit before they are anonymised; 0: never |
    /// | `retention.request_copy_days` | 7 | days the bodies of idempotent requests are kept for replay |
    /// | `retention.interval_minutes` | 60 | how often the leader applies them |
    /// | `payroll.minimum_wage` | Québec's table | `YYYY-MM-DD=DOLLARS,…`, the floor of every rate |
    /// | `shutdown.drain_seconds` | 20 | |
    static let keys: [String] = [
        "database.url", "database.pool_size", "database.acquire_timeout_seconds", "database.statement_timeout_seconds",
        "database.migrate_on_start", "database.migrations_dir", "api.socket", "api.socket_mode", "api.socket_group",
        "api.max_body_bytes", "api.idle_timeout_seconds", "api.request_timeout_seconds", "api.max_connections",
        "roles.admin_group", "roles.coordinator_group",
        "roles.supervisor_group", "roles.manager_group", "log.level", "log.format", "organisation.time_zone",
        "shifts.horizon_days", "shifts.materialize_interval_minutes", "hours.supervisors_any_site",
        "hours.submit_deadline",
        "hours.approve_deadline", "hours.missing_hours_grace_hours", "alerts.scan_interval_minutes",
        "alerts.expiry_warning_days", "statistics.refresh_interval_minutes", "planner.default_seconds",
        "planner.max_seconds", "planner.propose_at",
        "planner.propose_seconds", "followups.offsets_days", "followups.soft_exit_days", "retention.years",
        "retention.request_copy_days",
        "retention.interval_minutes", "payroll.minimum_wage",
        "shutdown.drain_seconds",
    ]

    /// Environment variables with names that do not follow from their key.
    static let environmentAliases = [
        "DATABASE": "DATABASE_URL", "SOCKET": "API_SOCKET", "MIGRATIONS": "DATABASE_MIGRATIONS_DIR",
    ]

    /// Reads every key from `reader`, leaving the default where a key is absent.
    ///
    /// - Throws: ``DaemonError`` with ``DaemonError/Code/invalidConfiguration`` naming the first key
    ///   whose value is not valid, and what it should be.
    init(reader: ConfigReader) throws {
        self.init()
        let values = Values(reader: reader)
        database.conninfo = values.string("database.url") ?? database.conninfo
        database.poolSize = try values.integer("database.pool_size", in: 1...200) ?? database.poolSize
        database.acquireTimeout =
            try values.seconds("database.acquire_timeout_seconds", in: 1...600) ?? database.acquireTimeout
        if let seconds = try values.integer("database.statement_timeout_seconds", in: 0...86_400) {
            database.statementTimeout = seconds == 0 ? nil : .seconds(seconds)
        }
        database.migrateOnStart = try values.boolean("database.migrate_on_start") ?? database.migrateOnStart
        database.migrationsDirectory = values.string("database.migrations_dir").flatMap { $0.isEmpty ? nil : $0 }
        api.socketPath =
            try values.parsed("api.socket", expecting: "an absolute path no longer than 107 bytes") {
                $0.hasPrefix("/") && $0.utf8.count <= 107 ? $0 : nil
            } ?? api.socketPath
        api.socketMode =
            try values.parsed("api.socket_mode", expecting: "an octal file mode such as 0660") {
                UInt32($0, radix: 8).flatMap { $0 <= 0o777 ? $0 : nil }
            } ?? api.socketMode
        if let group = values.string("api.socket_group") { api.socketGroup = group.isEmpty ? nil : group }
        api.maxBodyBytes = try values.integer("api.max_body_bytes", in: 1024...(256 << 20)) ?? api.maxBodyBytes
        api.idleTimeout = try values.seconds("api.idle_timeout_seconds", in: 1...3600) ?? api.idleTimeout
        api.requestTimeout = try values.seconds("api.request_timeout_seconds", in: 1...3600) ?? api.requestTimeout
        api.maxConnections = try values.integer("api.max_connections", in: 1...65_536) ?? api.maxConnections
        roles.adminGroup = try values.groupName("roles.admin_group") ?? roles.adminGroup
        roles.coordinatorGroup = try values.groupName("roles.coordinator_group") ?? roles.coordinatorGroup
        roles.supervisorGroup = try values.groupName("roles.supervisor_group") ?? roles.supervisorGroup
        roles.managerGroup = try values.groupName("roles.manager_group") ?? roles.managerGroup
        log.level =
            try values.parsed("log.level", expecting: "trace, debug, info, notice, warning, error or critical") {
                Logger.Level(rawValue: $0.lowercased())
            } ?? log.level
        log.format =
            try values.parsed("log.format", expecting: "auto, journal or logfmt") {
                LogFormat(rawValue: $0.lowercased())
            } ?? log.format
        timeZone =
            try values.parsed("organisation.time_zone", expecting: "a time zone such as America/Toronto") {
                TimeZone(identifier: $0) == nil ? nil : $0
            } ?? timeZone
        shifts.horizonDays = try values.integer("shifts.horizon_days", in: 1...730) ?? shifts.horizonDays
        if let minutes = try values.integer("shifts.materialize_interval_minutes", in: 1...1440) {
            shifts.materializeInterval = .seconds(minutes * 60)
        }
        hours.supervisorsAnySite = try values.boolean("hours.supervisors_any_site") ?? hours.supervisorsAnySite
        hours.deadlines.submit =
            try values.parsed("hours.submit_deadline", expecting: "a day and a time such as \"sunday 23:59\"") {
                WeekDeadlines.Deadline(text: $0)
            } ?? hours.deadlines.submit
        hours.deadlines.approve =
            try values.parsed("hours.approve_deadline", expecting: "a day and a time such as \"monday 17:00\"") {
                WeekDeadlines.Deadline(text: $0)
            } ?? hours.deadlines.approve
        if let grace = try values.integer("hours.missing_hours_grace_hours", in: 0...336) {
            hours.missingHoursGraceMinutes = grace * 60
        }
        if let minutes = try values.integer("alerts.scan_interval_minutes", in: 1...1440) {
            alerts.scanInterval = .seconds(minutes * 60)
        }
        alerts.expiryWarningDays =
            try values.integer("alerts.expiry_warning_days", in: 0...365) ?? alerts.expiryWarningDays
        if let minutes = try values.integer("statistics.refresh_interval_minutes", in: 1...1440) {
            statisticsRefreshInterval = .seconds(minutes * 60)
        }
        planner.maxSeconds = try values.integer("planner.max_seconds", in: 1...3600) ?? planner.maxSeconds
        planner.defaultSeconds =
            try values.integer("planner.default_seconds", in: 1...planner.maxSeconds) ?? planner.defaultSeconds
        planner.proposeSeconds =
            try values.integer("planner.propose_seconds", in: 1...planner.maxSeconds) ?? planner.proposeSeconds
        planner.proposeAt =
            try values.parsed("planner.propose_at", expecting: "a day and a time such as \"thursday 18:00\", or off") {
                $0.lowercased() == "off" ? .some(nil) : WeekDeadlines.Deadline(text: $0).map { .some($0) }
            } ?? planner.proposeAt
        followUps.offsetsDays =
            try values.parsed("followups.offsets_days", expecting: "days after an exit such as \"90,180,365\"") {
                Self.offsets($0)
            } ?? followUps.offsetsDays
        if let days = try values.integer("followups.soft_exit_days", in: 0...3650) {
            followUps.softExitDays = days == 0 ? nil : days
        }
        if let years = try values.integer("retention.years", in: 0...100) {
            retention.years = years == 0 ? nil : years
        }
        retention.requestCopyDays =
            try values.integer("retention.request_copy_days", in: 1...365) ?? retention.requestCopyDays
        if let minutes = try values.integer("retention.interval_minutes", in: 1...1440) {
            retentionInterval = .seconds(minutes * 60)
        }
        minimumWage =
            try values.parsed(
                "payroll.minimum_wage",
                expecting: "dated hourly rates such as \"2024-05-01=15.75,2025-05-01=16.10\""
            ) { try? MinimumWage(text: $0) } ?? minimumWage
        drainTimeout = try values.seconds("shutdown.drain_seconds", in: 1...300) ?? drainTimeout
    }

    /// Days from 1 to 3650 separated by commas, in any order; an empty text is no follow-up.
    static func offsets(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let days = parts.compactMap { Int($0) }.filter { (1...3650).contains($0) }
        return days.count == parts.count ? FollowUpSchedule(offsetsDays: days).offsetsDays : nil
    }

    /// The environment variable for `key`.
    static func environmentVariable(for key: String) -> String {
        let name = key.uppercased().replacingOccurrences(of: ".", with: "_")
        let alias = environmentAliases.first { $0.value == name }?.key
        return "CHANTIER_" + (alias ?? name)
    }

    /// Typed reading of string values, with errors that name the key.
    private struct Values {
        let reader: ConfigReader

        func string(_ key: String) -> String? {
            reader.string(forKey: ConfigKey(key))
        }

        func parsed<Value>(_ key: String, expecting: String, _ parse: (String) -> Value?) throws -> Value? {
            guard let text = string(key) else { return nil }
            guard let value = parse(text.trimmingCharacters(in: .whitespaces)) else {
                throw DaemonError(
                    code: .invalidConfiguration,
                    message: "configuration key \(key) (\(DaemonConfiguration.environmentVariable(for: key))): "
                        + "\"\(text)\" is not valid; use \(expecting)"
                )
            }
            return value
        }

        func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
            try parsed(key, expecting: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
                Int($0).flatMap { range.contains($0) ? $0 : nil }
            }
        }

        func seconds(_ key: String, in range: ClosedRange<Int>) throws -> Duration? {
            try integer(key, in: range).map { .seconds($0) }
        }

        func boolean(_ key: String) throws -> Bool? {
            try parsed(key, expecting: "true or false") {
                switch $0.lowercased() {
                case "true", "yes", "1": true
                case "false", "no", "0": false
                default: nil
                }
            }
        }

        func groupName(_ key: String) throws -> String? {
            try parsed(key, expecting: "a Unix group name") { try? RecordFields.unixName($0, field: key) }
        }
    }
}
