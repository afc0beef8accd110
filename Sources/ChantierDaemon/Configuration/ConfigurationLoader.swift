import Configuration
import Foundation
import SystemPackage
import Yams

/// Loads ``DaemonConfiguration`` from, in order of precedence: `CHANTIER_*` environment variables,
/// the YAML file, and the built-in defaults. A key the file misspells is refused, not ignored.
struct ConfigurationLoader: Sendable {
    static let defaultPath = "/etc/chantier/chantierd.yaml"

    /// The file given with `--config`, or `nil` for the default path (which may be missing).
    var explicitPath: String?
    var environment: [String: String]

    var path: String { explicitPath ?? Self.defaultPath }

    func load() async throws -> DaemonConfiguration {
        let fileExists = FileManager.default.fileExists(atPath: path)
        if explicitPath != nil && !fileExists {
            throw DaemonError(code: .invalidConfiguration, message: "the configuration file \(path) does not exist")
        }
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: chantierVariables())]
        // An empty or comments-only file is valid: it leaves every key at its default.
        if fileExists, try checkKnownKeys() {
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: .init(path)))
            } catch {
                throw DaemonError(
                    code: .invalidConfiguration,
                    message: "cannot read the configuration file \(path): \(error)"
                )
            }
        }
        return try DaemonConfiguration(reader: ConfigReader(providers: providers))
    }

    /// `CHANTIER_*` variables without their prefix, with the aliases (`CHANTIER_DATABASE`) expanded.
    func chantierVariables() -> [String: String] {
        var variables: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix("CHANTIER_") {
            let key = String(name.dropFirst("CHANTIER_".count))
            variables[DaemonConfiguration.environmentAliases[key] ?? key] = value
        }
        return variables
    }

    /// Refuses keys of the file that the daemon does not know, so that a typo is not silently ignored.
    /// Returns whether the file holds any key at all.
    private func checkKnownKeys() throws -> Bool {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DaemonError(code: .invalidConfiguration, message: "cannot read the configuration file \(path)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw DaemonError(code: .invalidConfiguration, message: "\(path) is not valid YAML: \(error)")
        }
        guard let node else { return false }
        guard case .mapping = node else {
            throw DaemonError(
                code: .invalidConfiguration,
                message: "\(path) must be a mapping of keys, such as database: {url: …}"
            )
        }
        let known = Set(DaemonConfiguration.keys)
        if let unknown = Self.flatten(node).first(where: { !known.contains($0) }) {
            throw DaemonError(
                code: .invalidConfiguration,
                message: "unknown configuration key \(unknown) in \(path); see Config/chantierd.yaml for the keys"
            )
        }
        return true
    }

    private static func flatten(_ node: Node, prefix: String = "") -> [String] {
        guard case .mapping(let mapping) = node else { return [prefix] }
        return mapping.flatMap { key, value in
            let name = prefix.isEmpty ? (key.string ?? "") : "\(prefix).\(key.string ?? "")"
            return flatten(value, prefix: name)
        }
    }
}
