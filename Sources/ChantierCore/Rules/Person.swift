/// What the rule packs need to know about the person who works.
public struct Person: Hashable, Sendable {
    public var birthDate: LocalDate
    /// Whether the person is enrolled in school.
    public var attendsSchool: Bool
    /// A secondary diploma obtained: ends Québec's compulsory attendance and the FLSA hour standards.
    public var diplomaObtained: Bool
    /// Exempted from school attendance (Québec Education Act s. 15: illness, home schooling…).
    public var exemptFromSchoolAttendance: Bool

    public init(
        birthDate: LocalDate,
        attendsSchool: Bool,
        diplomaObtained: Bool = false,
        exemptFromSchoolAttendance: Bool = false
    ) {
        self.birthDate = birthDate
        self.attendsSchool = attendsSchool
        self.diplomaObtained = diplomaObtained
        self.exemptFromSchoolAttendance = exemptFromSchoolAttendance
    }

    /// Completed years on `date`: a birthday takes effect at 00:00 on the day, and someone born on
    /// 29 February turns a year older on 1 March in other years.
    public func age(on date: LocalDate) -> Int {
        let (year, month, day) = date.components
        let birth = birthDate.components
        return year - birth.year - ((month, day) < (birth.month, birth.day) ? 1 : 0)
    }

    /// The day the person turns `years` old.
    public func birthday(turning years: Int) -> LocalDate {
        let birth = birthDate.components
        let year = birth.year + years
        return LocalDate(year: year, month: birth.month, day: birth.day)
            ?? LocalDate(year: year, month: 3, day: 1)!
    }
}
