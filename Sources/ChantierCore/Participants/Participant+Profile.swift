extension Participant {
    /// Everything a coordinator records about a participant besides guardians, consents and
    /// enrollments: the part a CSV file carries and `participant add` / `update` change.
    public struct Profile: Hashable, Sendable {
        public var givenName: String
        public var familyName: String
        public var birthDate: LocalDate
        public var sex: Sex?
        public var email: String?
        public var phone: String?
        public var address: String?
        public var sectorCode: String?
        public var building: String?
        public var livesInSocialHousing: Bool
        public var language: Language
        public var calendarCode: String?
        public var schoolName: String?
        public var schoolStatus: SchoolStatus
        public var diploma: Diploma
        /// Minutes from the work sites to home (Québec s. 84.7).
        public var travelMinutesHome: Int?
        public var notes: String?
        public var skills: [Skill]
        public var availability: Availability

        public init(
            givenName: String,
            familyName: String,
            birthDate: LocalDate,
            sex: Sex? = nil,
            email: String? = nil,
            phone: String? = nil,
            address: String? = nil,
            sectorCode: String? = nil,
            building: String? = nil,
            livesInSocialHousing: Bool = true,
            language: Language = .fr,
            calendarCode: String? = nil,
            schoolName: String? = nil,
            schoolStatus: SchoolStatus = .notApplicable,
            diploma: Diploma = .none,
            travelMinutesHome: Int? = nil,
            notes: String? = nil,
            skills: [Skill] = [],
            availability: Availability = Availability()
        ) {
            self.givenName = givenName
            self.familyName = familyName
            self.birthDate = birthDate
            self.sex = sex
            self.email = email
            self.phone = phone
            self.address = address
            self.sectorCode = sectorCode
            self.building = building
            self.livesInSocialHousing = livesInSocialHousing
            self.language = language
            self.calendarCode = calendarCode
            self.schoolName = schoolName
            self.schoolStatus = schoolStatus
            self.diploma = diploma
            self.travelMinutesHome = travelMinutesHome
            self.notes = notes
            self.skills = skills
            self.availability = availability
        }

        public var fullName: String { "\(givenName) \(familyName)" }

        public var person: Person {
            Person(
                birthDate: birthDate,
                attendsSchool: schoolStatus == .attending,
                diplomaObtained: diploma != .none,
                exemptFromSchoolAttendance: schoolStatus == .exempted
            )
        }

        /// Checks and normalises the profile (trimmed text, names in range, a past birth date).
        ///
        /// - Parameter today: the organisation's date, for the birth date.
        public func validated(today: LocalDate) throws(RecordError) -> Profile {
            var profile = self
            profile.givenName = try RecordFields.text(givenName, field: "given_name", maximum: 100)
            profile.familyName = try RecordFields.text(familyName, field: "family_name", maximum: 100)
            guard birthDate <= today, birthDate >= LocalDate(year: 1900, month: 1, day: 1)! else {
                throw RecordError(field: "birth_date", "\(birthDate) is not a plausible birth date")
            }
            profile.email = try RecordFields.email(email)
            profile.phone = try RecordFields.optionalText(phone, field: "phone", maximum: 50)
            profile.address = try RecordFields.optionalText(address, field: "address", maximum: 500)
            profile.sectorCode = try sectorCode.flatMap { code throws(RecordError) in
                code.isEmpty ? nil : try RecordFields.code(code, field: "sector")
            }
            profile.building = try RecordFields.optionalText(building, field: "building", maximum: 100)
            profile.calendarCode = try calendarCode.flatMap { code throws(RecordError) in
                code.isEmpty ? nil : try RecordFields.code(code, field: "school_calendar")
            }
            profile.schoolName = try RecordFields.optionalText(schoolName, field: "school_name", maximum: 200)
            if let travelMinutesHome {
                _ = try RecordFields.integer(travelMinutesHome, field: "travel_minutes_home", in: 0...600)
            }
            profile.notes = try RecordFields.optionalText(notes, field: "notes")
            let names = try RecordFields.names(skills.map(\.name), field: "skills")
            guard names.count == skills.count else { throw RecordError(field: "skills", "a skill is listed twice") }
            return profile
        }
    }
}
