import ArgumentParser
import ChantierAPI
import OpenAPIRuntime

/// `chantierctl program …`: work programs and their policies.
struct ProgramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: "List, show and add programs, and set a program's policy from a date.",
        subcommands: [List.self, Show.self, Add.self, SetPolicy.self]
    )

    static func listing(_ programs: [Components.Schemas.Program]) -> Listing {
        let m = Messages.current
        return Listing(
            columns: [
                .init(key: "code", label: "code"), .init(key: "name", label: m.pick("name", "nom")),
                .init(key: "audience", label: m.pick("audience", "public")),
                .init(key: "rule_pack", label: m.pick("rule pack", "règles")),
                .init(key: "ages", label: m.pick("ages", "âges")),
                .init(key: "policy_from", label: m.pick("policy from", "politique depuis")),
            ],
            rows: programs.map { program in
                [
                    program.code, program.name, program.audience.rawValue, program.rulePack.rawValue,
                    ages(program), program.policies.last?.effectiveFrom ?? "",
                ]
            }
        )
    }

    static func ages(_ program: Components.Schemas.Program) -> String {
        switch (program.minAge, program.maxAge) {
        case (let minimum?, let maximum?): "\(minimum)–\(maximum)"
        case (let minimum?, nil): "\(minimum)+"
        case (nil, let maximum?): "≤ \(maximum)"
        case (nil, nil): ""
        }
    }
}
