import ArgumentParser
import ChantierAPI
import ChantierClient

extension FollowUpCommand {
    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a follow-up done, with the situation learnt.",
            discussion: """
                With --situation, the situation is recorded as an outcome of the enrollment the follow-up \
                is about, observed on the day done, in the same transaction. Use --outcome for one recorded \
                earlier, or only --note when nobody could be reached (or --situation lost_contact).
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The follow-up's id.") var followUp: Int
        @Option(help: "The situation learnt: employed_full_time, in_training, in_school_returned…")
        var situation: Components.Schemas.OutcomeSituation?
        @Option(help: "With diploma_obtained: secondary, vocational, college or university.")
        var diploma: Components.Schemas.DiplomaLevel?
        @Option(help: "self_reported (default) or verified.") var source: Components.Schemas.OutcomeSource?
        @Option(help: "An outcome recorded earlier, instead of --situation.") var outcome: Int?
        @Option(help: "The day of the contact, YYYY-MM-DD (default: today).") var on: String?
        @Option(help: "A note for the record.") var note: String?

        func validate() throws {
            if situation != nil && outcome != nil {
                throw ValidationError(
                    Messages.current.pick(
                        "give --situation or --outcome, not both",
                        "donnez --situation ou --outcome, pas les deux"
                    )
                )
            }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let done: Components.Schemas.FollowUp
                switch try await connection.client.completeFollowUp(
                    path: .init(id: followUp),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            doneOn: on,
                            situation: situation,
                            diplomaLevel: diploma,
                            source: source,
                            outcomeId: outcome,
                            note: note
                        )
                    )
                ) {
                case .ok(let response): done = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try FollowUpCommand.listing([done]).render(options.format, json: done))
            }
        }
    }
}
