import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    /// `chantierctl participant guardian add`.
    struct GuardianCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guardian",
            abstract: "A minor's parents and tutors.",
            subcommands: [Add.self]
        )

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a parent or tutor.")

            @OptionGroup var options: GlobalOptions
            @Argument(help: "The participant's id.") var id: Int
            @Option(help: "Their name.") var name: String
            @Option(help: "mother, father, tutor…") var relationship: String?
            @Option var phone: String?
            @Option var email: String?
            @Option var notes: String?

            func run() async throws {
                try await Invocation.run(options) { connection in
                    let participant: Components.Schemas.Participant
                    switch try await connection.client.addGuardian(
                        path: .init(id: id),
                        headers: .init(idempotencyKey: options.idempotencyKey),
                        body: .json(
                            .init(name: name, relationship: relationship, phone: phone, email: email, notes: notes)
                        )
                    ) {
                    case .created(let response): participant = try response.body.json
                    case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                    }
                    print(try ParticipantCommand.render(participant, format: options.format))
                }
            }
        }
    }
}
