import ArgumentParser
import ChantierAPI

/// `chantierctl participant …`: the registry of participants.
struct ParticipantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant",
        abstract:
            "Register, find, show, change, archive, import and export participants; guardians and consents; personal data.",
        subcommands: [
            Add.self, List.self, Show.self, Update.self, Archive.self, Import.self, Export.self,
            ExportPersonalData.self,
            GuardianCommand.self,
            ConsentCommand.self,
        ]
    )

    /// The participant's file, as people read it.
    static func render(_ participant: Components.Schemas.Participant, format: OutputFormat) throws -> String {
        let m = Messages.current
        let record = Record(fields: [
            .init(key: "id", label: "id", value: "\(participant.id)"),
            .init(
                key: "name",
                label: m.pick("name", "nom"),
                value: "\(participant.givenName) \(participant.familyName)"
            ),
            .init(
                key: "birth_date",
                label: m.pick("born", "naissance"),
                value: "\(participant.birthDate) (\(participant.age) " + m.pick("years", "ans") + ")"
            ),
            .init(key: "sector", label: m.pick("sector", "secteur"), value: participant.sector ?? ""),
            .init(key: "building", label: m.pick("building", "immeuble"), value: participant.building ?? ""),
            .init(key: "phone", label: m.pick("phone", "téléphone"), value: participant.phone ?? ""),
            .init(key: "email", label: m.pick("email", "courriel"), value: participant.email ?? ""),
            .init(
                key: "social_housing",
                label: m.pick("social housing", "logement social"),
                value: participant.livesInSocialHousing ? m.yes : m.no
            ),
            .init(key: "language", label: m.pick("language", "langue"), value: participant.language.rawValue),
            .init(
                key: "school",
                label: m.pick("school", "école"),
                value: [
                    participant.schoolStatus.rawValue, participant.schoolName,
                    participant.schoolCalendar.map { "(\($0))" },
                ]
                .compactMap { $0 }.joined(separator: " ")
            ),
            .init(key: "diploma", label: m.pick("diploma", "diplôme"), value: participant.diploma.rawValue),
            .init(
                key: "skills",
                label: m.pick("skills", "compétences"),
                value: participant.skills.map { skill in
                    skill.certifiedUntil.map { "\(skill.name) (→ \($0))" } ?? skill.name
                }
                .joined(separator: ", ")
            ),
            .init(
                key: "availability",
                label: m.pick("availability", "disponibilités"),
                value: participant.availability.isEmpty
                    ? m.pick("not restricted", "sans restriction") : participant.availability.joined(separator: ", ")
            ),
            .init(
                key: "exceptions",
                label: m.pick("exceptions", "exceptions"),
                value: participant.availabilityExceptions.map { exception in
                    let hours = exception.start.map { " \($0)-\(exception.end ?? "")" } ?? ""
                    return (exception.available ? "+" : "−") + exception.date + hours
                }.joined(separator: ", ")
            ),
            .init(key: "notes", label: "notes", value: participant.notes ?? ""),
            .init(key: "archived", label: m.pick("archived", "archivé"), value: participant.archived ? m.yes : m.no),
        ])
        guard format == .table else { return try record.render(format, json: participant) }
        var text = try record.render(.table, json: participant)
        if !participant.enrollments.isEmpty {
            text += "\n\n" + m.pick("programs", "programmes") + "\n"
            text += Table(
                header: [],
                rows: participant.enrollments.map { enrollment in
                    [
                        "  \(enrollment.program)", enrollment.startsOn + " → " + (enrollment.exitOn ?? "…"),
                        [enrollment.exitReason?.rawValue, enrollment.exitNote].compactMap { $0 }.joined(
                            separator: ": "
                        ),
                    ]
                }
            ).render(.table)
        }
        if !participant.guardians.isEmpty {
            text += "\n\n" + m.pick("guardians", "répondants") + "\n"
            text += Table(
                header: [],
                rows: participant.guardians.map {
                    ["  #\($0.id)", $0.name, $0.relationship ?? "", $0.phone ?? "", $0.email ?? ""]
                }
            ).render(.table)
        }
        if !participant.consents.isEmpty {
            text += "\n\n" + m.pick("consents", "consentements") + "\n"
            text += Table(
                header: [],
                rows: participant.consents.map { consent in
                    var scope: [String] = []
                    if let minutes = consent.maxMinutesPerWeek {
                        scope.append(m.pick("max", "max.") + " \(minutes / 60) h \(minutes % 60)")
                    }
                    if !consent.tasks.isEmpty { scope.append(consent.tasks.joined(separator: ";")) }
                    if let windows = consent.availability { scope.append(windows.joined(separator: ";")) }
                    return [
                        "  #\(consent.id)", consent.kind.rawValue,
                        consent.signedOn + " → "
                            + (consent.revokedOn.map { m.pick("revoked ", "révoqué ") + $0 } ?? consent.expiresOn ?? "…"),
                        consent.validToday
                            ? m.pick("valid", "valide") : m.pick("not valid today", "non valide aujourd’hui"),
                        scope.joined(separator: ", "),
                    ]
                }
            ).render(.table)
        }
        return text
    }
}

extension Components.Schemas.Sex: ExpressibleByArgument {}
extension Components.Schemas.Language: ExpressibleByArgument {}
extension Components.Schemas.SchoolStatus: ExpressibleByArgument {}
extension Components.Schemas.Diploma: ExpressibleByArgument {}
extension Components.Schemas.ConsentKind: ExpressibleByArgument {}
extension Components.Schemas.ExitReason: ExpressibleByArgument {}
