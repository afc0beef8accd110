import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find participants by program, sector, status, age and name (without case or accents)."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var filter: ParticipantFilterOptions
        @Option(help: "At most this many.") var limit: Int?
        @Option(help: "Skip this many first.") var offset: Int?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let list: Components.Schemas.ParticipantList
                switch try await connection.client.listParticipants(
                    query: .init(
                        program: filter.program,
                        sector: filter.sector,
                        status: filter.status,
                        minAge: filter.age?.minimum,
                        maxAge: filter.age?.maximum,
                        search: filter.search,
                        limit: limit,
                        offset: offset
                    )
                ) {
                case .ok(let response): list = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                let m = Messages.current
                let listing = Listing(
                    columns: [
                        .init(key: "id", label: "id"), .init(key: "given_name", label: m.pick("given name", "prénom")),
                        .init(key: "family_name", label: m.pick("family name", "nom")),
                        .init(key: "age", label: m.pick("age", "âge")),
                        .init(key: "sector", label: m.pick("sector", "secteur")),
                        .init(key: "school_status", label: m.pick("school", "école")),
                        .init(key: "programs", label: m.pick("programs", "programmes")),
                    ],
                    rows: list.participants.map {
                        [
                            "\($0.id)", $0.givenName, $0.familyName, "\($0.age)", $0.sector ?? "", $0.schoolStatus,
                            $0.programs.joined(separator: ";")
                                + ($0.archived ? " " + m.pick("(archived)", "(archivé)") : ""),
                        ]
                    }
                )
                print(try listing.render(options.format, json: list))
            }
        }
    }
}

/// Which participants `list` and `export` show.
struct ParticipantFilterOptions: ParsableArguments {
    @Option(help: "Enrolled today in this program.") var program: String?
    @Option(help: "Living in this sector.") var sector: String?
    @Option(help: "active (default), enrolled, not-enrolled, archived or all.")
    var status: Components.Parameters.ParticipantStatus?
    @Option(help: "Aged within this band today, such as 13-15.") var age: AgeBand?
    @Option(help: "Words of the name; \"lefebvre\" finds Lefèbvre.") var search: String?
}

extension Components.Parameters.ParticipantStatus: ExpressibleByArgument {}
