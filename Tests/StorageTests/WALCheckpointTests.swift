import Foundation
import Testing

@testable import Storage

/// SQLite's WAL is checkpointed beside the writer; it must still stay bounded while writes
/// keep coming, and lose nothing.
@Suite struct WALCheckpointTests {
  private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-\(UUID().uuidString)-wal.sqlite").path
  }

  private func walBytes(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path + "-wal")
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
  }

  @Test func writesThatNeverPauseKeepTheWALBoundedAndAllLand() throws {
    let path = temporaryPath()
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    var options = DatabaseOptions()
    options.synchronous = .normal
    options.walCheckpointPassPages = 100
    options.walPagesMax = 400
    let database = try openDatabase(url: "sqlite:\(path)", options: options)
    try database.write {
      try $0.executeScript("CREATE TABLE parcels (id BIGINT PRIMARY KEY, label TEXT)")
    }
    // Each row fills most of a page, so every write adds at least one page to the WAL: 1,500
    // writes would make a WAL of about 6 MB if it never started over.
    let label = String(repeating: "包裹", count: 500)
    let writes = 1_500
    for id in 0..<writes {
      try database.write { executor in
        try executor.execute(
          "INSERT INTO parcels (id, label) VALUES ($1, $2)", [.integer(Int64(id)), .text(label)])
      }
    }
    let sqlite = try #require(database as? SQLiteDatabase)
    // The background thread may lag behind a fast writer; it has run once the writes stop.
    let deadline = Date(timeIntervalSinceNow: 10)
    while sqlite.checkpointStatistics.passes == 0 && Date() < deadline { usleep(10_000) }
    let statistics = sqlite.checkpointStatistics
    #expect(statistics.passes > 0)
    #expect(statistics.failures == 0)
    #expect(statistics.writerCheckpoints > 0)
    // The maximum is not a hard limit: the writer's own checkpoint gives way while a pass
    // runs, and a pass can take long on a busy machine. But the WAL started over, so the file
    // stayed smaller than the pages written, each 4 KiB with a 24-byte frame header.
    #expect(statistics.restarts > 0)
    #expect(try walBytes(path) < writes * (4_096 + 24))
    database.close()

    let reopened = try openDatabase(url: "sqlite:\(path)")
    defer { reopened.close() }
    let rows = try reopened.read {
      try $0.query("SELECT COUNT(*) AS n, SUM(length(label)) AS size FROM parcels", [])
    }
    #expect(try rows.first?.int("n") == writes)
    #expect(try rows.first?.int("size") == writes * 1_000)
  }
}
