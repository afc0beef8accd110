import ArgumentParser
import ChantierCore
import Foundation

/// `chantierd check FILE`: answers one `chantier-check/1` question offline, with no database and
/// no socket, and prints a `chantier-check-result/1` document.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one chantier-check/1 file against the rule packs, offline.",
        discussion: """
            Prints a chantier-check-result/1 document on standard output and exits 0 whenever the \
            case could be evaluated, allowed or not. A malformed file exits 65 with a message \
            naming the field at fault.
            """
    )

    @Argument(help: ArgumentHelp("The chantier-check/1 file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(
        name: .customLong("option"),
        help: ArgumentHelp(
            "A rule pack reading, overriding the file's (repeatable), such as qc.transition-weeks=week-based.",
            valueName: "name=value"
        )
    )
    var options: [String] = []

    func validate() throws {
        for option in options where !option.contains("=") {
            throw ValidationError(
                "--option takes name=value, such as qc.transition-weeks=week-based, not \"\(option)\""
            )
        }
    }

    func run() async throws {
        do {
            print(try evaluate())
        } catch let error as MalformedInput {
            FileHandle.standardError.write(Data("chantierd check: \(error.message)\n".utf8))
            throw ExitCode(65)
        }
    }

    private var source: String { file == "-" ? "standard input" : file }

    /// The result document for the file, as text.
    private func evaluate() throws -> String {
        let data: Data
        do {
            data =
                file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(filePath: file))
        } catch {
            throw MalformedInput(message: "cannot read \(file): \(error.localizedDescription)")
        }
        var document: CheckDocument
        do {
            document = try JSONDecoder().decode(CheckDocument.self, from: data)
        } catch let error as DecodingError {
            throw MalformedInput(message: "\(source): \(Self.describe(error))")
        }
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            document.rulePackOptions[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let question: ComplianceCase
        do {
            question = try document.complianceCase()
        } catch {
            throw MalformedInput(message: "\(source): \(error)")
        }
        let result = ComplianceEngine().evaluate(question)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = try encoder.encode(CheckResultDocument(result, proposedOn: question.proposed.start.date))
        return String(decoding: output, as: UTF8.self)
    }

    private static func describe(_ error: DecodingError) -> String {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
        }
        return DocumentError(error).description
    }
}

/// Input that cannot be used: reported in one line, exit status 65 (EX_DATAERR).
struct MalformedInput: Error {
    var message: String
}
