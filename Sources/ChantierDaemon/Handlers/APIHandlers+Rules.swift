import ChantierAPI
import ChantierCore
import HTTPTypes

extension APIHandlers {
    /// The same answer as `chantierd check`: the document is decoded, evaluated and answered by
    /// the same code.
    func checkRules(_ input: Operations.CheckRules.Input) async throws -> Operations.CheckRules.Output {
        let object =
            switch input.body {
            case .json(let value): value
            }
        let document = try DocumentJSON.decode(CheckDocument.self, from: object)
        let question: ComplianceCase
        do {
            question = try document.complianceCase()
        } catch {
            throw APIError(.badRequest, .invalidField, error.description, details: ["field": .string(error.field)])
        }
        let result = CheckResultDocument(
            ComplianceEngine().evaluate(question),
            proposedOn: question.proposed.start.date
        )
        return .ok(.init(body: .json(try DocumentJSON.object(result))))
    }
}
