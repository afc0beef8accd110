import ChantierCore
import Testing

@Suite("Money, the minimum wage and payroll lines")
struct PayrollTests {
    let day = LocalDate(year: 2026, month: 11, day: 18)!

    @Test func moneyIsParsedAndPrintedExactlyAndAmountsRoundHalfUpToTheCent() {
        #expect(Money.cents("16.6") == 1660)
        #expect(Money.cents("16.60") == 1660)
        #expect(Money.cents("17") == 1700)
        #expect(Money.cents("16.605") == nil)
        #expect(Money.cents("-1") == nil)
        #expect(Money.cents("seize") == nil)
        #expect(Money.text(5) == "0.05")
        #expect(Money.text(20988) == "209.88")
        // 730 min at 17.25 $ is 209.875 $: half a cent rounds up.
        #expect(Money.amount(minutes: 730, rateCents: 1725) == 20988)
        // 7 min at 16.10 $ is 1.8783 $.
        #expect(Money.amount(minutes: 7, rateCents: 1610) == 188)
    }

    @Test func theMinimumWageIsTheRateInForceOnTheDayAndCanBeConfigured() throws {
        #expect(MinimumWage.quebec.cents(on: LocalDate(year: 2026, month: 4, day: 30)!) == 1610)
        #expect(MinimumWage.quebec.cents(on: LocalDate(year: 2026, month: 5, day: 1)!) == 1660)
        #expect(MinimumWage.quebec.cents(on: LocalDate(year: 2020, month: 1, day: 1)!) == nil)
        let configured = try MinimumWage(text: "2027-05-01=17.10, 2026-05-01=16.60")
        #expect(configured.cents(on: LocalDate(year: 2027, month: 6, day: 1)!) == 1710)
        #expect(configured.text == "2026-05-01=16.60,2027-05-01=17.10")
        #expect(throws: RecordError.self) { try MinimumWage(text: "2026-05-01=") }
        #expect(throws: RecordError.self) { try MinimumWage(text: "") }
    }

    @Test func linesSumMinutesPerParticipantProgramAndKindAtTheProgramRateWithTheMinimumWageAsFloor() throws {
        let entries = [
            Payroll.Entry(
                participantID: 1,
                participantName: "Léa",
                programCode: "agir",
                kind: .work,
                date: day,
                minutes: 90
            ),
            Payroll.Entry(
                participantID: 1,
                participantName: "Léa",
                programCode: "agir",
                kind: .work,
                date: day,
                minutes: 45
            ),
            Payroll.Entry(
                participantID: 1,
                participantName: "Léa",
                programCode: "agir",
                kind: .awarenessSession,
                date: day,
                minutes: 60
            ),
            Payroll.Entry(
                participantID: 2,
                participantName: "Martin",
                programCode: "multi",
                kind: .work,
                date: day,
                minutes: 730
            ),
        ]
        let payroll = try Payroll(
            period: DateRange(day, day),
            entries: entries,
            // Agir's rate is below the minimum wage: the floor wins.
            programRate: { program, _ in program == "multi" ? 1725 : 1500 },
            minimumWage: .quebec
        )
        #expect(payroll.lines.map(\.minutes) == [60, 135, 730])
        #expect(payroll.lines.map(\.kind) == [.awarenessSession, .work, .work])
        #expect(payroll.lines.map(\.hourlyRateCents) == [1660, 1660, 1725])
        #expect(payroll.lines.map(\.amountCents) == [1660, 3735, 20988])
        #expect(payroll.totalMinutes == 925)
        #expect(payroll.totalCents == 1660 + 3735 + 20988)
        #expect(throws: RecordError.self) {
            try Payroll(
                period: DateRange(day, day),
                entries: entries,
                programRate: { _, _ in nil },
                minimumWage: MinimumWage(rates: [.init(from: LocalDate(year: 2027, month: 1, day: 1)!, cents: 1700)])
            )
        }
    }
}
