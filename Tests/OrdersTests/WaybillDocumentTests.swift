import Foundation
import FreightdeskCore
import PDF
import Synchronization
import TestSupport
import Testing
import Web

@testable import Orders

@Suite struct WaybillDocumentTests {
  let shanghai = TimeZone(identifier: "Asia/Shanghai")!
  let printedAt = Instant(epochMilliseconds: 1_796_600_000_000)

  /// A confirmed, priced order Shanghai → Shenzhen with a cold-chain and a fragile,
  /// dangerous line; windows on 2026-12-07 and 08 10:00–14:00 China time (02:00–06:00 UTC).
  func order(status: OrderStatus = .confirmed, priced: Bool = true) -> Order {
    let pickup = OrderStop(
      kind: .pickup, region: "上海市/浦东新区", address: "张江路 88 号", contactName: "王师傅",
      contactPhone: "13800001111",
      windows: [
        OrderTimeWindow(
          start: Instant(epochMilliseconds: 1_796_608_800_000),
          end: Instant(epochMilliseconds: 1_796_623_200_000))
      ])
    let delivery = OrderStop(
      kind: .delivery, region: "广东省/深圳市", address: "南山区科技园 1 号", contactName: "陈先生",
      contactPhone: "13912345678",
      windows: [
        OrderTimeWindow(
          start: Instant(epochMilliseconds: 1_796_695_200_000),
          end: Instant(epochMilliseconds: 1_796_709_600_000))
      ])
    let price = OrderPrice(
      lines: priced
        ? [.init(code: "freight", amountFen: 12_000), .init(code: "fuel", amountFen: 600)] : [],
      totalFen: priced ? 12_600 : 0, promotionCode: nil)
    return Order(
      id: Identifier(rawValue: 42), waybill: "TO20261204-0007", customerID: Identifier(rawValue: 7),
      contactName: "李女士", serviceType: .ltl, status: status, exception: nil,
      stops: [pickup, delivery],
      cargo: [
        CargoLine(
          description: "冷冻水饺", packages: 2, weightKg: 20.5, volumeM3: 0.05, pallets: 1,
          declaredValueFen: 100_000, temperatureMinC: -18, temperatureMaxC: -12),
        CargoLine(
          description: "玻璃器皿", packages: 1, weightKg: 3, volumeM3: 0.01, fragile: true,
          dangerousGoodsClass: "3"),
      ],
      services: [.urgent, .receiptReturn], settlement: .monthly, price: price,
      priceFrozen: status != .draft, quoteNumber: nil, source: .staff, notes: "请走货梯，勿倒置",
      eta: nil, deliveredAt: nil, createdAt: Instant(epochMilliseconds: 1_796_550_000_000),
      updatedAt: Instant(epochMilliseconds: 1_796_550_000_000), version: 1)
  }

  func subject(_ order: Order) -> WaybillSubject {
    WaybillSubject(
      order: order, companyName: "顺达物流有限公司", customerName: "云舟电商",
      trackingLink: "http://127.0.0.1/track?company=shunda&waybill=TO20261204-0007")
  }

  /// The document's text as poppler reads it, without white space (which it spaces by
  /// position), so expectations name the words only.
  func text(_ document: PDFDocument) throws -> String {
    try Poppler.text(document.data()).filter { !$0.isWhitespace }
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func theChineseWaybillShowsEveryFieldWithTimesInTheCompanysZone() throws {
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    let text = try text(
      WaybillDocument.document(subject(order()), localizer: t, printedAt: printedAt))
    for expected in [
      "顺达物流有限公司", "运单（托运单）", "TO20261204-0007", "状态：已确认", "云舟电商", "李女士", "零担", "月结",
      "加急 / 次日达、签收回单", "上海市/浦东新区", "张江路 88 号", "王师傅 13800001111",
      "2026-12-07 10:00–14:00", "2026-12-08 10:00–14:00", "陈先生 13912345678", "冷冻水饺", "−18 ~ −12 °C",
      "¥1,000.00", "20.5", "23.5", "0.06", "玻璃器皿", "燃油附加费", "¥126.00", "请走货梯，勿倒置",
      "收货人签收（签字或盖章）", "签收时间", "扫码查询", "第 1 / 1 页",
    ] {
      #expect(text.contains(expected.filter { !$0.isWhitespace }), "\(expected) in \(text)")
    }
    #expect(!text.contains("未计价"))
    #expect(!text.contains("草稿"))
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func theEnglishWaybillIsCompleteAndSaysWhenItIsNotPriced() throws {
    let t = Localizer(locale: .english, timeZone: shanghai)
    let draft = order(status: .draft, priced: false)
    let text = try text(
      WaybillDocument.document(subject(draft), localizer: t, printedAt: printedAt))
    for expected in [
      "Waybill", "Status: Draft", "Pickup and delivery", "not priced", "Scan to track",
      "2026-12-07 10:00–14:00", "Page 1 of 1",
    ] {
      #expect(text.contains(expected.filter { !$0.isWhitespace }), "\(expected) in \(text)")
    }
  }

  @Test(.enabled(if: Poppler.isAvailable))
  func aDraftCarriesItsStatusTurnedAcrossTheMiddleOfEveryPage() throws {
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    var long = order(status: .draft)
    long.cargo = Array(repeating: long.cargo[0], count: OrdersLimits.cargoLinesMax)
    let document = try WaybillDocument.document(subject(long), localizer: t, printedAt: printedAt)
    #expect(document.pages.count >= 2)
    for page in document.pages {
      let marks = page.operations.compactMap { operation -> (PDFTextBlock, PDFPoint)? in
        if case .text(let block, let origin, 30) = operation { (block, origin) } else { nil }
      }
      #expect(marks.map(\.0.text) == ["草稿"])
      // The block's centre, turned 30° anticlockwise about its corner, is the page's centre.
      guard let (block, origin) = marks.first else { continue }
      let (cosine, sine) = (cos(Double.pi / 6), sin(Double.pi / 6))
      let centreX = origin.x + block.widthPoints / 2 * cosine + block.heightPoints / 2 * sine
      let centreY = origin.y - block.widthPoints / 2 * sine + block.heightPoints / 2 * cosine
      #expect(abs(centreX - PDFPageSize.a4.width / 2) < 0.001)
      #expect(abs(centreY - PDFPageSize.a4.height / 2) < 0.001)
    }
    #expect(try text(document).contains("草稿"))
  }

  @Test func waybillsDrawnOnEightThreadsAtOnceAreTheSameFile() throws {
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    let document = try WaybillDocument.document(
      subject(order()), localizer: t, printedAt: printedAt)
    let expected = try document.data()
    let outcomes = Outcomes()
    let finished = DispatchGroup()
    // Threads of their own (not a pool the size of the cores), each new to pango.
    for _ in 0..<8 {
      finished.enter()
      Thread {
        let result = Result { () throws(PDFRenderError) in try document.data() }
        outcomes.results.withLock { $0.append(result) }
        finished.leave()
      }.start()
    }
    finished.wait()
    let files = try outcomes.results.withLock { try $0.map { try $0.get() } }
    #expect(files.count == 8)
    #expect(files.allSatisfy { $0 == expected })
  }

  @Test func manyCargoLinesFlowOntoMorePages() throws {
    var long = order()
    long.cargo = Array(repeating: long.cargo[0], count: OrdersLimits.cargoLinesMax)
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    let document = try WaybillDocument.document(subject(long), localizer: t, printedAt: printedAt)
    #expect(document.pages.count >= 2)
    for page in document.pages {
      for case .text(let block, let origin, _) in page.operations {
        #expect(origin.y + block.heightPoints <= PDFPageSize.a4.height - 8)
      }
    }
  }

  @Test func labelsHaveOnePagePerPackageWithItsMarks() throws {
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    let document = try WaybillLabels.document(subject(order()), localizer: t, printedAt: printedAt)
    #expect(document.pages.count == 3)
    #expect(document.pages.allSatisfy { $0.size == .a6 })
    func texts(_ page: PDFPage) -> [String] { page.texts }
    #expect(texts(document.pages[0]).contains("第 1 / 3 件"))
    #expect(texts(document.pages[0]).contains("冷链 −18 ~ −12 °C"))
    #expect(texts(document.pages[2]).contains("第 3 / 3 件"))
    #expect(texts(document.pages[2]).contains("易碎"))
    #expect(texts(document.pages[2]).contains("危险品 3 类"))
    #expect(texts(document.pages[2]).contains("广东省/深圳市"))
    #expect(!texts(document.pages[0]).contains("易碎"))
  }

  @Test func aSheetOfTooManyLabelsIsRefused() {
    var huge = order()
    huge.cargo[0].packages = OrdersLimits.labelsPerOrderMax
    let t = Localizer(locale: .simplifiedChinese, timeZone: shanghai)
    #expect(throws: OrdersError.tooManyLabels(max: OrdersLimits.labelsPerOrderMax)) {
      try WaybillLabels.document(subject(huge), localizer: t, printedAt: printedAt)
    }
  }

  @Test func theTrackingLinkCarriesCompanyAndWaybillButNoPhone() {
    #expect(
      TrackingLink.url(
        company: "shunda", waybill: "TO20261204-0007", host: "fd.example.cn",
        forwardedProto: "https")
        == "https://fd.example.cn/track?company=shunda&waybill=TO20261204-0007")
    #expect(
      TrackingLink.url(company: "a b", waybill: "X", host: "evil\"host", forwardedProto: nil)
        == "/track?company=a%20b&waybill=X")
  }
}

/// What the threads of a concurrency test produced.
private final class Outcomes: Sendable {
  /// Each thread's file or error, in the order they finished.
  let results = Mutex<[Result<[UInt8], PDFRenderError>]>([])
}
