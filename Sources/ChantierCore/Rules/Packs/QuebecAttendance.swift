/// Québec's "child subject to compulsory school attendance" (Education Act s. 14), a status,
/// not actual attendance: from the school year after the child turns 6 until the last day of the
/// school calendar of the school year (1 July – 30 June) in which the child turns 16, or until a
/// ministerial diploma. Dropouts under 16 remain subject.
struct QuebecAttendance {
    let person: Person
    let calendar: SchoolCalendar
    let options: RulePackOptions

    func isSubject(on date: LocalDate) -> Bool {
        if person.diplomaObtained { return false }
        if person.exemptFromSchoolAttendance && options.quebecExemptedChildren == .notSubject { return false }
        let sixteenth = person.birthday(turning: 16)
        let schoolYear = sixteenth.month >= 7 ? sixteenth.year : sixteenth.year - 1
        // Without the calendar's last day, the school year's own end is the conservative bound.
        let lastDay =
            calendar.lastDay(ofSchoolYearStartingIn: schoolYear) ?? LocalDate(year: schoolYear + 1, month: 6, day: 30)!
        if date <= lastDay { return true }
        return options.quebecEndOfAttendance == .notBeforeSixteenthBirthday && date < sixteenth
    }
}
