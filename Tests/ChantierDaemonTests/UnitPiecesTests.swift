import ChantierCore
import Logging
import Testing

@testable import ChantierDaemon
@testable import ChantierSystemd

@Suite("Small pieces of the daemon")
struct UnitPiecesTests {
    @Test func probesBackOffQuicklyThenSettleAtTheMaximum() {
        let schedule = ProbeSchedule()
        #expect(schedule.delay(afterFailures: 0) == .seconds(2))
        #expect(schedule.delay(afterFailures: 1) == .milliseconds(250))
        #expect(schedule.delay(afterFailures: 2) == .milliseconds(500))
        #expect(schedule.delay(afterFailures: 3) == .seconds(1))
        #expect(schedule.delay(afterFailures: 4) == .seconds(2))
        #expect(schedule.delay(afterFailures: 50) == .seconds(2))
    }

    @Test func logfmtQuotesWhatNeedsQuoting() {
        var line = LogfmtLine()
        line.append("level", "info")
        line.append("msg", "database unavailable")
        line.append("chantier.reason", "a \"quoted\" word\nnext")
        line.append("empty", "")
        #expect(
            line.text == #"level=info msg="database unavailable" chantier.reason="a \"quoted\" word\nnext" empty="""#
        )
    }

    @Test func journalFieldsAreUpperCaseIdentifiers() {
        #expect(JournalLogHandler.fieldName("chantier.participant.id") == "CHANTIER_PARTICIPANT_ID")
        #expect(JournalLogHandler.fieldName("sl-service") == "SL_SERVICE")
        #expect(JournalLogHandler.fieldName("_private") == "F_PRIVATE")
        #expect(JournalLogHandler.priority(.warning) == 4)
    }

    @Test func notifyAssignmentsAreWhatSystemdReads() {
        #expect(NotifyState.ready.assignment == "READY=1")
        #expect(NotifyState.status("waiting\nfor the database").assignment == "STATUS=waiting for the database")
        #expect(NotifyState.extendTimeout(microseconds: 30_000_000).assignment == "EXTEND_TIMEOUT_USEC=30000000")
        #expect(NotifyState.monotonicMicroseconds(42).assignment == "MONOTONIC_USEC=42")
    }

    @Test func accessRules() {
        #expect(OperationCatalog.Access.anyone.allows([]))
        #expect(!OperationCatalog.Access.anyRole.allows([]))
        #expect(OperationCatalog.Access.anyRole.allows([.manager]))
        #expect(OperationCatalog.Access.roles([.admin, .coordinator]).allows([.coordinator, .supervisor]))
        #expect(!OperationCatalog.Access.roles([.admin, .coordinator]).allows([.manager]))
    }
}
