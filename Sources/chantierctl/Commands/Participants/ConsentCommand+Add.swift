import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand.ConsentCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a signed consent and what it covers.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int
        @Option(help: "qc_cnesst_under_14, fr_guardian_agreement, fr_inspector_authorization or program_consent.")
        var kind: Components.Schemas.ConsentKind
        @Option(help: "The day it was signed, YYYY-MM-DD.") var signed: String
        @Option(help: "The day it expires, YYYY-MM-DD.") var expires: String?
        @Option(help: "The weekly maximum it states, in hours (such as 5 or 4.5).") var maxHours: Double?
        @Option(help: "A task code it lists (repeat).") var task: [String] = []
        @Option(help: "A weekly window it states, such as \"sat 09:00-12:00\" (repeat).") var window: [String] = []
        @Option(help: "The guardian who signed (their id in participant show).") var guardian: Int?
        @Option(help: "Where the paper is filed.") var document: String?

        func validate() throws {
            if let maxHours, maxHours < 0 || maxHours > 60 {
                throw ValidationError(
                    Messages.current.pick("--max-hours must be between 0 and 60", "--max-hours doit être entre 0 et 60")
                )
            }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.addConsent(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            kind: kind,
                            guardianId: guardian,
                            document: document,
                            signedOn: signed,
                            expiresOn: expires,
                            maxMinutesPerWeek: maxHours.map { Int(($0 * 60).rounded()) },
                            tasks: task,
                            availability: window.isEmpty ? nil : window
                        )
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
