import ArgumentParser
import ChantierAPI
import ChantierClient

extension ShiftCommand {
    struct Materialize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the shifts of the open orders over the horizon now (the daemon also does it hourly)."
        )

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                let result: Components.Schemas.Materialization
                switch try await connection.client.materializeShifts(
                    headers: .init(idempotencyKey: options.idempotencyKey)
                ) {
                case .ok(let response): result = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                let m = Messages.current
                let record = Record(fields: [
                    .init(
                        key: "shifts_created",
                        label: m.pick("shifts created", "quarts créés"),
                        value: "\(result.shiftsCreated)"
                    ),
                    .init(key: "first", label: m.pick("from", "du"), value: result.first),
                    .init(key: "last", label: m.pick("to", "au"), value: result.last),
                ])
                print(try record.render(options.format, json: result))
            }
        }
    }
}
