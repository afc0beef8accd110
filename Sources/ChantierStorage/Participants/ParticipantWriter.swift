import ChantierCore
import ChantierPQ

/// Writes a participant's profile and the tables it spans, within the caller's transaction.
struct ParticipantWriter {
    let connection: PQConnection

    func insert(_ profile: Participant.Profile) async throws -> Int {
        let (sector, calendar) = try await references(of: profile)
        let id = try await connection.query(
            """
            INSERT INTO participants (given_name, family_name, birth_date, sex, email, phone, address, sector_id,
                                      building, lives_in_social_housing, language, school_calendar_id, school_name,
                                      school_status, diploma, travel_minutes_home, notes)
            VALUES (\(profile.givenName), \(profile.familyName), \(profile.birthDate), \(profile.sex?.rawValue),
                    \(profile.email), \(profile.phone), \(profile.address), \(sector), \(profile.building),
                    \(profile.livesInSocialHousing), \(profile.language.rawValue), \(calendar), \(profile.schoolName),
                    \(profile.schoolStatus.rawValue), \(profile.diploma.rawValue), \(profile.travelMinutesHome),
                    \(profile.notes))
            RETURNING id
            """
        ).value(Int.self)
        try await replaceSkills(of: id, with: profile.skills)
        try await replaceWindows(of: id, with: profile.availability.windows)
        try await replaceExceptions(of: id, with: profile.availability.exceptions)
        return id
    }

    /// Saves what changed from `old` to `new`; tables that did not change are left alone, so the
    /// audit log shows only real changes.
    func update(id: Int, from old: Participant.Profile, to new: Participant.Profile) async throws {
        let (sector, calendar) = try await references(of: new)
        try await connection.query(
            """
            UPDATE participants SET
                given_name = \(new.givenName), family_name = \(new.familyName), birth_date = \(new.birthDate),
                sex = \(new.sex?.rawValue), email = \(new.email), phone = \(new.phone), address = \(new.address),
                sector_id = \(sector), building = \(new.building),
                lives_in_social_housing = \(new.livesInSocialHousing), language = \(new.language.rawValue),
                school_calendar_id = \(calendar), school_name = \(new.schoolName),
                school_status = \(new.schoolStatus.rawValue), diploma = \(new.diploma.rawValue),
                travel_minutes_home = \(new.travelMinutesHome), notes = \(new.notes)
            WHERE id = \(id)
              AND (given_name, family_name, birth_date, sex, email, phone, address, sector_id, building,
                   lives_in_social_housing, language, school_calendar_id, school_name, school_status, diploma,
                   travel_minutes_home, notes)
                  IS DISTINCT FROM
                  (\(new.givenName), \(new.familyName), \(new.birthDate), \(new.sex?.rawValue), \(new.email),
                   \(new.phone), \(new.address), \(sector), \(new.building), \(new.livesInSocialHousing),
                   \(new.language.rawValue), \(calendar), \(new.schoolName), \(new.schoolStatus.rawValue),
                   \(new.diploma.rawValue), \(new.travelMinutesHome), \(new.notes))
            """
        )
        if old.skills != new.skills { try await replaceSkills(of: id, with: new.skills) }
        if old.availability.windows != new.availability.windows {
            try await replaceWindows(of: id, with: new.availability.windows)
        }
        if old.availability.exceptions != new.availability.exceptions {
            try await replaceExceptions(of: id, with: new.availability.exceptions)
        }
    }

    private func references(of profile: Participant.Profile) async throws -> (sector: Int?, calendar: Int?) {
        let sector = try await profile.sectorCode.asyncMap { code in
            try await RegistryTable.sector.id(of: code, field: "sector", on: connection)
        }
        let calendar = try await profile.calendarCode.asyncMap { code in
            try await RegistryTable.calendar.id(of: code, field: "school_calendar", on: connection)
        }
        return (sector, calendar)
    }

    private func replaceSkills(of id: Int, with skills: [Participant.Skill]) async throws {
        try await connection.query("DELETE FROM participant_skills WHERE participant_id = \(id)")
        for skill in skills {
            try await connection.query(
                """
                INSERT INTO participant_skills (participant_id, skill, certified_until)
                VALUES (\(id), \(skill.name), \(skill.certifiedUntil))
                """
            )
        }
    }

    private func replaceWindows(of id: Int, with windows: [WeeklyWindow]) async throws {
        try await connection.query("DELETE FROM availability_windows WHERE participant_id = \(id)")
        for window in windows {
            try await connection.query(
                """
                INSERT INTO availability_windows (participant_id, weekday, start_time, end_time)
                VALUES (\(id), \(window.weekday.isoNumber), \(window.start), \(window.end))
                """
            )
        }
    }

    private func replaceExceptions(of id: Int, with exceptions: [Availability.Exception]) async throws {
        try await connection.query("DELETE FROM availability_exceptions WHERE participant_id = \(id)")
        for exception in exceptions {
            try await connection.query(
                """
                INSERT INTO availability_exceptions (participant_id, day, available, start_time, end_time, note)
                VALUES (\(id), \(exception.date), \(exception.available), \(exception.start), \(exception.end),
                        \(exception.note))
                """
            )
        }
    }
}
