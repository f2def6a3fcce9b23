import FreightdeskCore
import PDF
import Web

/// The parcel labels of an order: one A6 page per package, for warehouse staff to stick on
/// the parcels. Each carries the carrier, the waybill number as Code 128 and as text,
/// "package n of N", the consignee's region in large type with a short address and name, what
/// the package holds, and the handling marks of its cargo line (fragile, cold chain,
/// dangerous goods).
enum WaybillLabels {
  static let marginPoints = 16.0

  /// The label sheet; more than ``OrdersLimits/labelsPerOrderMax`` packages is refused with
  /// ``OrdersError/tooManyLabels(max:)``.
  static func document(_ subject: WaybillSubject, localizer t: Localizer, printedAt: Instant)
    throws -> PDFDocument
  {
    let order = subject.order
    let count = order.cargo.reduce(0) { $0 + $1.packages }
    guard count <= OrdersLimits.labelsPerOrderMax else {
      throw OrdersError.tooManyLabels(max: OrdersLimits.labelsPerOrderMax)
    }
    let barcode = try PDFSymbol.code128(order.waybill)
    var pages: [PDFPage] = []
    for line in order.cargo {
      for _ in 0..<line.packages {
        pages.append(
          label(
            subject, line: line, number: pages.count + 1, count: count, barcode: barcode,
            localizer: t))
      }
    }
    if pages.isEmpty {
      pages.append(
        PDFPage(size: .a6, operations: WaybillDocument.watermark(order, size: .a6, localizer: t)))
    }
    return PDFDocument(
      title: t("orders.labels.title", ["waybill": order.waybill]), createdAt: printedAt,
      pages: pages)
  }

  /// The label of package `number` of `count`, which belongs to `line`.
  private static func label(
    _ subject: WaybillSubject, line: CargoLine, number: Int, count: Int, barcode: PDFSymbol,
    localizer t: Localizer
  ) -> PDFPage {
    let size = PDFPageSize.a6
    let width = size.width - 2 * marginPoints
    var y = marginPoints
    var operations = WaybillDocument.watermark(subject.order, size: size, localizer: t)
    func block(
      _ text: String, _ style: PDFTextStyle, alignment: PDFTextBlock.Alignment = .left,
      linesMax: Int = 1
    ) {
      let block = PDFTextBlock(
        text, widthPoints: width, style: style, alignment: alignment, linesMax: linesMax)
      operations += block.operations(at: PDFPoint(x: marginPoints, y: y))
      y += block.heightPoints
    }
    block(subject.companyName, PDFTextStyle(sizePoints: 11, bold: true))
    y += 4
    operations.append(
      .symbol(barcode, in: PDFRect(x: marginPoints, y: y, width: width, height: 80)))
    y += 82
    block(subject.order.waybill, PDFTextStyle(sizePoints: 16, bold: true), alignment: .center)
    operations.append(rule(at: y + 3, width: width))
    y += 8
    block(
      t("orders.labels.package", ["number": String(number), "count": String(count)]),
      PDFTextStyle(sizePoints: 26, bold: true))
    operations.append(rule(at: y + 3, width: width))
    y += 8
    if let consignee = subject.order.consignee {
      block(consignee.region, PDFTextStyle(sizePoints: 22, bold: true), linesMax: 2)
      block(consignee.address, PDFTextStyle(sizePoints: 13), linesMax: 2)
      block(consignee.contactName, PDFTextStyle(sizePoints: 13))
    }
    y += 4
    block("\(t("orders.cargo.description")): \(line.description)", PDFTextStyle(sizePoints: 11))
    operations += marks(line, top: y + 6, width: width, localizer: t)
    return PDFPage(size: size, operations: operations)
  }

  /// A thin rule across the label at `y`.
  private static func rule(at y: Double, width: Double) -> PDFOperation {
    .line(
      from: PDFPoint(x: marginPoints, y: y), to: PDFPoint(x: marginPoints + width, y: y),
      widthPoints: 0.8)
  }

  /// The handling marks of `line` as boxed words side by side, wrapping to a new row.
  private static func marks(_ line: CargoLine, top: Double, width: Double, localizer t: Localizer)
    -> [PDFOperation]
  {
    var words: [String] = []
    if line.fragile { words.append(t("orders.cargo.fragile")) }
    if let cold = WaybillFormat.temperatureRange(line) {
      words.append(t("orders.labels.cold_chain", ["range": cold]))
    }
    if let dangerous = line.dangerousGoodsClass {
      words.append(t("orders.cargo.dangerous", ["class": dangerous]))
    }
    let style = PDFTextStyle(sizePoints: 15, bold: true)
    var (x, y) = (marginPoints, top)
    var operations: [PDFOperation] = []
    for word in words {
      let boxWidth = min(width, PDFTextBlock(word, style: style).widthPoints + 12)
      let text = PDFTextBlock(word, widthPoints: boxWidth - 12, style: style, linesMax: 1)
      let boxHeight = text.heightPoints + 8
      if x + boxWidth > marginPoints + width {
        (x, y) = (marginPoints, y + boxHeight + 6)
      }
      let box = PDFRect(x: x, y: y, width: boxWidth, height: boxHeight)
      operations.append(.strokeRectangle(box, widthPoints: 1.5))
      operations += text.operations(at: PDFPoint(x: x + 6, y: y + 4))
      x += boxWidth + 6
    }
    return operations
  }
}
