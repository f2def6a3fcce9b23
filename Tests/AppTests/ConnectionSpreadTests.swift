import App
import Foundation
import Synchronization
import TestSupport
import Testing
import Web

/// Connections are spread over the server's worker threads, so a request that waits (for the
/// database, say) never holds up a request that arrived on another connection.
@Suite struct ConnectionSpreadTests {
  /// Requests that wait, without the database, until the test lets them all go.
  final class Meeting: Sendable {
    private let arrived = Mutex(0)
    private let dismissed = Mutex(false)

    func attend() {
      arrived.withLock { $0 += 1 }
      while !dismissed.withLock({ $0 }) { usleep(1000) }
    }

    /// Whether `count` requests are waiting together within `seconds`.
    func gathers(_ count: Int, within seconds: Double) -> Bool {
      let deadline = Date(timeIntervalSinceNow: seconds)
      while Date() < deadline {
        if arrived.withLock({ $0 }) >= count { return true }
        usleep(1000)
      }
      return false
    }

    func dismiss() {
      dismissed.withLock { $0 = true }
    }
  }

  private func meetingModule(_ meeting: Meeting) -> AppModule {
    AppModule(
      name: "meeting",
      registerRoutes: { routes in
        routes.root.get(
          "/meeting",
          Operation(
            id: "attendMeeting", summary: "Waits for the test", tag: "Tests",
            permission: .public, style: .plain)
        ) { _, _ in
          meeting.attend()
          return .text("done\n", contentType: "text/plain; charset=utf-8")
        }
      })
  }

  @Test func connectionsOpenedTogetherAreServedOnDifferentThreads() throws {
    let meeting = Meeting()
    let app = try TestApp(.sqlite, adding: [meetingModule(meeting)]) { $0.server.threads = 32 }
    let client = app.client
    // Four clients connect at once; each request waits until all four are in. Served by the
    // workers that happened to accept them, several would share a thread and wait in line.
    let answers = (0..<4).map { _ in Thread.detachedResult { try client.get("/meeting") } }
    let gathered = meeting.gathers(4, within: 10)
    meeting.dismiss()
    #expect(gathered, "the four requests did not all run at the same time")
    for answer in answers { #expect(try answer.value().status == 200) }
  }
}
