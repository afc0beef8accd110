import ArgumentParser
import Foundation
import OpenAPIRuntime
import Yams

/// A YAML or JSON file (a program definition, a policy, a check document) read into the API's
/// free-form JSON object. Dates and other scalars stay as written; the daemon checks the content.
enum DocumentFile {
    /// - Parameter unwrapping: a key whose value is taken when the file is a whole document that
    ///   holds it (the `policy` of a program file).
    static func object(_ path: String, unwrapping key: String? = nil) throws -> OpenAPIObjectContainer {
        let text = try InputFile.text(path)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ValidationError(
                Messages.current.pick(
                    "\(path) is not valid YAML or JSON: \(error)",
                    "\(path) n’est pas du YAML ou du JSON valide : \(error)"
                )
            )
        }
        guard let node, case .mapping = node else {
            throw ValidationError(
                Messages.current.pick(
                    "\(path) must hold a mapping of keys",
                    "\(path) doit contenir des clés et des valeurs"
                )
            )
        }
        var object = json(node)
        if let key, let document = object as? [String: Any], document["code"] != nil, let inner = document[key] {
            object = inner
        }
        let data = try JSONSerialization.data(withJSONObject: object)
        return try JSONDecoder().decode(OpenAPIObjectContainer.self, from: data)
    }

    private static func json(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            return Dictionary(mapping.map { ($0.key.string ?? "", json($0.value)) }) { $1 }
        case .sequence(let sequence):
            return sequence.map(json)
        case .scalar, .alias:
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case Tag.Name.int: return node.int ?? node.string ?? ""
            case Tag.Name.float: return node.float ?? node.string ?? ""
            case Tag.Name.bool: return node.bool ?? node.string ?? ""
            case Tag.Name.null: return NSNull()
            default: return node.string ?? ""
            }
        }
    }
}
