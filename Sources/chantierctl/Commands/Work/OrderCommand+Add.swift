import ArgumentParser
import ChantierAPI
import ChantierClient

extension OrderCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a work order; its shifts over the horizon (4 weeks by default) are made at once."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "What the client asks for.") var title: String
        @Option(help: "The site's code.") var site: String
        @Option(help: "The task kind's code.") var task: String
        @Option(help: "The client's code.") var client: String?
        @Option(help: "The program whose participants do it.") var program: String?
        @Option(help: "The first day, YYYY-MM-DD.") var from: String
        @Option(help: "The last day, YYYY-MM-DD (default: until closed).") var to: String?
        @Option(help: "Days of the week, such as mon,wed or sat.") var days: String
        @Option(help: "The time window, such as 16:00-18:00.") var time: TimeWindow
        @Option(help: "People needed on each shift.") var headcount: Int?
        @Option(help: "A skill each person needs (repeat).") var skill: [String] = []
        @Option(help: "The minimum age for this order.") var minAge: Int?
        @Option(help: "1 (low) to 5 (urgent); 3 by default.") var priority: Int?
        @Flag(help: "No adult supervises the crew at all times.") var unsupervised = false
        @Option(help: "A day without a shift, YYYY-MM-DD (repeat).") var skip: [String] = []
        @Option var notes: String?

        func validate() throws {
            guard !weekdays.isEmpty, weekdays.count == days.split(separator: ",").count else {
                throw ValidationError(
                    Messages.current.pick(
                        "--days takes days such as mon,wed,sat",
                        "--days prend des jours comme mon,wed,sat (ou lun,mer,sam)"
                    )
                )
            }
        }

        private var weekdays: [Components.Schemas.Weekday] {
            days.split(separator: ",").compactMap { Weekdays.parse($0) }
        }

        func run() async throws {
            try await Invocation.run(options) { connection in
                let created: Components.Schemas.CreatedOrder
                switch try await connection.client.createOrder(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            title: title,
                            client: client,
                            site: site,
                            task: task,
                            program: program,
                            firstDay: from,
                            lastDay: to,
                            weekdays: weekdays,
                            start: time.start,
                            end: time.end,
                            headcount: headcount,
                            requiredSkills: skill,
                            minAge: minAge,
                            priority: priority,
                            adultSupervision: !unsupervised,
                            notes: notes,
                            skip: skip
                        )
                    )
                ) {
                case .created(let response): created = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                var record = OrderCommand.record(created.order)
                record.fields.append(
                    .init(
                        key: "shifts_created",
                        label: Messages.current.pick("shifts created", "quarts créés"),
                        value: "\(created.shiftsCreated)"
                    )
                )
                print(try record.render(options.format, json: created))
            }
        }
    }
}
