import Foundation
import FreightdeskCore
import Storage
import Synchronization
import TestSupport
import Testing

@Suite struct DocumentNumberTests {
  private let tenant = TenantID(Identifier(rawValue: 7))
  private let shanghai = TimeZone(identifier: "Asia/Shanghai")!
  /// 2026-12-03T16:30:00Z, which is already 2026-12-04 00:30 in Shanghai.
  private let lateEveningUTC = Instant(epochMilliseconds: 1_796_315_400_000)

  @Test(arguments: Backend.allCases)
  func numbersCarryThePrefixTheTenantsDayAndAPaddedSequence(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let numbers = try database.write(for: tenant) { scope in
      try (1...7).map { _ in
        try DocumentNumbers.next(prefix: "TO", at: lateEveningUTC, timeZone: shanghai, in: scope)
      }
    }
    #expect(numbers.last?.description == "TO20261204-0007")
    let utc = try database.write(for: tenant) { scope in
      try DocumentNumbers.next(
        prefix: "TO", at: lateEveningUTC, timeZone: TimeZone(identifier: "UTC")!, in: scope)
    }
    #expect(utc.description == "TO20261203-0001")
  }

  @Test(arguments: Backend.allCases)
  func theDayFollowsTheZonesSummerTimeAndWorksBefore1970(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let newYork = TimeZone(identifier: "America/New_York")!
    let utc = TimeZone(identifier: "UTC")!
    // (instant, zone, day): 03:30Z on 1 July is 23:30 the day before in New York (UTC-4 in
    // summer); 04:30Z on 1 January is 23:30 the day before too (UTC-5 in winter), 05:30Z is not.
    let cases: [(Int64, TimeZone, String)] = [
      (1_782_876_600_000, newYork, "20260630"), (1_767_241_800_000, newYork, "20251231"),
      (1_767_245_400_000, newYork, "20260101"), (-1, utc, "19691231"),
      (-86_400_000, utc, "19691231"), (-86_400_001, utc, "19691230"), (0, utc, "19700101"),
    ]
    let numbers = try database.write(for: tenant) { scope in
      try cases.map { instant, zone, _ in
        try DocumentNumbers.next(
          prefix: "TD", at: Instant(epochMilliseconds: instant), timeZone: zone, in: scope)
      }
    }
    #expect(numbers.map { String($0.description.dropFirst(2).prefix(8)) } == cases.map(\.2))
  }

  @Test(arguments: Backend.allCases)
  func eachTenantAndPrefixCountsOnItsOwn(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    let other = TenantID(Identifier(rawValue: 8))
    func next(_ prefix: String, _ tenant: TenantID) throws -> Int {
      try database.write(for: tenant) { scope in
        try DocumentNumbers.next(prefix: prefix, at: lateEveningUTC, timeZone: shanghai, in: scope)
      }.sequence
    }
    #expect(try next("TO", tenant) == 1)
    #expect(try next("TO", tenant) == 2)
    #expect(try next("INV", tenant) == 1)
    #expect(try next("TO", other) == 1)
  }

  @Test(arguments: Backend.allCases)
  func numbersFollowTheStoredCounterWhateverThisProcessLastIssued(backend: Backend) throws {
    // Another process (or a database this process wrote before) moves the counter between
    // two numbers, back and forth: each number still follows the stored counter.
    let tenant = TenantID(Identifier(rawValue: 77))
    let first = try TestDatabase.make(backend)
    let second = try TestDatabase.make(backend)
    func next(_ database: any Database) throws -> Int {
      try database.write(for: tenant) { scope in
        try DocumentNumbers.next(prefix: "PO", at: lateEveningUTC, timeZone: shanghai, in: scope)
      }.sequence
    }
    func setCounter(_ database: any Database, to number: Int) throws {
      try database.write(for: tenant) { scope in
        try scope.execute(
          "UPDATE document_sequences SET last_number = $2 WHERE tenant_id = $1",
          [SQLValue(number)])
      }
    }
    #expect(try next(first) == 1)
    #expect(try next(first) == 2)
    try setCounter(first, to: 5)
    #expect(try next(first) == 6)
    #expect(try next(second) == 1)
    #expect(try next(first) == 7)
    try setCounter(first, to: 1)
    #expect(try next(first) == 2)
    #expect(try next(second) == 2)
    #expect(try next(second) == 3)
    #expect(try next(first) == 3)
  }

  @Test(arguments: Backend.allCases)
  func concurrentWritersGetGapFreeUniqueNumbersEvenWhenSomeRollBack(backend: Backend) throws {
    let database = try TestDatabase.make(backend)
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE orders (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, number TEXT NOT NULL,
          PRIMARY KEY (tenant_id, id))
        """)
    }
    let threads = 6
    let ordersPerThread = 15
    let ids = IdentifierGenerator(node: 1, clock: SystemClock())
    let failures = Mutex<[any Error]>([])
    struct Abandoned: Error {}
    runConcurrently(threads: threads) { thread in
      for index in 0..<ordersPerThread {
        do {
          try database.write(for: tenant) { scope in
            let number = try DocumentNumbers.next(
              prefix: "TO", at: lateEveningUTC, timeZone: shanghai, in: scope)
            try scope.execute(
              "INSERT INTO orders (tenant_id, id, number) VALUES ($1, $2, $3)",
              [SQLValue(ids.next()), .text(number.description)])
            if (thread + index) % 4 == 0 { throw Abandoned() }
          }
        } catch is Abandoned {
        } catch {
          failures.withLock { $0.append(error) }
        }
      }
    }
    #expect(failures.withLock { $0.isEmpty }, "\(failures.withLock { $0 })")
    let numbers = try database.read(for: tenant) { scope in
      try scope.query("SELECT number FROM orders WHERE tenant_id = $1 ORDER BY number")
        .map { try $0.string("number") }
    }
    let committed = (0..<threads).flatMap { thread in
      (0..<ordersPerThread).filter { (thread + $0) % 4 != 0 }
    }.count
    #expect(numbers == (1...committed).map { String(format: "TO20261204-%04d", $0) })
  }
}
