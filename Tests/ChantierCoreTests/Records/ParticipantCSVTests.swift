import Testing

@testable import ChantierCore

@Suite("Participants in CSV")
struct ParticipantCSVTests {
    let today = Fixtures.date("2026-11-21")

    @Test func linesAddOrUpdateAndBadOnesAreAllListed() throws {
        let lines = try ParticipantCSV.lines(
            in: """
                given_name,family_name,birth_date,skills,availability,social_housing
                Léa,Tremblay,2011-03-14,peinture;premiers-soins:2027-06-30,mon 16:00-19:00;sat 09:00-12:00,oui
                """,
            today: today
        )
        let profile = try lines[0].applied(to: ParticipantCSV.blank, today: today)
        #expect(
            profile.skills == [
                .init(name: "peinture"), .init(name: "premiers-soins", certifiedUntil: Fixtures.date("2027-06-30")),
            ]
        )
        #expect(profile.availability.windows.map(\.description) == ["mon 16:00-19:00", "sat 09:00-12:00"])
        let error = #expect(throws: ImportRejected.self) {
            try ParticipantCSV.lines(
                in: """
                    id,given_name,family_name,birth_date,sex
                    ,Noah,Côté,2012-08-30,male
                    ,Mia,,2013-05-14,
                    ,Adam,Diallo,2031-01-25,
                    x,Adam,Diallo,2012-01-25,
                    ,Emma,Lefèbvre,2009-12-20,woman
                    """,
                today: today
            )
        }
        #expect(
            error?.problems.map(\.description) == [
                "line 3: family_name: required to add a participant",
                "line 4: birth_date: 2031-01-25 is not a plausible birth date",
                "line 5: id: \"x\" is not a participant id",
                "line 6: sex: \"woman\" is not one of female, male, other",
            ]
        )
    }

    @Test func anUpdateLineChangesOnlyItsColumns() throws {
        let base = Participant.Profile(
            givenName: "Léa",
            familyName: "Tremblay",
            birthDate: Fixtures.date("2011-03-14"),
            phone: "819-555-0201"
        )
        let lines = try ParticipantCSV.lines(in: "id,phone\n3,819-555-9999\n", today: today)
        #expect(lines[0].id == 3)
        let updated = try lines[0].applied(to: base, today: today)
        #expect(updated.phone == "819-555-9999")
        #expect(updated.givenName == "Léa")
    }

    @Test func anExportReadsBackAsTheSameProfiles() throws {
        var profile = Participant.Profile(
            givenName: "Jean-François",
            familyName: "Lavoie, fils",
            birthDate: Fixtures.date("1982-12-11"),
            sectorCode: "adelard-dugre",
            notes: "préfère \"le matin\""
        )
        profile.availability.windows = [WeeklyWindow(text: "tue 08:00-12:00")!]
        let text = ParticipantCSV.text(of: [Participant(id: 12, profile: profile)])
        let lines = try ParticipantCSV.lines(in: text, today: today)
        #expect(lines[0].id == 12)
        #expect(try lines[0].applied(to: ParticipantCSV.blank, today: today) == profile)
    }
}
