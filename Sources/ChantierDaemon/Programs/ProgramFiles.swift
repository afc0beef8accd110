import ChantierCore
import Foundation
import Yams

/// Reads program definitions (`Config/programs/*.yaml`): a file that does not parse, misses a
/// key, or sets a policy looser than the law is refused with its name and the key at fault.
enum ProgramFiles {
    static func load(_ file: URL) throws -> ProgramDefinition {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw DaemonError(code: .invalidProgramFile, message: "cannot read \(file.path) as UTF-8 text")
        }
        do {
            return try YAMLDecoder().decode(ProgramDefinition.self, from: text)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let cause = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            throw DaemonError(
                code: .invalidProgramFile,
                message: "\(file.lastPathComponent) is not valid YAML: \(cause)"
            )
        } catch let error as DecodingError {
            throw DaemonError(code: .invalidProgramFile, message: "\(file.lastPathComponent): \(DocumentError(error))")
        } catch {
            throw DaemonError(
                code: .invalidProgramFile,
                message: "\(file.lastPathComponent) is not valid YAML: \(error)"
            )
        }
    }

    /// Every `*.yaml` file of `directory`, by name.
    static func loadAll(in directory: URL) throws -> [ProgramDefinition] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let programs = try names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { try load(directory.appending(path: $0)) }
        if let repeated = Dictionary(grouping: programs, by: \.code).first(where: { $0.value.count > 1 })?.key {
            throw DaemonError(
                code: .invalidProgramFile,
                message: "two files in \(directory.path) define the program \(repeated)"
            )
        }
        return programs
    }
}
