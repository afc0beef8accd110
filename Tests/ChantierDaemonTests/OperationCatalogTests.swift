import ChantierAPI
import Testing

@testable import ChantierDaemon

/// How a request finds its operation, which decides who may call it and what it is counted as.
struct OperationCatalogTests {
    @Test func everyOperationOfTheDocumentIsFoundFromARequestToIt() throws {
        let catalog = try OperationCatalog(yaml: OpenAPIDocument.yaml)
        for operation in catalog.operations {
            let path = operation.segments.map { $0.first == "{" ? "7" : $0 }.joined(separator: "/")
            let found = catalog.operation(method: operation.method, path: Substring(path))
            #expect(found.operation?.id == operation.id, "\(operation.method) \(path)")
            #expect(found.pathExists)
        }
    }

    @Test func aPathWithoutTheMethodExistsAndAnUnknownPathDoesNot() throws {
        let catalog = try OperationCatalog(yaml: OpenAPIDocument.yaml)
        let wrongMethod = catalog.operation(method: "DELETE", path: "/v1/time-entries")
        #expect(wrongMethod.operation == nil)
        #expect(wrongMethod.pathExists)
        for path in ["/v1/nothing", "/v1/participants/7/nothing", "/v1/participants//skills", "/v1", ""] {
            let unknown = catalog.operation(method: "GET", path: Substring(path))
            #expect(unknown.operation == nil, "\(path)")
            #expect(!unknown.pathExists, "\(path)")
        }
    }

    @Test func aLiteralSegmentWinsOverAParameterWhereTwoTemplatesMatch() {
        func operation(_ id: String, _ path: String) -> OperationCatalog.Operation {
            .init(id: id, method: "GET", path: path, access: .anyone, parameters: [])
        }
        let catalog = OperationCatalog(operations: [
            operation("byID", "/v1/plans/{id}"),
            operation("current", "/v1/plans/current"),
            operation("lines", "/v1/plans/{id}/lines"),
            operation("currentLines", "/v1/plans/current/lines"),
        ])
        #expect(catalog.operation(method: "GET", path: "/v1/plans/current").operation?.id == "current")
        #expect(catalog.operation(method: "GET", path: "/v1/plans/12").operation?.id == "byID")
        #expect(catalog.operation(method: "GET", path: "/v1/plans/current/lines").operation?.id == "currentLines")
        #expect(catalog.operation(method: "GET", path: "/v1/plans/12/lines").operation?.id == "lines")
        #expect(catalog.operation(method: "POST", path: "/v1/plans/12").pathExists)
    }
}
