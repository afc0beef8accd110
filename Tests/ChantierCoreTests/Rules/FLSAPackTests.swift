import Testing

@testable import ChantierCore

/// US FLSA (rules.md §2). The week of Sunday 2026-10-11 to Saturday 2026-10-17 has school every weekday.
@Suite("Rule pack US-FLSA")
struct FLSAPackTests {
    /// 14 from February 2026.
    let fourteen = "2012-02-14"

    func check(
        born: String? = nil,
        attendsSchool: Bool = true,
        diploma: Bool = false,
        context: JobContext = JobContext(),
        existing: [String] = [],
        proposed: String
    ) -> ComplianceResult {
        Fixtures.check(
            .flsa,
            born: born ?? fourteen,
            attendsSchool: attendsSchool,
            diploma: diploma,
            context: context,
            existing: existing,
            proposed: proposed
        )
    }

    @Test func minimumAgeFourteenWithoutAParentalConsentException() {
        let consent = JobContext(
            employerCategory: .forProfit,
            guardianConsent: JobContext.GuardianConsent(onFile: true)
        )
        #expect(
            check(born: "2013-03-01", context: consent, proposed: "2026-10-17 09:00-12:00").rules == [
                "US-FLSA-MIN-AGE-14"
            ]
        )
        let parents = JobContext(employerCategory: .familyBusiness, childOfEmployer: true)
        #expect(check(born: "2013-03-01", context: parents, proposed: "2026-10-17 09:00-12:00").allowed)
    }

    @Test func outsideTheDistrictsSchoolHoursWhateverSchoolTheMinorAttends() {
        #expect(check(proposed: "2026-10-14 14:00-16:00").rules == ["US-FLSA-1415-SCHOOL-HOURS"])
        #expect(check(proposed: "2026-10-14 15:00-18:00").allowed)
        #expect(check(attendsSchool: false, proposed: "2026-10-14 10:00-12:00").rules == ["US-FLSA-1415-SCHOOL-HOURS"])
    }

    @Test func threeHoursOnASchoolDayEightOnOtherDays() {
        #expect(check(proposed: "2026-10-14 15:00-18:00").allowed)
        #expect(check(proposed: "2026-10-14 15:00-18:01").rules == ["US-FLSA-1415-DAY-SCHOOL-3H"])
        #expect(check(proposed: "2026-10-17 08:00-16:00").allowed)
        #expect(check(proposed: "2026-10-17 08:00-16:01").rules == ["US-FLSA-1415-DAY-NONSCHOOL-8H"])
        // Thanksgiving Thursday has no school: 8 h, although the week is a school week.
        #expect(check(proposed: "2026-11-26 08:00-16:00").allowed)
    }

    @Test func eighteenHoursInASchoolWeekFortyInOtherWeeks() {
        let schoolWeek = (12...15).map { Fixtures.on("2026-10", $0, "15:00-18:00") }
        #expect(check(existing: schoolWeek, proposed: "2026-10-17 09:00-15:00").allowed)
        #expect(
            check(existing: schoolWeek, proposed: "2026-10-17 09:00-15:01").rules == ["US-FLSA-1415-WEEK-SCHOOL-18H"]
        )
        // Thanksgiving week (school Monday to Wednesday) is a school week.
        let thanksgiving = ["2026-11-26 08:00-16:00", "2026-11-27 08:00-16:00"]
        #expect(
            check(existing: thanksgiving, proposed: "2026-11-28 08:00-10:01").rules == ["US-FLSA-1415-WEEK-SCHOOL-18H"]
        )
        let summerWeek = (12...15).map { Fixtures.on("2027-07", $0, "08:00-16:00") }
        #expect(check(existing: summerWeek, proposed: "2027-07-16 08:00-16:00").allowed)
        #expect(
            check(existing: summerWeek + ["2027-07-16 08:00-16:00"], proposed: "2027-07-17 08:00-08:01").rules == [
                "US-FLSA-1415-WEEK-NONSCHOOL-40H"
            ]
        )
    }

    @Test func between7And19And21FromJuneFirstThroughLaborDay() {
        #expect(check(proposed: "2026-10-17 07:00-10:00").allowed)
        #expect(check(proposed: "2026-10-17 06:59-10:00").rules == ["US-FLSA-1415-TIME-WINDOW"])
        #expect(check(proposed: "2026-10-17 16:00-19:00").allowed)
        #expect(check(proposed: "2026-10-17 16:00-19:01").rules == ["US-FLSA-1415-TIME-WINDOW"])
        // June 1 starts the 21:00 window, on a school day too; May 31 does not.
        #expect(check(proposed: "2027-06-01 18:00-21:00").allowed)
        #expect(check(proposed: "2027-06-01 18:01-21:01").rules == ["US-FLSA-1415-TIME-WINDOW"])
        #expect(check(proposed: "2027-05-31 18:00-21:00").rules == ["US-FLSA-1415-TIME-WINDOW"])
        // Labor Day (2026-09-07) is the last day of the window.
        #expect(FLSAPack.laborDay(of: 2026) == Fixtures.date("2026-09-07"))
        #expect(check(proposed: "2026-09-07 18:00-21:00").allowed)
        #expect(check(proposed: "2026-09-08 18:00-21:00").rules == ["US-FLSA-1415-TIME-WINDOW"])
    }

    @Test func equipmentAndHazardousOccupations() {
        let mower = JobContext(task: JobContext.Task(kind: "lawn-care", equipment: [.powerMower]))
        #expect(
            check(born: "2011-03-01", context: mower, proposed: "2026-10-17 09:00-12:00").rules == [
                "US-FLSA-1415-PROHIBITED-OCC"
            ]
        )
        #expect(check(born: "2010-03-01", context: mower, proposed: "2026-10-17 09:00-12:00").allowed)
        let saw = JobContext(task: JobContext.Task(kind: "pruning", equipment: [.chainSaw]))
        #expect(
            check(born: "2009-05-01", context: saw, proposed: "2026-10-17 09:00-12:00").rules == ["US-FLSA-HO14-SAWS"]
        )
        #expect(check(born: "1990-05-01", context: saw, proposed: "2026-10-17 09:00-12:00").allowed)
        let van = JobContext(task: JobContext.Task(kind: "delivery", equipment: [.motorVehicle]))
        #expect(
            check(born: "2009-05-01", context: van, proposed: "2026-10-17 09:00-12:00").rules == ["US-FLSA-HO2-DRIVING"]
        )
    }

    @Test func onlyHoursWorkedAtFourteenOrFifteenCount() {
        // Turns 16 on Thursday 2026-10-15: Thursday to Saturday are unrestricted.
        let born = "2010-10-15"
        let existing =
            ["2026-10-12 15:00-18:00", "2026-10-13 15:00-18:00"]
            + (15...17).map { Fixtures.on("2026-10", $0, "08:00-18:00") }
        #expect(check(born: born, existing: existing, proposed: "2026-10-14 15:00-18:00").allowed)
        #expect(check(born: born, proposed: "2026-10-15 19:00-22:00").allowed)
    }

    @Test func aHighSchoolGraduateIsNotBoundByTheHourStandards() {
        #expect(check(born: "2011-03-01", diploma: true, proposed: "2026-10-14 10:00-16:00").allowed)
    }
}
