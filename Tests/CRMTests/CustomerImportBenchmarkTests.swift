import Foundation
import FreightdeskCore
import Spreadsheet
import Storage
import TestSupport
import Testing

@testable import CRM

/// The customer import benchmark behind `bench/import`: skipped unless
/// `FREIGHTDESK_BENCH_CRM_IMPORT_ROWS` is set. It writes a customer workbook of that many rows
/// and imports it three times, each into a fresh SQLite company, through the real pipeline
/// (read, map, check each row with the customer form's rules, de-duplicate against the file and
/// the stored credit codes, insert every customer with its contact and audit row in one
/// transaction), then inserts the same rows with a plain SQLite insert loop in the same
/// database for comparison. It prints each run and the medians as `bench-crm-import` lines,
/// and never fails for being slow.
@Suite struct CustomerImportBenchmarkTests {
  private static let rowCount = ProcessInfo.processInfo.environment[
    "FREIGHTDESK_BENCH_CRM_IMPORT_ROWS"
  ].flatMap(Int.init)

  @Test(.enabled(if: rowCount != nil))
  func importingALargeCustomerWorkbookThroughThePipeline() throws {
    let rowCount = try #require(Self.rowCount)
    let rows = (1...rowCount).map(Self.customerRow)
    let data = try SpreadsheetExport.xlsx(
      sheetName: "客户", columns: ["客户名称", "统一社会信用代码", "行业", "联系人", "手机"].map { ExportColumn($0) },
      rows: rows.map { $0.map(CellValue.text) })
    print("bench-crm-import file: rows=\(rowCount) bytes=\(data.count)")
    var runs: [(pipeline: Double, check: Double, peakMiB: Double, raw: Double)] = []
    for run in 1...3 {
      let app = try TestApp(.sqlite)
      let company = try app.makeCompany("bench\(run)")
      resetPeakMemory()
      var start = ContinuousClock.now
      let plan = try CustomerImport.plan(
        data, mapping: nil, service: app.crm, in: company.tenant,
        bytesMax: CRMLimits.importUploadBytesMax)
      let check = seconds(since: start)
      let written = try CustomerImport.write(
        plan, choice: .validRowsOnly, service: app.crm, in: company.tenant,
        audit: testAudit(app))
      let pipeline = seconds(since: start)
      let peak = Double(peakResidentKiB()) / 1024
      #expect(written == rowCount)
      start = ContinuousClock.now
      try rawInsert(rows, into: app.database)
      let raw = seconds(since: start)
      runs.append((pipeline, check, peak, raw))
      print(
        "bench-crm-import run \(run): rows=\(rowCount) pipeline_seconds=\(format(pipeline))"
          + " of_which_read_and_check_seconds=\(format(check))"
          + " peak_rss_mib=\(format(peak)) raw_insert_seconds=\(format(raw))"
          + " ratio=\(format(pipeline / raw))")
    }
    let pipeline = median(runs.map(\.pipeline))
    let raw = median(runs.map(\.raw))
    print(
      "bench-crm-import median: rows=\(rowCount) pipeline_seconds=\(format(pipeline))"
        + " rows_per_second=\(Int(Double(rowCount) / pipeline))"
        + " of_which_read_and_check_seconds=\(format(median(runs.map(\.check))))"
        + " peak_rss_mib=\(format(median(runs.map(\.peakMiB))))"
        + " raw_insert_seconds=\(format(raw)) ratio=\(format(pipeline / raw))")
  }

  /// The same rows with one plain insert each, in one transaction, into a table of the same
  /// columns.
  private func rawInsert(_ rows: [[String]], into database: any Database) throws {
    try database.write { executor in
      try executor.executeScript(
        """
        CREATE TABLE bench_raw_customers (
          tenant_id BIGINT NOT NULL, id BIGINT NOT NULL, name TEXT NOT NULL,
          credit_code TEXT NOT NULL, industry TEXT NOT NULL, contact TEXT NOT NULL,
          mobile TEXT NOT NULL, PRIMARY KEY (tenant_id, id))
        """)
      for (index, row) in rows.enumerated() {
        _ = try executor.execute(
          "INSERT INTO bench_raw_customers VALUES (1, $1, $2, $3, $4, $5, $6)",
          [.integer(Int64(index))] + row.map(SQLValue.text))
      }
    }
  }

  /// Row `index`: a unique name and valid credit code, a contact and a valid mobile.
  private static func customerRow(_ index: Int) -> [String] {
    let body = String(index + 10_000_000).suffix(8)
    let first17 = "91350100" + body + String(CreditCode.organizationCheckCharacter(for: body))
    return [
      "福州顺达物流有限公司第\(index)分公司", first17 + String(CreditCode.checkCharacter(for: first17)),
      ["冷链", "快消品", "电子", "服装"][index % 4], "王经理", String(13_800_000_000 + index),
    ]
  }

  private func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  private func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
  }

  private func format(_ value: Double) -> String {
    String(format: "%.2f", value)
  }

  /// The process's peak resident set size (`VmHWM` in /proc/self/status), in KiB.
  private func peakResidentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
  }

  /// Resets the peak resident set size to the current one (Linux `clear_refs` value 5).
  private func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }
}
