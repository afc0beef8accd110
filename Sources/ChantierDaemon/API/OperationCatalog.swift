import ChantierAPI
import ChantierCore
import Yams

/// The operations of the OpenAPI document with the roles each accepts (`x-chantier-roles`):
/// the one place authorization is declared, so that a new operation cannot go unprotected.
struct OperationCatalog: Sendable {
    /// Who may call an operation.
    enum Access: Sendable, Hashable {
        /// Anyone on the socket, even without a role (`anyone`).
        case anyone
        /// Any caller with at least one role (`any`).
        case anyRole
        case roles(Set<Role>)

        func allows(_ roles: Set<Role>) -> Bool {
            switch self {
            case .anyone: true
            case .anyRole: !roles.isEmpty
            case .roles(let accepted): !accepted.isDisjoint(with: roles)
            }
        }
    }

    struct Operation: Sendable, Hashable {
        var id: String
        var method: String
        /// The path template, such as `/v1/participants/{id}`.
        let path: String
        /// The template's segments, split once: every request is matched against them.
        let segments: [Substring]
        var access: Access
        /// The query and path parameters and what they may be.
        var parameters: [ParameterRule] = []

        init(id: String, method: String, path: String, access: Access, parameters: [ParameterRule]) {
            self.id = id
            self.method = method
            self.path = path
            self.segments = Self.segments(of: Substring(path))
            self.access = access
            self.parameters = parameters
        }

        static func segments(of path: Substring) -> [Substring] {
            path.split(separator: "/", omittingEmptySubsequences: false)
        }

        /// The first problem with the request's parameters, as the document defines them.
        func parameterProblem(
            path candidate: Substring,
            query: [(name: Substring, value: Substring)]
        ) -> (
            parameter: String, message: String
        )? {
            let candidateSegments = Self.segments(of: candidate)
            for rule in parameters {
                let values: [Substring]
                switch rule.location {
                case .path:
                    values = zip(segments, candidateSegments).filter { $0.0 == "{\(rule.name)}" }.map(\.1)
                case .query:
                    values = query.filter { $0.name == rule.name }.map(\.value)
                }
                for value in values {
                    if let message = rule.problem(with: value) { return (rule.name, message) }
                }
            }
            return nil
        }

        /// Whether a path (without query), split by ``segments(of:)``, matches the template.
        func matches(_ candidate: [Substring]) -> Bool {
            guard segments.count == candidate.count else { return false }
            return zip(segments, candidate).allSatisfy { pattern, segment in
                pattern.first == "{" ? !segment.isEmpty : pattern == segment
            }
        }
    }

    let operations: [Operation]
    /// Where each request's operation is looked up (every request, twice: metrics and
    /// authorization): the operations whose template has no parameter, by path, and the others
    /// by number of segments; positions in ``operations``.
    private let literalPaths: [Substring: [Int]]
    private let templatesBySegmentCount: [Int: [Int]]

    /// Reads the operations of the embedded document.
    static let shared: OperationCatalog = {
        do {
            return try OperationCatalog(yaml: OpenAPIDocument.yaml)
        } catch {
            // The document is compiled in and checked by the tests; it cannot be wrong at run time.
            preconditionFailure("the embedded OpenAPI document is invalid: \(error)")
        }
    }()

    init(yaml: String) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any],
            let paths = document["paths"] as? [String: Any]
        else { throw CatalogError(message: "the document has no paths") }
        let shared = ((document["components"] as? [String: Any])?["parameters"] as? [String: Any]) ?? [:]
        func rules(_ list: Any?) -> [ParameterRule] {
            ((list as? [Any]) ?? []).compactMap { entry in
                guard var parameter = entry as? [String: Any] else { return nil }
                if let reference = parameter["$ref"] as? String,
                    let target = shared[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
                {
                    parameter = target
                }
                return ParameterRule(parameter)
            }
        }
        var operations: [Operation] = []
        for (path, item) in paths {
            for (method, value) in (item as? [String: Any]) ?? [:] {
                guard ["get", "put", "post", "patch", "delete"].contains(method),
                    let operation = value as? [String: Any]
                else {
                    continue
                }
                guard let id = operation["operationId"] as? String else {
                    throw CatalogError(message: "\(method.uppercased()) \(path) has no operationId")
                }
                guard let names = operation["x-chantier-roles"] as? [String], !names.isEmpty else {
                    throw CatalogError(message: "\(id) does not declare x-chantier-roles")
                }
                operations.append(
                    Operation(
                        id: id,
                        method: method.uppercased(),
                        path: path,
                        access: try Self.access(names, id),
                        parameters: rules((item as? [String: Any])?["parameters"]) + rules(operation["parameters"])
                    )
                )
            }
        }
        self.init(operations: operations)
    }

    init(operations: [Operation]) {
        self.operations = operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
        var literalPaths: [Substring: [Int]] = [:]
        var templatesBySegmentCount: [Int: [Int]] = [:]
        for (index, operation) in self.operations.enumerated() {
            if operation.path.contains("{") {
                templatesBySegmentCount[operation.segments.count, default: []].append(index)
            } else {
                literalPaths[Substring(operation.path), default: []].append(index)
            }
        }
        self.literalPaths = literalPaths
        self.templatesBySegmentCount = templatesBySegmentCount
    }

    private static func access(_ names: [String], _ id: String) throws -> Access {
        if names == ["anyone"] { return .anyone }
        if names == ["any"] { return .anyRole }
        var roles: Set<Role> = []
        for name in names {
            guard let role = Role(rawValue: name) else {
                throw CatalogError(message: "\(id) lists the unknown role \(name)")
            }
            roles.insert(role)
        }
        return .roles(roles)
    }

    /// The methods the operations at `path` accept, for a 405's `Allow`.
    func methods(path: Substring) -> [String] {
        let candidate = Operation.segments(of: path)
        return operations.filter { $0.matches(candidate) }.map(\.method).sorted()
    }

    /// The operation for a request, or `nil` when no operation has this path (whatever the method).
    /// Were two templates to match one path, the first in ``operations`` would win, as before
    /// the index: a literal segment sorts before a parameter.
    func operation(method: String, path: Substring) -> (operation: Operation?, pathExists: Bool) {
        let candidate = Operation.segments(of: path)
        var pathExists = false
        var found: Int?
        func consider(_ index: Int) {
            pathExists = true
            if operations[index].method == method, index < found ?? .max { found = index }
        }
        for index in literalPaths[path] ?? [] { consider(index) }
        for index in templatesBySegmentCount[candidate.count] ?? [] where operations[index].matches(candidate) {
            consider(index)
        }
        return (found.map { operations[$0] }, pathExists)
    }

    struct CatalogError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
