import ArgumentParser
import ChantierAPI
import ChantierClient

extension CalendarCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the school calendars.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "Include archived calendars.") var all = false

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.CalendarList
                switch try await connection.client.listCalendars(query: .init(includeArchived: all)) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                let m = Messages.current
                let listing = Listing(
                    columns: [
                        .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                        .init(key: "jurisdiction", label: m.pick("rule pack", "règles")),
                        .init(key: "class_hours", label: m.pick("class hours", "heures de classe")),
                        .init(key: "known_from", label: m.pick("from", "du")),
                        .init(key: "known_to", label: m.pick("to", "au")),
                        .init(key: "class_days", label: m.pick("class days", "jours de classe")),
                    ],
                    rows: list.calendars.map {
                        [
                            $0.code, $0.name, $0.jurisdiction.rawValue, "\($0.classStart)-\($0.classEnd)", $0.knownFrom,
                            $0.knownTo, "\($0.classDays)",
                        ]
                    }
                )
                print(try listing.render(options.format, json: list))
            }
        }
    }
}
