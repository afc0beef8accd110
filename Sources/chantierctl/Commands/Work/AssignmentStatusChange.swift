import ArgumentParser
import ChantierAPI
import ChantierClient

/// The changes of a participant's place on a shift: unassign, confirm, decline.
enum AssignmentStatusChange {
    static func run(
        _ status: Components.Schemas.AssignmentStatusChange.StatusPayload,
        participant: Int,
        shift: Int,
        reason: String?,
        options: GlobalOptions
    ) async throws {
        try await Invocation.run(options) { connection in
            let updated: Components.Schemas.Shift
            switch try await connection.client.setAssignmentStatus(
                path: .init(id: shift, participantId: participant),
                headers: .init(idempotencyKey: options.idempotencyKey),
                body: .json(.init(status: status, reason: reason))
            ) {
            case .ok(let response): updated = try response.body.json
            case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
            }
            print(try ShiftCommand.record(updated).render(options.format, json: updated))
        }
    }
}
