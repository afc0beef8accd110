import ArgumentParser
import ChantierAPI
import ChantierClient

/// `chantierctl assign PARTICIPANT SHIFT`.
struct AssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Put a participant on a shift, after checking everything the planner checks.",
        discussion: """
            Checks availability, skills, the minimum age on the day, overlapping shifts, the headcount, \
            and the participant's legal and program limits for that week. A refusal lists every \
            reason with its rule id and what would fix it (exit status 67). --dry-run only checks.
            """
    )

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The participant's id.") var participant: Int
    @Argument(help: "The shift's id.") var shift: Int
    @Flag(help: "Check only; change nothing.") var dryRun = false

    func run() async throws {
        try await Invocation.run(options) { connection in
            let result: Components.Schemas.AssignmentResult
            switch try await connection.client.assignParticipant(
                path: .init(id: shift),
                headers: .init(idempotencyKey: options.idempotencyKey),
                body: .json(.init(participantId: participant, dryRun: dryRun))
            ) {
            case .ok(let response): result = try response.body.json
            case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
            }
            print(try Self.render(result, participant: participant, format: options.format))
            if dryRun && !result.allowed { throw ExitCode(ExitStatus.conflict.rawValue) }
        }
    }

    static func render(
        _ result: Components.Schemas.AssignmentResult,
        participant: Int,
        format: OutputFormat
    ) throws
        -> String
    {
        let m = Messages.current
        let shift = result.shift
        let name = shift.assignments.last { $0.participantId == participant }?.participantName ?? "#\(participant)"
        let headline =
            result.assigned
            ? m.pick("assigned \(name) to shift \(shift.id)", "\(name) affecté(e) au quart \(shift.id)")
            : result.allowed
                ? m.pick(
                    "participant \(participant) may work shift \(shift.id)",
                    "le participant \(participant) peut faire le quart \(shift.id)"
                )
                : m.pick(
                    "participant \(participant) may not work shift \(shift.id)",
                    "le participant \(participant) ne peut pas faire le quart \(shift.id)"
                )
        let lines = (result.problems + result.warnings).map {
            "  \($0.rule ?? $0.kind): \($0.message) — \($0.remediation)"
        }
        let listing = Listing(
            columns: [
                .init(key: "kind", label: m.pick("kind", "type")), .init(key: "rule", label: m.pick("rule", "règle")),
                .init(key: "message", label: "message"),
                .init(key: "remediation", label: m.pick("what to do", "que faire")),
            ],
            rows: (result.problems + result.warnings).map { [$0.kind, $0.rule ?? "", $0.message, $0.remediation] }
        )
        guard format == .table else { return try listing.render(format, json: result) }
        var text = ([headline] + lines).joined(separator: "\n")
        if let minutes = result.remainingWeekMinutes {
            text +=
                "\n" + m.pick("left this week after this shift", "reste cette semaine après ce quart")
                + ": \(minutes / 60) h \(minutes % 60) min"
        }
        return text
    }
}
