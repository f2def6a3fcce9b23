import Foundation
import FreightdeskCore
import Orders
import Storage
import TestSupport
import Testing

@Suite struct OrderDemoTests {
  @Test func theDemoHasSixMonthsOfOrdersInEveryState() throws {
    let app = try TestApp(.primary)
    let started = Date()
    let demo = try app.application.createDemo()
    let seconds = Date().timeIntervalSince(started)
    let rows = try app.database.read(for: demo.company.tenant) {
      try $0.query(
        """
        SELECT status, COUNT(*) AS n, MIN(created_at) AS first FROM orders WHERE tenant_id = $1
        GROUP BY status
        """)
    }
    let counts = Dictionary(
      uniqueKeysWithValues: try rows.map { (try $0.string("status"), try $0.int("n")) })
    #expect(Set(counts.keys) == Set(OrderStatus.allCases.map(\.rawValue)), "\(counts)")
    #expect(counts.values.reduce(0, +) > 1_000)
    let first = try rows.map { try $0.int64("first") }.min() ?? 0
    #expect(app.clock.now().epochMilliseconds - first > 170 * 86_400_000)
    let holds = try app.database.read(for: demo.company.tenant) {
      try $0.query(
        "SELECT COUNT(*) AS n FROM credit_holds WHERE tenant_id = $1 AND reference LIKE 'order:%'")
    }
    #expect(try holds[0].int("n") == counts["on_hold"])
    // Customers' timelines show each order when it was placed, not when the demo was seeded
    // (the background dispatcher records them).
    var placed: Row?
    for _ in 0..<1_000 {
      placed = try app.database.read(for: demo.company.tenant) {
        try $0.query(
          """
          SELECT MIN(occurred_at) AS first, COUNT(*) AS n FROM crm_timeline_events
          WHERE tenant_id = $1 AND topic = 'order.created'
          """)[0]
      }
      if try placed?.int("n") == counts.values.reduce(0, +) { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    let timeline = try #require(placed)
    #expect(try timeline.int("n") == counts.values.reduce(0, +))
    #expect(app.clock.now().epochMilliseconds - (try timeline.int64("first")) > 170 * 86_400_000)
    print("orders demo: \(counts.values.reduce(0, +)) orders seeded with the demo in \(seconds) s")
  }
}
