import ArgumentParser
import ChantierAPI
import ChantierClient

extension HoursCommand {
    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct an entry: a new entry supersedes it, with a reason; the old one stays in its history.",
            discussion: """
                Options left out keep the corrected entry's value. --void says the entry did not \
                happen. In an approved week only an admin may correct (or a coordinator reopens it).
                """
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The entry's id.") var entry: Int
        @Option(help: "The day, YYYY-MM-DD.") var date: String?
        @Option(help: "The local start, HH:MM.") var start: String?
        @Option(help: "The local end, HH:MM.") var end: String?
        @Option(name: .customLong("break"), help: "Minutes of unpaid break.") var breakMinutes: Int?
        @Option(help: "work, awareness_session or training.") var kind: Components.Schemas.WorkKind?
        @Flag(help: "The entry did not happen.") var void = false
        @Option(help: "Why (required).") var reason: String
        @Option(help: "A note for the record.") var note: String?

        func validate() throws {
            if void && [date, start, end, kind?.rawValue].contains(where: { $0 != nil }) || void && breakMinutes != nil
            {
                throw ValidationError(
                    Messages.current.pick("--void takes no new times", "--void ne prend pas de nouvelles heures")
                )
            }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let logged: Components.Schemas.LoggedTime
                switch try await connection.client.correctTimeEntry(
                    path: .init(id: entry),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            date: date,
                            start: start,
                            end: end,
                            breakMinutes: breakMinutes,
                            kind: kind,
                            void: void,
                            reason: reason,
                            note: note
                        )
                    )
                ) {
                case .ok(let response): logged = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try HoursCommand.render(logged, format: options.format))
            }
        }
    }
}
