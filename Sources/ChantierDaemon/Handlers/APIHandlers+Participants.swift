import ChantierAPI
import ChantierCore
import ChantierStorage
import Foundation
import OpenAPIRuntime

extension APIHandlers {
    func listParticipants(
        _ input: Operations.ListParticipants.Input
    ) async throws
        -> Operations.ListParticipants.Output
    {
        try await state.requireDatabase()
        let today = state.clock.today()
        let filter = try ParticipantFilter(
            input.query,
            limit: input.query.limit ?? 500,
            offset: input.query.offset ?? 0
        )
        let participants = try await ParticipantRepository(database: database).list(filter, today: today)
        return .ok(
            .init(body: .json(.init(participants: participants.map { .init($0, today: today) })))
        )
    }

    func getParticipant(_ input: Operations.GetParticipant.Input) async throws -> Operations.GetParticipant.Output {
        try await state.requireDatabase()
        let participant = try await ParticipantRepository(database: database).participant(id: input.path.id)
        return .ok(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func createParticipant(
        _ input: Operations.CreateParticipant.Input
    ) async throws
        -> Operations.CreateParticipant.Output
    {
        let body =
            switch input.body {
            case .json(let value): value
            }
        var profile = Participant.Profile(
            givenName: body.givenName,
            familyName: body.familyName,
            birthDate: try RecordFields.date(body.birthDate, field: "birth_date"),
            sex: body.sex.flatMap { Participant.Sex(rawValue: $0.rawValue) },
            email: body.email,
            phone: body.phone,
            address: body.address,
            sectorCode: body.sector,
            building: body.building,
            livesInSocialHousing: body.livesInSocialHousing ?? true,
            language: body.language.flatMap { Participant.Language(rawValue: $0.rawValue) } ?? .fr,
            calendarCode: body.schoolCalendar,
            schoolName: body.schoolName,
            schoolStatus: body.schoolStatus.flatMap { Participant.SchoolStatus(rawValue: $0.rawValue) }
                ?? .notApplicable,
            diploma: body.diploma.flatMap { Participant.Diploma(rawValue: $0.rawValue) } ?? .none,
            travelMinutesHome: body.travelMinutesHome,
            notes: body.notes
        )
        profile.skills = try (body.skills ?? []).map { try Participant.Skill(text: $0) }
        profile.availability.windows = try RecordFields.windows(body.availability ?? [], field: "availability")
        let scope = try await scope()
        let today = state.clock.today()
        let participant = try await ParticipantRepository(database: database).create(
            profile,
            today: today,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .created(.init(body: .json(.init(participant, today: today))))
    }

    func updateParticipant(
        _ input: Operations.UpdateParticipant.Input
    ) async throws
        -> Operations.UpdateParticipant.Output
    {
        let changes =
            switch input.body {
            case .json(let value): value
            }
        let scope = try await scope()
        let today = state.clock.today()
        let participant = try await ParticipantRepository(database: database).update(
            id: input.path.id,
            today: today,
            audit: scope.audit,
            idempotency: scope.idempotency
        ) { profile in
            try changes.apply(to: &profile)
        }
        return .ok(.init(body: .json(.init(participant, today: today))))
    }

    func archiveParticipant(
        _ input: Operations.ArchiveParticipant.Input
    ) async throws
        -> Operations.ArchiveParticipant.Output
    {
        let scope = try await scope()
        let participant = try await ParticipantRepository(database: database).archive(
            id: input.path.id,
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(participant, today: state.clock.today()))))
    }

    func importParticipants(
        _ input: Operations.ImportParticipants.Input
    ) async throws
        -> Operations.ImportParticipants.Output
    {
        guard case .csv(let body) = input.body else { throw APIError.csvExpected() }
        let text = try await CSVBody.text(body)
        let scope = try await scope()
        let (added, updated) = try await ParticipantRepository(database: database).importCSV(
            text,
            today: state.clock.today(),
            audit: scope.audit,
            idempotency: scope.idempotency
        )
        return .ok(.init(body: .json(.init(added: added, updated: updated))))
    }

    func exportParticipants(
        _ input: Operations.ExportParticipants.Input
    ) async throws
        -> Operations.ExportParticipants.Output
    {
        let filter = try ParticipantFilter(input.query, limit: 1_000_000, offset: 0)
        let scope = try await scope()
        let text = try await ParticipantRepository(database: database).exportCSV(
            filter,
            today: state.clock.today(),
            audit: scope.audit
        )
        return .ok(.init(body: .csv(HTTPBody(text))))
    }
}

extension APIHandlers {
    func exportPersonalData(
        _ input: Operations.ExportPersonalData.Input
    ) async throws
        -> Operations.ExportPersonalData.Output
    {
        let scope = try await scope()
        let document = try await PersonalDataRepository(database: database).export(
            participant: input.path.id,
            audit: scope.audit
        )
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try decoder.decode(Components.Schemas.PersonalData.self, from: Data(document.utf8))
        return .ok(.init(body: .json(data)))
    }
}

/// The filters `listParticipants` and `exportParticipants` share.
protocol ParticipantQuery {
    var program: String? { get }
    var sector: String? { get }
    var status: Components.Parameters.ParticipantStatus? { get }
    var minAge: Int? { get }
    var maxAge: Int? { get }
    var search: String? { get }
}

extension Operations.ListParticipants.Input.Query: ParticipantQuery {}
extension Operations.ExportParticipants.Input.Query: ParticipantQuery {}

extension ParticipantFilter {
    init(_ query: some ParticipantQuery, limit: Int, offset: Int) throws {
        let minimum = query.minAge ?? 0
        let maximum = query.maxAge ?? 200
        guard minimum <= maximum else { throw RecordError(field: "max_age", "\(maximum) is below min_age \(minimum)") }
        self.init(
            program: query.program,
            sector: query.sector,
            status: query.status.flatMap { Status(rawValue: $0.rawValue) } ?? .active,
            ages: query.minAge == nil && query.maxAge == nil ? nil : minimum...maximum,
            search: query.search,
            limit: limit,
            offset: offset
        )
    }
}

extension Components.Schemas.ParticipantChanges {
    /// Applies the changes the request asks for; absent fields stay, an empty text clears one.
    func apply(to profile: inout Participant.Profile) throws {
        func text(_ value: String?, _ current: String?) -> String? {
            guard let value else { return current }
            return value.isEmpty ? nil : value
        }
        profile.givenName = givenName ?? profile.givenName
        profile.familyName = familyName ?? profile.familyName
        if let birthDate { profile.birthDate = try RecordFields.date(birthDate, field: "birth_date") }
        if let sex { profile.sex = Participant.Sex(rawValue: sex.rawValue) }
        profile.email = text(email, profile.email)
        profile.phone = text(phone, profile.phone)
        profile.address = text(address, profile.address)
        profile.sectorCode = text(sector, profile.sectorCode)
        profile.building = text(building, profile.building)
        profile.livesInSocialHousing = livesInSocialHousing ?? profile.livesInSocialHousing
        if let language { profile.language = Participant.Language(rawValue: language.rawValue) ?? profile.language }
        profile.calendarCode = text(schoolCalendar, profile.calendarCode)
        profile.schoolName = text(schoolName, profile.schoolName)
        if let schoolStatus {
            profile.schoolStatus = Participant.SchoolStatus(rawValue: schoolStatus.rawValue) ?? profile.schoolStatus
        }
        if let diploma { profile.diploma = Participant.Diploma(rawValue: diploma.rawValue) ?? profile.diploma }
        if let travelMinutesHome { profile.travelMinutesHome = travelMinutesHome < 0 ? nil : travelMinutesHome }
        profile.notes = text(notes, profile.notes)
        for skill in try (addSkills ?? []).map({ try Participant.Skill(text: $0, field: "add_skills") }) {
            profile.skills.removeAll { $0.name == skill.name }
            profile.skills.append(skill)
        }
        let removed = Set(removeSkills ?? [])
        if let unknown = removed.first(where: { name in !profile.skills.contains { $0.name == name } }) {
            throw RecordError(field: "remove_skills", "the participant does not have the skill \(unknown)")
        }
        profile.skills.removeAll { removed.contains($0.name) }
        profile.skills.sort { $0.name < $1.name }
        if let availability {
            profile.availability.windows = try RecordFields.windows(availability, field: "availability")
        }
        let cleared = try Set((removeExceptions ?? []).map { try RecordFields.date($0, field: "remove_exceptions") })
        profile.availability.exceptions.removeAll { cleared.contains($0.date) }
        for text in addUnavailable ?? [] {
            profile.availability.exceptions.append(try .init(text: text, available: false, field: "add_unavailable"))
        }
        for text in addAvailable ?? [] {
            profile.availability.exceptions.append(try .init(text: text, available: true, field: "add_available"))
        }
        profile.availability.exceptions.sort { ($0.date, $0.start ?? .midnight) < ($1.date, $1.start ?? .midnight) }
    }
}

extension Components.Schemas.ParticipantSummary {
    init(_ summary: ParticipantSummary, today: LocalDate) {
        self.init(
            id: summary.id,
            givenName: summary.givenName,
            familyName: summary.familyName,
            birthDate: "\(summary.birthDate)",
            age: Person(birthDate: summary.birthDate, attendsSchool: false).age(on: today),
            sector: summary.sectorCode,
            schoolStatus: summary.schoolStatus.rawValue,
            programs: summary.programs,
            archived: summary.archived
        )
    }
}

extension Components.Schemas.Participant {
    init(_ participant: Participant, today: LocalDate) {
        let profile = participant.profile
        self.init(
            id: participant.id,
            givenName: profile.givenName,
            familyName: profile.familyName,
            birthDate: "\(profile.birthDate)",
            age: profile.person.age(on: today),
            sex: profile.sex.flatMap { .init(rawValue: $0.rawValue) },
            email: profile.email,
            phone: profile.phone,
            address: profile.address,
            sector: profile.sectorCode,
            building: profile.building,
            livesInSocialHousing: profile.livesInSocialHousing,
            language: .init(rawValue: profile.language.rawValue) ?? .fr,
            schoolCalendar: profile.calendarCode,
            schoolName: profile.schoolName,
            schoolStatus: .init(rawValue: profile.schoolStatus.rawValue) ?? .notApplicable,
            diploma: Components.Schemas.Diploma(rawValue: profile.diploma.rawValue) ?? Components.Schemas.Diploma.none,
            travelMinutesHome: profile.travelMinutesHome,
            notes: profile.notes,
            skills: profile.skills.map { .init(name: $0.name, certifiedUntil: $0.certifiedUntil.map { "\($0)" }) },
            availability: profile.availability.windows.map(\.description),
            availabilityExceptions: profile.availability.exceptions.map { exception in
                .init(
                    date: "\(exception.date)",
                    available: exception.available,
                    start: exception.start.map { "\($0)" },
                    end: exception.end.map { "\($0)" },
                    note: exception.note
                )
            },
            guardians: participant.guardians.map { guardian in
                .init(
                    id: guardian.id,
                    name: guardian.name,
                    relationship: guardian.relationship,
                    phone: guardian.phone,
                    email: guardian.email,
                    notes: guardian.notes
                )
            },
            consents: participant.consents.map { consent in
                .init(
                    id: consent.id,
                    kind: .init(rawValue: consent.kind.rawValue) ?? .programConsent,
                    guardianId: consent.guardianID,
                    document: consent.documentReference,
                    signedOn: "\(consent.signedOn)",
                    expiresOn: consent.expiresOn.map { "\($0)" },
                    revokedOn: consent.revokedOn.map { "\($0)" },
                    maxMinutesPerWeek: consent.maxMinutesPerWeek,
                    tasks: consent.tasks,
                    availability: consent.availability?.map(\.description),
                    validToday: consent.isValid(on: today)
                )
            },
            enrollments: participant.enrollments.map { enrollment in
                .init(
                    id: enrollment.id,
                    program: enrollment.programCode,
                    startsOn: "\(enrollment.startsOn)",
                    exitOn: enrollment.exitOn.map { "\($0)" },
                    exitReason: enrollment.exitReason.flatMap { .init(rawValue: $0.rawValue) },
                    exitNote: enrollment.exitNote
                )
            },
            archived: participant.archived
        )
    }
}
