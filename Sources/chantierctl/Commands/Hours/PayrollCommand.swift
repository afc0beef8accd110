import ArgumentParser
import ChantierAPI
import ChantierClient
import Foundation

/// `chantierctl payroll export`: a pay period's approved hours, priced.
struct PayrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payroll",
        abstract: "Export a pay period's approved hours for payroll.",
        subcommands: [Export.self]
    )

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approved minutes per participant, program and kind, with the hourly rate and the gross amount.",
            discussion: """
                Only hours of approved (locked) weeks count. A period with weeks not approved is refused \
                with the list of them (exit status 67) unless --allow-partial, which leaves them out. \
                The rate is the program's hourly_rate, never below the minimum wage of the day worked. \
                The export is recorded in the audit log. --csv gives the file payroll imports \
                (docs/CSV.md).
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pay period, FIRST..LAST (YYYY-MM-DD..YYYY-MM-DD).") var period: String
        @Flag(help: "Leave out the weeks not approved instead of refusing.") var allowPartial = false
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard bounds != nil else {
                throw ValidationError(
                    Messages.current.pick(
                        "--period must be FIRST..LAST, such as 2026-11-16..2026-11-29",
                        "--period doit être PREMIER..DERNIER, par exemple 2026-11-16..2026-11-29"
                    )
                )
            }
        }

        private var bounds: (String, String)? {
            let parts = period.components(separatedBy: "..")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }

        func run() async throws {
            let (from, to) = bounds!
            try await Invocation.run(options) { connection in
                let payroll: Components.Schemas.Payroll
                switch try await connection.client.exportPayroll(
                    query: .init(from: from, to: to, allowPartial: allowPartial)
                ) {
                case .ok(let response): payroll = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                try OutputFile.write(try Self.render(payroll, format: options.format) + "\n", to: output)
            }
        }

        static func render(_ payroll: Components.Schemas.Payroll, format: OutputFormat) throws -> String {
            let m = Messages.current
            let listing = Listing(
                columns: [
                    .init(key: "participant_id", label: "#"),
                    .init(key: "participant", label: m.pick("participant", "participant")),
                    .init(key: "program", label: m.pick("program", "programme")),
                    .init(key: "kind", label: m.pick("kind", "type")), .init(key: "minutes", label: "minutes"),
                    .init(key: "hours", label: m.pick("hours", "heures")),
                    .init(key: "hourly_rate", label: m.pick("rate", "taux")),
                    .init(key: "amount", label: m.pick("amount", "montant")),
                ],
                rows: payroll.lines.map { line in
                    [
                        "\(line.participantId)", line.participantName, line.program, line.kind.rawValue,
                        "\(line.minutes)",
                        Self.hours(line.minutes), line.hourlyRate, line.amount,
                    ]
                }
            )
            guard format == .table else { return try listing.render(format, json: payroll) }
            var lines = [try listing.render(.table, json: payroll)]
            lines.append(
                m.pick(
                    "total \(payroll.from)..\(payroll.to): \(Self.hours(payroll.totalMinutes)) h, \(payroll.totalAmount) $",
                    "total \(payroll.from)..\(payroll.to) : \(Self.hours(payroll.totalMinutes)) h, \(payroll.totalAmount) $"
                )
            )
            if !payroll.leftOut.isEmpty {
                lines.append(
                    m.pick("left out, not approved: ", "exclues, non approuvées : ")
                        + payroll.leftOut.joined(separator: ", ")
                )
            }
            return lines.joined(separator: "\n")
        }

        /// Minutes as decimal hours with two places, `7.50`.
        static func hours(_ minutes: Int) -> String {
            let hundredths = (minutes * 100 + 30) / 60
            return "\(hundredths / 100)." + String("0\(hundredths % 100)".suffix(2))
        }
    }
}
