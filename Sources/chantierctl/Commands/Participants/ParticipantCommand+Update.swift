import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a participant: only what is given changes (an empty value clears a text)."
        )

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The participant's id.") var id: Int
        @Option(help: "Given name.") var given: String?
        @Option(help: "Family name.") var family: String?
        @Option(help: "Birth date, YYYY-MM-DD.") var birthDate: String?
        @OptionGroup var profile: ProfileOptions
        @Flag(help: "Lives in social housing.") var socialHousing = false
        @Option(help: "A skill to remove (repeat).") var removeSkill: [String] = []
        @Flag(help: "Remove every weekly window (no restriction).") var clearAvailability = false
        @Option(help: "Unavailable on a day, or part of it: \"2026-12-24\" or \"2026-12-24 09:00-12:00\" (repeat).")
        var unavailableOn: [String] = []
        @Option(help: "Available on a day whatever the weekly windows say: \"2026-12-27 09:00-12:00\" (repeat).")
        var availableOn: [String] = []
        @Option(help: "Remove the exceptions of a day, YYYY-MM-DD (repeat).") var clearExceptionsOn: [String] = []

        func validate() throws {
            if socialHousing && profile.notSocialHousing {
                throw ValidationError(
                    Messages.current.pick(
                        "choose --social-housing or --not-social-housing",
                        "choisissez --social-housing ou --not-social-housing"
                    )
                )
            }
            if clearAvailability && !profile.available.isEmpty {
                throw ValidationError(
                    Messages.current.pick(
                        "choose --clear-availability or --available",
                        "choisissez --clear-availability ou --available"
                    )
                )
            }
        }

        func run() async throws {
            let changes = Components.Schemas.ParticipantChanges(
                givenName: given,
                familyName: family,
                birthDate: birthDate,
                sex: profile.sex.flatMap { .init(rawValue: $0.rawValue) },
                email: profile.email,
                phone: profile.phone,
                address: profile.address,
                sector: profile.sector,
                building: profile.building,
                livesInSocialHousing: socialHousing ? true : profile.notSocialHousing ? false : nil,
                language: profile.language,
                schoolCalendar: profile.calendar,
                schoolName: profile.school,
                schoolStatus: profile.schoolStatus,
                diploma: profile.diploma,
                travelMinutesHome: profile.travelMinutes,
                notes: profile.notes,
                addSkills: profile.skill.isEmpty ? nil : profile.skill,
                removeSkills: removeSkill.isEmpty ? nil : removeSkill,
                availability: clearAvailability ? [] : profile.available.isEmpty ? nil : profile.available,
                addUnavailable: unavailableOn.isEmpty ? nil : unavailableOn,
                addAvailable: availableOn.isEmpty ? nil : availableOn,
                removeExceptions: clearExceptionsOn.isEmpty ? nil : clearExceptionsOn
            )
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.updateParticipant(
                    path: .init(id: id),
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(changes)
                ) {
                case .ok(let response): participant = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ParticipantCommand.render(participant, format: options.format))
            }
        }
    }
}
