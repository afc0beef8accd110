import ChantierPQ
import ChantierTestSupport
import Foundation
import Testing

/// The registry and work endpoints answer bad input with a 4xx naming the field, never a 500.
@Suite("Registry and work endpoints over the socket", .timeLimit(.minutes(3)))
struct RegistryAPITests {
    struct Case: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var body: String?
        var contentType = "application/json"
        var status: Int
        var kind: String
        var message: String

        var description: String { "\(method) \(path) \(body ?? "")" }
    }

    static let cases: [Case] = [
        Case(
            method: "POST",
            path: "/v1/participants",
            body: #"{"given_name": "A", "family_name": "B", "birth_date": "2011-13-01"}"#,
            status: 400,
            kind: "invalid-field",
            message: "birth_date"
        ),
        Case(
            method: "POST",
            path: "/v1/participants",
            body: #"{"given_name": "A", "family_name": "B", "birth_date": "2099-01-01"}"#,
            status: 400,
            kind: "invalid-field",
            message: "birth_date: 2099-01-01 is not a plausible birth date"
        ),
        Case(
            method: "POST",
            path: "/v1/participants",
            body: #"{"given_name": "A", "family_name": "B", "birth_date": "2011-01-01", "shoe_size": 40}"#,
            status: 400,
            kind: "unknown-field",
            message: "shoe_size"
        ),
        Case(
            method: "POST",
            path: "/v1/participants",
            body: #"{"given_name": " ", "family_name": "B", "birth_date": "2011-01-01"}"#,
            status: 400,
            kind: "invalid-field",
            message: "given_name: must not be blank"
        ),
        Case(
            method: "POST",
            path: "/v1/participants",
            body: #"{"given_name": "A", "family_name": "B", "birth_date": "2011-01-01", "sector": "nowhere"}"#,
            status: 422,
            kind: "invalid-field",
            message: "there is no sector nowhere"
        ),
        Case(
            method: "POST",
            path: "/v1/participants",
            body:
                #"{"given_name": "A", "family_name": "B", "birth_date": "2011-01-01", "availability": ["monday morning"]}"#,
            status: 400,
            kind: "invalid-field",
            message: "availability"
        ),
        Case(
            method: "GET",
            path: "/v1/participants/999",
            status: 404,
            kind: "not-found",
            message: "there is no participant 999"
        ),
        Case(method: "GET", path: "/v1/participants/abc", status: 400, kind: "", message: ""),
        Case(
            method: "GET",
            path: "/v1/participants?min_age=20&max_age=10",
            status: 400,
            kind: "invalid-field",
            message: "max_age"
        ),
        Case(
            method: "PATCH",
            path: "/v1/participants/999",
            body: #"{"phone": "1"}"#,
            status: 404,
            kind: "not-found",
            message: "participant 999"
        ),
        Case(method: "GET", path: "/v1/shifts?week=2026-48", status: 400, kind: "invalid-field", message: "week"),
        Case(
            method: "GET",
            path: "/v1/shifts?from=2026-12-01&to=2026-11-01",
            status: 400,
            kind: "invalid-field",
            message: "to"
        ),
        Case(
            method: "POST",
            path: "/v1/orders",
            body:
                #"{"title": "T", "site": "parc", "task": "t", "first_day": "2026-12-01", "weekdays": ["mon"], "start": "12:00", "end": "09:00"}"#,
            status: 400,
            kind: "invalid-field",
            message: "end"
        ),
        Case(
            method: "POST",
            path: "/v1/orders",
            body:
                #"{"title": "T", "site": "parc", "task": "t", "first_day": "2026-12-01", "weekdays": ["someday"], "start": "09:00", "end": "12:00"}"#,
            status: 400,
            kind: "invalid-field",
            message: "weekdays"
        ),
        Case(
            method: "POST",
            path: "/v1/orders",
            body:
                #"{"title": "T", "site": "nowhere", "task": "t", "first_day": "2026-12-01", "weekdays": ["mon"], "start": "09:00", "end": "12:00"}"#,
            status: 422,
            kind: "invalid-field",
            message: "there is no site nowhere"
        ),
        Case(
            method: "POST",
            path: "/v1/programs",
            body:
                #"{"code": "x", "name": "X", "audience": "youth", "effective_from": "2026-01-01", "policy": {"caps": [{"rule": "X-CAP", "season": "school-year", "work_minutes_per_week": 1200}]}}"#,
            status: 400,
            kind: "invalid-field",
            message: "policy"
        ),
        Case(
            method: "POST",
            path: "/v1/programs",
            body: #"{"code": "x", "name": "X"}"#,
            status: 400,
            kind: "invalid-field",
            message: "audience"
        ),
        Case(
            method: "POST",
            path: "/v1/shifts/999/assignments",
            body: #"{"participant_id": 1}"#,
            status: 404,
            kind: "not-found",
            message: "shift 999"
        ),
        Case(
            method: "POST",
            path: "/v1/site-imports",
            body: "code,name,sector\n",
            contentType: "text/plain",
            status: 415,
            kind: "unsupported-media-type",
            message: ""
        ),
        Case(
            method: "POST",
            path: "/v1/site-imports",
            body: "code,name\nparc,Parc\n",
            contentType: "text/csv",
            status: 422,
            kind: "invalid-rows",
            message: "line 1: sector: this column is required"
        ),
        Case(
            method: "POST",
            path: "/v1/calendars/x/imports",
            body: #"{"format": "ics", "content": "hello"}"#,
            status: 422,
            kind: "invalid-rows",
            message: "not an iCalendar file"
        ),
        Case(
            method: "POST",
            path: "/v1/calendars/x/imports",
            body: #"{"format": "csv", "content": "date,type\n2026-09-01,class\n"}"#,
            status: 400,
            kind: "invalid-field",
            message: "class hours"
        ),
        Case(
            method: "POST",
            path: "/v1/rules/check",
            body: "{}",
            status: 400,
            kind: "invalid-field",
            message: "format"
        ),
        Case(
            method: "POST",
            path: "/v1/clients",
            body: #"{"code": "c", "name": "C", "kind": "alien"}"#,
            status: 400,
            kind: "invalid-field",
            message: "kind"
        ),
    ]

    @Test func badInputGetsAClearErrorAndNeverA500() async throws {
        let database = try await TestDatabases.shared.database()
        let daemon = try await TestDaemon.start(conninfo: database.conninfo)
        try await daemon.waitUntilReady()
        for item in Self.cases {
            var arguments = ["-X", item.method]
            if let body = item.body { arguments += ["-H", "content-type: \(item.contentType)", "--data-binary", body] }
            let response = try await daemon.curl(arguments, path: item.path)
            #expect(response.status == item.status, "\(item): \(response.body)")
            if !item.kind.isEmpty {
                #expect(response.body.contains("\"kind\":\"\(item.kind)\""), "\(item): \(response.body)")
            }
            if !item.message.isEmpty { #expect(response.body.contains(item.message), "\(item): \(response.body)") }
        }
        await daemon.stop()
        #expect(!daemon.process.output.contains("request failed"), "no request reached the 500 path")
    }

    @Test func theLeaderMakesTheShiftsOfOrdersByItself() async throws {
        let database = try await TestDatabases.shared.database()
        try await database.withPool { pool throws in
            try await pool.withTransaction { connection throws in
                try await connection.query("SELECT set_config('chantier.actor_name', 'test', true)")
                try await connection.query(
                    """
                    INSERT INTO sectors (code, name) VALUES ('nord', 'Nord');
                    """
                )
                try await connection.query(
                    "INSERT INTO sites (code, name, sector_id) SELECT 'parc', 'Parc', id FROM sectors WHERE code = 'nord'"
                )
                try await connection.query("INSERT INTO task_kinds (code, name) VALUES ('t', 'T')")
                try await connection.query(
                    """
                    INSERT INTO work_orders (site_id, task_kind_id, title, first_day, weekdays, start_time, end_time, headcount)
                    SELECT site.id, task.id, 'Tous les jours', current_date - 3, '{1,2,3,4,5,6,7}', '09:00', '10:00', 1
                    FROM sites site, task_kinds task
                    """
                )
            }
        }
        let daemon = try await TestDaemon.start(
            conninfo: database.conninfo,
            configuration: "shifts:\n  horizon_days: 10\n"
        )
        try await daemon.waitUntilReady()
        var count = 0
        for _ in 0..<100 where count == 0 {
            try await Task.sleep(for: .milliseconds(100))
            count = try await database.withPool { pool throws in
                try await pool.query("SELECT count(*) FROM shifts").value(Int.self)
            }
        }
        #expect(count == 10, "today and the 9 days after, not the days before")
        let materialized = try await daemon.chantierctl(["--json", "shift", "materialize"])
        #expect(materialized.output.contains("\"shifts_created\" : 0"), "\(materialized.output)")
        await daemon.stop()
    }
}
