import ChantierCore
import Foundation
import Testing

@Suite("The weekly planner")
struct PlannerTests {
    /// The naive greedy baseline's objective on each kit instance (`../shared/bench/results.json`).
    static let greedy: [String: Decimal] = [
        "tiny-school-s1": 145_516, "tiny-summer-s1": 153_173, "small-school-s1": 582_357, "small-summer-s1": 602_853,
    ]

    @Test(arguments: ["tiny-school-s1", "tiny-summer-s1", "small-school-s1", "small-summer-s1"])
    func everyPlanOfTheKitsInstancesIsValidAndBeatsGreedy(name: String) throws {
        let (data, instance) = try PlanFixtures.instance(named: name)
        let plan = Planner.plan(instance, work: 1_500_000, seed: 1)
        let verdict = try PlanFixtures.validate(data, plan)
        #expect(verdict.status == 0, "\(verdict.last)")
        let judged = try #require(Decimal(string: String(verdict.last.dropFirst("objective: ".count))))
        #expect(abs(judged - plan.objective) < 0.0001, "the planner's own objective is the judge's")
        #expect(plan.objective > Self.greedy[name]!)
    }

    @Test func theSameSeedGivesTheSamePlan() throws {
        let (_, instance) = try PlanFixtures.instance(named: "small-summer-s1")
        let first = Planner.plan(instance, work: 500_000, seed: 7)
        let second = Planner.plan(instance, work: 500_000, seed: 7)
        #expect(
            first.assignments.map { "\($0.participant)/\($0.shift)" }
                == second.assignments.map { "\($0.participant)/\($0.shift)" }
        )
        #expect(first.scaledObjective == second.scaledObjective)
    }

    @Test func edgeCasesAreHonoured() throws {
        let data = PlanFixtures.week(
            participants: [
                // Nowhere to be: no availability at all.
                PlanFixtures.participant("absent", available: []),
                // A week cap of 0.
                PlanFixtures.participant("capped", week: 0),
                // Worked 09:00–12:00 on Monday already: the shift touching it fits, the overlapping one not.
                PlanFixtures.participant("fixed", fixed: [("2026-11-23T09:00", "2026-11-23T12:00")]),
                // Turns 16 on Wednesday: old enough for Thursday's mowing, not Tuesday's.
                PlanFixtures.participant("birthday", born: "2010-11-25", sector: "sud"),
                // Fits only the two overlapping Friday shifts: one of them at most.
                PlanFixtures.participant("overlap", skills: ["permis"], days: ["2026-11-28": 0]),
            ],
            shifts: [
                PlanFixtures.shift("touching", "2026-11-23T12:00", "2026-11-23T14:00", priority: 5),
                PlanFixtures.shift("overlapping", "2026-11-23T11:00", "2026-11-23T13:00", skills: ["none"]),
                PlanFixtures.shift("mow-tue", "2026-11-24T10:00", "2026-11-24T12:00", sector: "sud", minAge: 16),
                PlanFixtures.shift("mow-thu", "2026-11-26T10:00", "2026-11-26T12:00", sector: "sud", minAge: 16),
                PlanFixtures.shift("drive-1", "2026-11-27T09:00", "2026-11-27T12:00", skills: ["permis"], demand: 2),
                PlanFixtures.shift("drive-2", "2026-11-27T11:00", "2026-11-27T14:00", skills: ["permis"], demand: 2),
                PlanFixtures.shift("saturday", "2026-11-28T09:00", "2026-11-28T10:00", skills: ["permis"]),
            ]
        )
        let instance = try PlanInstance(json: data)
        let plan = Planner.plan(instance, work: 100_000, seed: 3)
        #expect(try PlanFixtures.validate(data, plan).status == 0)
        let of = { (id: String) in Set(plan.assignments.filter { $0.participant == id }.map(\.shift)) }
        #expect(of("absent").isEmpty && of("capped").isEmpty)
        #expect(of("fixed").contains("touching"))
        #expect(of("birthday").contains("mow-thu") && !of("birthday").contains("mow-tue"))
        #expect(of("overlap").count == 1 && of("overlap").isSubset(of: ["drive-1", "drive-2"]))
    }

    @Test func malformedInstancesAreRefusedNamingTheField() {
        let cases: [(Data, String)] = [
            (Data("{".utf8), "not valid JSON"),
            (
                Data(
                    #"{"format": "chantier-plan/2", "week_start": "2026-11-23", "participants": [], "shifts": []}"#.utf8
                ), "format"
            ),
            (
                Data(
                    #"{"format": "chantier-plan/1", "week_start": "2026-11-24", "participants": [], "shifts": []}"#.utf8
                ), "week_start"
            ),
            (PlanFixtures.week(participants: [], shifts: [], weights: #"{"coverag": 5}"#), "unknown weight coverag"),
            (
                PlanFixtures.week(
                    participants: [],
                    shifts: [PlanFixtures.shift("late", "2026-11-23T23:00", "2026-11-24T01:00")]
                ),
                "same date"
            ),
            (
                PlanFixtures.week(
                    participants: [],
                    shifts: [PlanFixtures.shift("next", "2026-12-01T09:00", "2026-12-01T10:00")]
                ),
                "outside the week"
            ),
            (
                PlanFixtures.week(
                    participants: [PlanFixtures.participant("a"), PlanFixtures.participant("a")],
                    shifts: []
                ),
                "participants[1].id"
            ),
        ]
        for (data, expected) in cases {
            let error = #expect(throws: PlanInstanceError.self) { try PlanInstance(json: data) }
            #expect(error?.description.contains(expected) == true, "\(error?.description ?? "") should say \(expected)")
        }
    }

    /// Small random weeks: the planner reaches the optimum an exhaustive search finds.
    @Test(arguments: 1...24)
    func smallWeeksReachTheExhaustiveOptimum(seed: UInt64) throws {
        var random = Lcg(seed: seed)
        let days = ["23", "24", "25"]
        let participants = (0..<3).map { index in
            PlanFixtures.participant(
                "p\(index)",
                born: random.next(3) == 0 ? "2012-06-01" : "1990-06-01",
                sector: random.next(2) == 0 ? "nord" : "sud",
                target: [0, 120, 300][random.next(3)],
                week: [120, 240, 360][random.next(3)],
                days: random.next(2) == 0 ? ["2026-11-23": 60 * (1 + random.next(3))] : [:]
            )
        }
        let shifts = (0..<6).map { index in
            let hour = 8 + random.next(6)
            let length = 1 + random.next(3)
            let day = days[random.next(3)]
            return PlanFixtures.shift(
                "s\(index)",
                "2026-11-\(day)T\(String(format: "%02d", hour)):00",
                "2026-11-\(day)T\(String(format: "%02d", hour + length)):00",
                sector: random.next(2) == 0 ? "nord" : "sud",
                minAge: random.next(4) == 0 ? 16 : 0,
                demand: 1 + random.next(2),
                priority: 1 + random.next(5)
            )
        }
        let data = PlanFixtures.week(participants: participants, shifts: shifts)
        let instance = try PlanInstance(json: data)
        let plan = Planner.plan(instance, work: 200_000, seed: seed)
        #expect(try PlanFixtures.validate(data, plan).status == 0)
        let optimum = Exhaustive.best(instance)
        #expect(abs(plan.objective - optimum) < 0.0001, "seed \(seed): \(plan.objective) against \(optimum)")
    }
}

/// A tiny deterministic generator for the random weeks of the tests.
struct Lcg {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1 }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
