import ArgumentParser
import ChantierAPI
import ChantierClient

extension TaskCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a task kind.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "Its code, such as lawn-mowing.") var code: String
        @Option(help: "Its name.") var name: String
        @Option(
            help: """
                Equipment it uses (repeat for several); the rules read power_mower, power_trimmer, \
                chain_saw, wood_chipper, circular_saw and motor_vehicle.
                """
        )
        var equipment: [String] = []
        @Option(help: "A skill it requires (repeat for several).") var skill: [String] = []
        @Option(help: "The program's minimum age for it.") var minAge: Int?

        func run() async throws {
            try await Invocation.run(options) { connection in
                let task: Components.Schemas.TaskKind
                switch try await connection.client.createTaskKind(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(code: code, name: name, equipment: equipment, requiredSkills: skill, minAge: minAge)
                    )
                ) {
                case .created(let response): task = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try TaskCommand.record(task).render(options.format, json: task))
            }
        }
    }
}
