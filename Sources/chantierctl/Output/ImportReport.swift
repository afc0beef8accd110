import ChantierAPI
import ChantierClient
import OpenAPIRuntime

/// A CSV file sent to the daemon, and what the import did.
enum ImportReport {
    /// Reads `file`, hands it to `send` (which calls the import operation with the idempotency
    /// key) and prints the summary.
    static func run(
        _ options: GlobalOptions,
        file: String,
        _ send: @escaping (ChantierConnection, HTTPBody, String?) async throws -> Components.Schemas.ImportSummary
    ) async throws {
        let text = try InputFile.text(file)
        try await Invocation.run(options) { connection in
            let summary = try await send(connection, HTTPBody(text), options.idempotencyKey)
            print(try record(summary).render(options.format, json: summary))
        }
    }

    static func record(_ summary: Components.Schemas.ImportSummary) -> Record {
        let m = Messages.current
        var fields: [Record.Field] = [
            .init(key: "added", label: m.pick("added", "ajoutés"), value: "\(summary.added)"),
            .init(key: "updated", label: m.pick("updated", "mis à jour"), value: "\(summary.updated)"),
        ]
        if let shifts = summary.shiftsCreated {
            fields.append(
                .init(key: "shifts_created", label: m.pick("shifts created", "quarts créés"), value: "\(shifts)")
            )
        }
        return Record(fields: fields)
    }
}
