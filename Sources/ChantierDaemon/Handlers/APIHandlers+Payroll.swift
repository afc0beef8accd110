import ChantierAPI
import ChantierCore
import ChantierStorage

extension APIHandlers {
    func exportPayroll(_ input: Operations.ExportPayroll.Input) async throws -> Operations.ExportPayroll.Output {
        let query = input.query
        let first = try RecordFields.date(query.from, field: "from")
        let last = try RecordFields.date(query.to, field: "to")
        guard first <= last else { throw RecordError(field: "to", "\(last) is before \(first)") }
        guard first.days(until: last) <= 366 else { throw RecordError(field: "to", "export at most a year at a time") }
        let scope = try await scope()
        let (payroll, leftOut) = try await PayrollRepository(database: database).export(
            period: DateRange(first, last),
            allowPartial: query.allowPartial ?? false,
            minimumWage: state.configuration.minimumWage,
            audit: scope.audit
        )
        return .ok(
            .init(
                body: .json(
                    .init(
                        from: "\(first)",
                        to: "\(last)",
                        lines: payroll.lines.map { line in
                            .init(
                                participantId: line.participantID,
                                participantName: line.participantName,
                                program: line.programCode,
                                kind: .init(rawValue: line.kind.rawValue) ?? .work,
                                minutes: line.minutes,
                                hourlyRate: Money.text(line.hourlyRateCents),
                                amount: Money.text(line.amountCents)
                            )
                        },
                        totalMinutes: payroll.totalMinutes,
                        totalAmount: Money.text(payroll.totalCents),
                        leftOut: leftOut.map(\.description)
                    )
                )
            )
        )
    }
}
