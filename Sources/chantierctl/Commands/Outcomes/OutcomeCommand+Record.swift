import ArgumentParser
import ChantierAPI
import ChantierClient

extension OutcomeCommand {
    struct RecordOutcome: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a participant's situation on a date."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var participant: Int
        @Option(help: "The situation: employed_full_time, in_school_returned, diploma_obtained…")
        var situation: Components.Schemas.OutcomeSituation
        @Option(help: "With diploma_obtained: secondary, vocational, college or university.")
        var diploma: Components.Schemas.DiplomaLevel?
        @Option(help: "The day observed, YYYY-MM-DD (default: today).") var on: String = LocalDay.today
        @Option(help: "self_reported or verified.") var source: Components.Schemas.OutcomeSource
        @Option(help: "The enrollment it follows (default: the latest started by then).") var enrollment: Int?
        @Option(help: "A note for the record.") var note: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let outcome: Components.Schemas.Outcome
                switch try await connection.client.recordOutcome(
                    path: .init(id: participant),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            observedOn: on,
                            situation: situation,
                            diplomaLevel: diploma,
                            source: source,
                            enrollmentId: enrollment,
                            note: note
                        )
                    )
                ) {
                case .created(let response): outcome = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try OutcomeCommand.record(outcome).render(options.format, json: outcome))
            }
        }
    }
}

extension Components.Schemas.OutcomeSituation: ExpressibleByArgument {}
extension Components.Schemas.DiplomaLevel: ExpressibleByArgument {}
extension Components.Schemas.OutcomeSource: ExpressibleByArgument {}
