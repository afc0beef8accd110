import ArgumentParser
import ChantierAPI
import ChantierClient

extension ParticipantCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a participant.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "Given name.") var given: String
        @Option(help: "Family name.") var family: String
        @Option(help: "Birth date, YYYY-MM-DD.") var birthDate: String
        @OptionGroup var profile: ProfileOptions

        func run() async throws {
            try await Invocation.run(options) { connection in
                let participant: Components.Schemas.Participant
                switch try await connection.client.createParticipant(
                    headers: .init(idempotencyKey: options.idempotencyKey),
                    body: .json(
                        .init(
                            givenName: given,
                            familyName: family,
                            birthDate: birthDate,
                            sex: profile.sex,
                            email: profile.email,
                            phone: profile.phone,
                            address: profile.address,
                            sector: profile.sector,
                            building: profile.building,
                            livesInSocialHousing: profile.notSocialHousing ? false : nil,
                            language: profile.language,
                            schoolCalendar: profile.calendar,
                            schoolName: profile.school,
                            schoolStatus: profile.schoolStatus,
                            diploma: profile.diploma,
                            travelMinutesHome: profile.travelMinutes,
                            notes: profile.notes,
                            skills: profile.skill,
                            availability: profile.available
                        )
                    )
                ) {
                case .created(let response): participant = try response.body.json
                case .default(let status, let error): throw ClientFailure(statusCode: status, error: error)
                }
                print(try ParticipantCommand.render(participant, format: options.format))
            }
        }
    }
}

/// What `participant add` and `participant update` may set.
struct ProfileOptions: ParsableArguments {
    @Option(help: "female, male or other.") var sex: Components.Schemas.Sex?
    @Option var email: String?
    @Option var phone: String?
    @Option var address: String?
    @Option(help: "Home sector's code.") var sector: String?
    @Option(help: "Building or apartment.") var building: String?
    @Flag(help: "Does not live in social housing.") var notSocialHousing = false
    @Option(help: "fr or en.") var language: Components.Schemas.Language?
    @Option(help: "The school calendar's code.") var calendar: String?
    @Option(help: "The school's name.") var school: String?
    @Option(help: "attending, not_attending, exempted, graduated or not_applicable.")
    var schoolStatus: Components.Schemas.SchoolStatus?
    @Option(help: "none, secondary, vocational, college or university.") var diploma: Components.Schemas.Diploma?
    @Option(help: "Minutes from the work sites to home.") var travelMinutes: Int?
    @Option var notes: String?
    @Option(help: "A skill, or name:YYYY-MM-DD for a certification valid until that day (repeat).") var skill:
        [String] = []
    @Option(help: "A weekly window such as \"mon 16:00-19:00\" (repeat).") var available: [String] = []
}
