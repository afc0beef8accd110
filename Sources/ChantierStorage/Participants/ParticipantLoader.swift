import ChantierCore
import ChantierPQ
import Foundation

/// Reads whole participants, with one query per table for any number of them, all sent at once.
enum ParticipantLoader {
    /// Loads the participants with `ids` (those that exist, in that order), in one round trip.
    /// With `lock`, their rows are locked first (`FOR UPDATE`, in id order), for the transaction.
    static func load(ids: [Int], lock: Bool = false, on connection: PQConnection) async throws -> [Participant] {
        guard !ids.isEmpty else { return [] }
        return try await load(ids: ids, lock: lock, alongside: [], on: connection).participants
    }

    /// Loads the participants as ``load(ids:lock:on:)`` does and runs the statements `alongside`
    /// after them in the same round trip, returning their rows too.
    static func load(
        ids: [Int],
        lock: Bool,
        alongside: [PQQuery],
        on connection: PQConnection
    ) async throws -> (participants: [Participant], alongside: [PQResult]) {
        let listed = PQQuery.isAny(of: ids)
        let locking: [PQQuery] =
            lock ? ["SELECT 1 FROM participants WHERE id \(listed) ORDER BY id FOR UPDATE"] : []
        // One statement per table, for all the participants at once.
        let tables: [PQQuery] = [
            """
            SELECT participant.id, participant.given_name, participant.family_name, participant.birth_date,
                   participant.sex, participant.email, participant.phone, participant.address, sector.code,
                   participant.building, participant.lives_in_social_housing, participant.language, calendar.code,
                   participant.school_name, participant.school_status, participant.diploma,
                   participant.travel_minutes_home, participant.notes, participant.archived_at IS NOT NULL
            FROM participants participant
            LEFT JOIN sectors sector ON sector.id = participant.sector_id
            LEFT JOIN school_calendars calendar ON calendar.id = participant.school_calendar_id
            WHERE participant.id \(listed)
            """,
            """
            SELECT participant_id, skill, certified_until FROM participant_skills
            WHERE participant_id \(listed) ORDER BY skill
            """,
            """
            SELECT participant_id, weekday, start_time, end_time FROM availability_windows
            WHERE participant_id \(listed) ORDER BY weekday, start_time
            """,
            """
            SELECT participant_id, day, available, start_time, end_time, note FROM availability_exceptions
            WHERE participant_id \(listed) ORDER BY day, start_time
            """,
            """
            SELECT participant_id, id, name, relationship, phone, email, notes FROM guardians
            WHERE participant_id \(listed) ORDER BY id
            """,
            """
            SELECT participant_id, id, kind, guardian_id, document_ref, signed_on, expires_on, revoked_on,
                   max_minutes_per_week, tasks, availability
            FROM consents WHERE participant_id \(listed) ORDER BY signed_on, id
            """,
            """
            SELECT enrollment.participant_id, enrollment.id, program.code, enrollment.starts_on, enrollment.exit_on,
                   enrollment.exit_reason, enrollment.exit_note
            FROM enrollments enrollment JOIN programs program ON program.id = enrollment.program_id
            WHERE enrollment.participant_id \(listed) ORDER BY enrollment.starts_on, enrollment.id
            """,
        ]
        let results = Array(
            try await connection.queries(locking + tables + alongside).dropFirst(locking.count)
        )
        let (rows, skills, windows, exceptions, guardians, consents, enrollments) = (
            results[0],
            results[1],
            results[2],
            results[3],
            results[4],
            results[5],
            results[6]
        )
        var participants: [Int: Participant] = [:]
        for row in rows {
            let participant = try participant(row)
            participants[participant.id] = participant
        }
        for row in skills {
            let (id, skill, until) = try row.decode(Int.self, String.self, LocalDate?.self)
            participants[id]?.profile.skills.append(.init(name: skill, certifiedUntil: until))
        }
        for row in windows {
            let (id, weekday, start, end) = try row.decode(Int.self, Int.self, LocalTime.self, LocalTime.self)
            guard let day = Weekday(isoNumber: weekday) else { continue }
            participants[id]?.profile.availability.windows.append(WeeklyWindow(weekday: day, start: start, end: end))
        }
        for row in exceptions {
            let (id, day, available, start, end, note) = try row.decode(
                Int.self,
                LocalDate.self,
                Bool.self,
                LocalTime?.self,
                LocalTime?.self,
                String?.self
            )
            participants[id]?.profile.availability.exceptions.append(
                .init(date: day, available: available, start: start, end: end, note: note)
            )
        }
        for row in guardians {
            let (participantID, id, name, relationship, phone, email, notes) = try row.decode(
                Int.self,
                Int.self,
                String.self,
                String?.self,
                String?.self,
                String?.self,
                String?.self
            )
            participants[participantID]?.guardians.append(
                Guardian(id: id, name: name, relationship: relationship, phone: phone, email: email, notes: notes)
            )
        }
        for row in consents {
            let consent = try consent(row)
            participants[consent.participantID]?.consents.append(consent.consent)
        }
        for row in enrollments {
            let (participantID, id, program, starts, exit, reason, note) = try row.decode(
                Int.self,
                Int.self,
                String.self,
                LocalDate.self,
                LocalDate?.self,
                String?.self,
                String?.self
            )
            participants[participantID]?.enrollments.append(
                Enrollment(
                    id: id,
                    programCode: program,
                    startsOn: starts,
                    exitOn: exit,
                    exitReason: reason.flatMap(Enrollment.ExitReason.init(rawValue:)),
                    exitNote: note
                )
            )
        }
        return (ids.compactMap { participants[$0] }, Array(results.dropFirst(tables.count)))
    }

    private static func participant(_ row: PQRow) throws -> Participant {
        let (id, given, family, birth, sex, email, phone, address, sector, building) = try row.decode(
            Int.self,
            String.self,
            String.self,
            LocalDate.self,
            String?.self,
            String?.self,
            String?.self,
            String?.self,
            String?.self,
            String?.self
        )
        let socialHousing = try row.decode(Bool.self, column: 10)
        let language = try row.decode(String.self, column: 11)
        let calendar = try row.decode(String?.self, column: 12)
        let school = try row.decode(String?.self, column: 13)
        let status = try row.decode(String.self, column: 14)
        let diploma = try row.decode(String.self, column: 15)
        let travel = try row.decode(Int?.self, column: 16)
        let notes = try row.decode(String?.self, column: 17)
        let archived = try row.decode(Bool.self, column: 18)
        return Participant(
            id: id,
            profile: Participant.Profile(
                givenName: given,
                familyName: family,
                birthDate: birth,
                sex: sex.flatMap(Participant.Sex.init(rawValue:)),
                email: email,
                phone: phone,
                address: address,
                sectorCode: sector,
                building: building,
                livesInSocialHousing: socialHousing,
                language: Participant.Language(rawValue: language) ?? .fr,
                calendarCode: calendar,
                schoolName: school,
                schoolStatus: Participant.SchoolStatus(rawValue: status) ?? .notApplicable,
                diploma: Participant.Diploma(rawValue: diploma) ?? .none,
                travelMinutesHome: travel,
                notes: notes
            ),
            archived: archived
        )
    }

    private static func consent(_ row: PQRow) throws -> (participantID: Int, consent: Consent) {
        let (participantID, id, kind, guardian, document, signed, expires, revoked, maximum, tasks, availability) =
            try row.decode(
                Int.self,
                Int.self,
                String.self,
                Int?.self,
                String?.self,
                LocalDate.self,
                LocalDate?.self,
                LocalDate?.self,
                Int?.self,
                [String].self,
                PQJSON?.self
            )
        let windows = try availability.map { try $0.decode([String].self).compactMap(WeeklyWindow.init(text:)) }
        return (
            participantID,
            Consent(
                id: id,
                kind: Consent.Kind(rawValue: kind) ?? .programConsent,
                guardianID: guardian,
                documentReference: document,
                signedOn: signed,
                expiresOn: expires,
                revokedOn: revoked,
                maxMinutesPerWeek: maximum,
                tasks: tasks,
                availability: windows
            )
        )
    }
}
