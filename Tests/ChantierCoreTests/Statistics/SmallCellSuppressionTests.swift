import ChantierCore
import Testing

@Suite("Small-cell suppression")
struct SmallCellSuppressionTests {
    /// Return to work by sector: exits, returned, and the share.
    func table(_ rows: [(String, Int, Int)]) -> StatisticTable {
        StatisticTable(
            statistic: .returnToWork,
            columns: [
                .init("sector", "sector", .dimension),
                .init("exits", "exits", .people),
                .init("returned", "returned", .people),
                .init("share_returned", "returned / exits", .share(of: "returned", in: "exits")),
            ],
            rows: rows.map { .init(keys: [$0.0], values: ["exits": $0.1, "returned": $0.2]) },
            total: .init(
                keys: [],
                values: ["exits": rows.map(\.1).reduce(0, +), "returned": rows.map(\.2).reduce(0, +)]
            )
        )
    }

    func shown(_ table: StatisticTable, _ column: String, _ keys: [String]?) -> String? {
        table.cell(column, keys: keys)?.display
    }

    @Test func countsBelowTheThresholdAndTheSharesFromThemAreHidden() {
        let suppressed = SmallCellSuppression(threshold: 5).apply(to: table([("nord", 40, 20), ("sud", 30, 3)]))
        #expect(shown(suppressed, "returned", ["sud"]) == "<5")
        #expect(shown(suppressed, "share_returned", ["sud"]) == "<5")
        #expect(shown(suppressed, "exits", ["sud"]) == "30")
    }

    @Test func aHiddenCountCannotBeRecomputedFromTheTotal() {
        // Total returned 23 and nord's 20 would give sud's 3: the smallest other cell goes too.
        let suppressed = SmallCellSuppression(threshold: 5).apply(
            to: table([("nord", 40, 20), ("est", 25, 12), ("sud", 30, 3)])
        )
        #expect(shown(suppressed, "returned", ["sud"]) == "<5")
        #expect(shown(suppressed, "returned", ["est"]) == "<5", "the smallest other cell of the column")
        #expect(shown(suppressed, "returned", ["nord"]) == "20")
        #expect(shown(suppressed, "returned", nil) == "35")
        // With one group only, the total is the cell: it is hidden with it.
        let alone = SmallCellSuppression(threshold: 5).apply(to: table([("sud", 30, 3)]))
        #expect(shown(alone, "returned", nil) == "<5")
    }

    @Test func aCountWhoseComplementIsSmallIsHiddenToo() {
        // 28 of 30 returned says that 2 did not: as revealing as "2 returned".
        let suppressed = SmallCellSuppression(threshold: 5).apply(to: table([("nord", 40, 20), ("sud", 30, 28)]))
        #expect(shown(suppressed, "returned", ["sud"]) == "<5")
        #expect(shown(suppressed, "share_returned", ["sud"]) == "<5")
        #expect(shown(suppressed, "returned", ["nord"]) == "<5", "else 48 − 20 gives sud's 28")
    }

    @Test func minutesGoWithThePeopleTheyAreTheTimeOf() {
        let hours = StatisticTable(
            statistic: .hours,
            columns: [
                .init("month", "month", .dimension),
                .init("participants", "participants", .people),
                .init("minutes", "hours", .minutes(people: "participants")),
                .init("average", "hours per participant", .average(minutes: "minutes", per: "participants")),
            ],
            rows: [
                .init(keys: ["2026-01"], values: ["participants": 12, "minutes": 6000]),
                .init(keys: ["2026-02"], values: ["participants": 2, "minutes": 900]),
                .init(keys: ["2026-03"], values: ["participants": 9, "minutes": 3000]),
            ],
            total: .init(keys: [], values: ["participants": 14, "minutes": 9900])
        )
        let suppressed = SmallCellSuppression(threshold: 5).apply(to: hours)
        #expect(shown(suppressed, "minutes", ["2026-02"]) == "<5")
        #expect(shown(suppressed, "average", ["2026-02"]) == "<5")
        // The hours of February would follow from the total: March's go as well.
        #expect(shown(suppressed, "minutes", ["2026-03"]) == "<5")
        #expect(shown(suppressed, "minutes", ["2026-01"]) == "100.0")
        #expect(shown(suppressed, "minutes", nil) == "165.0")
    }

    @Test func withoutSuppressionEveryFigureIsShown() {
        let plain = table([("nord", 40, 20), ("sud", 30, 3)])
        #expect(shown(plain, "returned", ["sud"]) == "3")
        #expect(shown(plain, "share_returned", ["sud"]) == "10.0 %")
        #expect(shown(plain, "share_returned", nil) == "32.9 %")
    }
}
