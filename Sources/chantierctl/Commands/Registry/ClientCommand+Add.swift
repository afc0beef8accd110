import ArgumentParser
import ChantierAPI
import ChantierClient

extension ClientCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a client.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Its code, such as omh-trois-rivieres.") var code: String
        @Option(help: "Its name.") var name: String
        @Option(help: "housing_office, city, resident, community_group, business or other.")
        var kind: Components.Schemas.ClientKind
        @Option(help: "Who to call.") var contact: String?
        @Option var phone: String?
        @Option var email: String?
        @Option var notes: String?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let client: Components.Schemas.Client
                switch try await connection.client.createClient(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            code: code,
                            name: name,
                            kind: kind,
                            contactName: contact,
                            phone: phone,
                            email: email,
                            notes: notes
                        )
                    )
                ) {
                case .created(let response): client = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ClientCommand.record(client).render(options.format, json: client))
            }
        }
    }
}
