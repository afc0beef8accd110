import Testing

@testable import ChantierCore

@Suite("Work orders and their CSV files")
struct WorkOrderTests {
    let date = Fixtures.date

    func details(lastDay: String? = "2026-12-13", skipped: [String] = []) -> WorkOrder.Details {
        WorkOrder.Details(
            title: "Corvée",
            siteCode: "parc",
            taskCode: "hand-cleanup",
            firstDay: date("2026-11-23"),
            lastDay: lastDay.map(date),
            weekdays: [.monday, .saturday],
            start: LocalTime(hour: 10)!,
            end: LocalTime(hour: 12)!,
            skippedDays: Set(skipped.map(date))
        )
    }

    @Test func occurrencesFollowTheDaysTheRangeAndTheSkippedDays() {
        let days = details(skipped: ["2026-11-28"]).occurrences(in: DateRange(date("2026-11-21"), date("2026-12-31")))
        #expect(days.map(\.description) == ["2026-11-23", "2026-11-30", "2026-12-05", "2026-12-07", "2026-12-12"])
        #expect(details(lastDay: nil).occurrences(in: DateRange(date("2027-01-01"), date("2027-01-04"))).count == 2)
        #expect(details().occurrences(in: DateRange(date("2027-01-01"), date("2027-01-31"))).isEmpty)
    }

    @Test func validationNamesTheField() {
        var order = details()
        order.end = LocalTime(hour: 9)!
        #expect(throws: RecordError(field: "end", "a shift ends after it starts on the same day (10:00 to 09:00)")) {
            try order.validated()
        }
        order = details(lastDay: "2026-11-01")
        #expect((try? order.validated()) == nil)
        order = details()
        order.headcount = 0
        #expect(throws: RecordError.self) { try order.validated() }
        order = details()
        order.siteCode = "Parc Sainte-Marguerite"
        #expect(throws: RecordError.self) { try order.validated() }
    }

    @Test func csvImportListsEveryBadLineAndRefusesIds() {
        let error = #expect(throws: ImportRejected.self) {
            try WorkOrderCSV.orders(
                in: """
                    title,site,task,first_day,weekdays,start,end,headcount
                    Tonte,parc,lawn-mowing,2026-11-23,mon;jeu,09:00,12:00,2
                    Tonte,parc,lawn-mowing,2026-11-23,someday,09:00,12:00,2
                    Tonte,parc,lawn-mowing,2026-11-23,mon,12:00,09:00,2
                    ,parc,lawn-mowing,2026-11-23,mon,09:00,12:00,two
                    """
            )
        }
        #expect(error?.problems.map(\.line) == [3, 4, 5])
        #expect(error?.problems.first?.field == "weekdays")
        let withID = #expect(throws: ImportRejected.self) {
            try WorkOrderCSV.orders(
                in: "id,title,site,task,first_day,weekdays,start,end\n4,T,parc,t,2026-11-23,mon,09:00,12:00\n"
            )
        }
        #expect(withID?.problems.first?.field == "id")
    }

    @Test func anExportedFileReadsBackWithoutItsIds() throws {
        let text = WorkOrderCSV.text(of: [WorkOrder(id: 7, details: details(skipped: ["2026-11-28"]))])
        let cleared = text.clearingFirstColumn()
        let orders = try WorkOrderCSV.orders(in: cleared)
        #expect(orders.first?.item == details(skipped: ["2026-11-28"]).normalised)
    }
}

extension String {
    /// The exported file with its id column emptied, as a coordinator would before importing it.
    fileprivate func clearingFirstColumn() -> String {
        split(separator: "\r\n").enumerated().map { index, line in
            index == 0 ? String(line) : "" + line.drop(while: { $0 != "," })
        }.joined(separator: "\r\n")
    }
}

extension WorkOrder.Details {
    fileprivate var normalised: WorkOrder.Details { (try? validated()) ?? self }
}
