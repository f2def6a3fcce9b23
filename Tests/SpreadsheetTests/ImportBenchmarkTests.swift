import Foundation
import FreightdeskCore
import Spreadsheet
import Testing

/// The import benchmark behind `bench/import`: skipped unless `FREIGHTDESK_BENCH_IMPORT_ROWS`
/// is set. It writes a customer list of that many rows as .xlsx with the exporter, then reads,
/// maps, validates and de-duplicates it through the import pipeline, and prints the time and
/// peak memory of each phase as `bench-import` lines. It never fails for being slow.
@Suite struct ImportBenchmarkTests {
  private static let rowCount = ProcessInfo.processInfo.environment[
    "FREIGHTDESK_BENCH_IMPORT_ROWS"
  ].flatMap(Int.init)

  @Test(.enabled(if: rowCount != nil))
  func importingALargeCustomerWorkbook() throws {
    let rowCount = try #require(Self.rowCount)
    let columns = ["客户名称", "统一社会信用代码", "联系电话", "城市", "信用额度", "签约日期"]
      .map { ExportColumn($0) }
    var clock = ContinuousClock.now
    let data = try SpreadsheetExport.xlsx(
      sheetName: "客户", columns: columns, rows: (1...rowCount).lazy.map(Self.customerRow))
    report("write", rows: rowCount, since: &clock, extra: "bytes=\(data.count)")

    resetPeakMemory()
    let file = try SpreadsheetFile(data: data)
    let mapping = ImportMapping.suggested(header: try file.header(), fields: CustomerFixture.fields)
    let plan = try ImportPlanner.plan(
      file: file, mapping: mapping, fields: CustomerFixture.fields,
      duplicates: CustomerFixture.duplicates(), validate: CustomerFixture.validated)
    let records = try plan.records(for: .validRowsOnly)
    report(
      "import", rows: rowCount, since: &clock,
      extra: "valid=\(records.count) invalid=\(plan.preview.invalidRowCount)")
    #expect(plan.preview.rowCount == rowCount)
    #expect(plan.preview.invalidRowCount == rowCount / 100)
  }

  /// Row `index` of a customer list: a unique valid credit code, and a bad phone number on
  /// every hundredth row.
  private static func customerRow(_ index: Int) -> [CellValue] {
    let body = String(index + 10_000_000).suffix(8)
    let first17 = "91350100" + body + String(CreditCode.organizationCheckCharacter(for: body))
    let creditCode = first17 + String(CreditCode.checkCharacter(for: first17))
    let phone = index % 100 == 0 ? "12345" : String(13_800_000_000 + index)
    return [
      .text("福州顺达物流有限公司第\(index)分公司"), .text(creditCode), .text(phone),
      .text(["福州", "厦门", "泉州", "Shanghai"][index % 4]), .number(Double(index % 500) * 1000),
      .date(CivilDate(year: 2020 + index % 7, month: 1 + index % 12, day: 1 + index % 28)),
    ]
  }

  private func report(
    _ phase: String, rows: Int, since clock: inout ContinuousClock.Instant, extra: String
  ) {
    let elapsed = clock.duration(to: .now)
    clock = .now
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let peakMiB = Double(peakResidentKiB()) / 1024
    print(
      "bench-import \(phase): rows=\(rows) seconds=\(String(format: "%.2f", seconds))"
        + " rows_per_second=\(Int(Double(rows) / seconds))"
        + " peak_rss_mib=\(String(format: "%.1f", peakMiB)) \(extra)")
  }

  /// The process's peak resident set size (`VmHWM` in /proc/self/status), in KiB.
  private func peakResidentKiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
  }

  /// Resets the peak resident set size to the current one, so the import phase is measured
  /// without the writing phase before it (Linux `clear_refs` value 5).
  private func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }
}
