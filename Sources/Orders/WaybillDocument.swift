import Foundation
import FreightdeskCore
import PDF
import Web

/// The waybill (运单 / 托运单) of an order as an A4 PDF: the carrier, the number as Code 128
/// and as text, a QR code to the public tracking page, the terms, the stops, the cargo with
/// totals, the charges (or "not priced"), the notes and a box for the consignee's signature.
/// A draft or cancelled order's waybill carries its status as a large watermark on every page.
enum WaybillDocument {
  /// The page margin: half an inch.
  static let marginPoints = 36.0
  static let body = PDFTextStyle(sizePoints: 9)
  static let heading = PDFTextStyle(sizePoints: 11, bold: true)

  /// The document, in the reader's language with times in the company's zone; `printedAt` is
  /// when it was made.
  static func document(_ subject: WaybillSubject, localizer t: Localizer, printedAt: Instant)
    throws -> PDFDocument
  {
    let order = subject.order
    var flow = PDFFlow(size: .a4, marginPoints: marginPoints) { index in
      let operations = watermark(order, size: .a4, localizer: t)
      guard index > 0 else { return (operations, marginPoints) }
      let running = PDFTextBlock("\(t("orders.field.waybill")) \(order.waybill)", style: heading)
      return (
        operations + running.operations(at: PDFPoint(x: marginPoints, y: marginPoints)),
        marginPoints + running.heightPoints + 8
      )
    }
    try header(subject, localizer: t, flow: &flow)
    summary(order, customerName: subject.customerName, localizer: t, flow: &flow)
    section(t("orders.waybill.stops"), flow: &flow)
    WaybillTables.stops(order, localizer: t, flow: &flow)
    section(t("orders.cargo.title"), flow: &flow)
    WaybillTables.cargo(order, localizer: t, flow: &flow)
    section(t(order.priceFrozen ? "orders.price.frozen" : "orders.price.estimate"), flow: &flow)
    WaybillTables.charges(order, localizer: t, flow: &flow)
    if !order.notes.isEmpty {
      section(t("orders.field.notes"), flow: &flow)
      let notes = PDFTextBlock(order.notes, widthPoints: flow.contentWidth, style: body)
      let origin = flow.place(heightPoints: notes.heightPoints)
      flow.add(notes.operations(at: origin), heightPoints: notes.heightPoints)
    }
    flow.skip(12)
    signatureBox(localizer: t, flow: &flow)
    return PDFDocument(
      title: "\(t("orders.waybill.title")) \(order.waybill)", createdAt: printedAt,
      pages: footed(flow.pages, printedAt: printedAt, localizer: t))
  }

  /// The top of the first page: carrier, title and status on the left; barcode with the
  /// number, and the tracking QR code, on the right.
  private static func header(_ subject: WaybillSubject, localizer t: Localizer, flow: inout PDFFlow)
    throws
  {
    let top = flow.place(heightPoints: 0).y
    let right = flow.left + flow.contentWidth
    let qrSide = 76.0
    let qr = PDFRect(x: right - qrSide, y: top, width: qrSide, height: qrSide)
    let barcode = PDFRect(x: qr.x - 14 - 190, y: top + 4, width: 190, height: 44)
    var operations: [PDFOperation] = [
      .symbol(try PDFSymbol.qrCode(subject.trackingLink), in: qr),
      .symbol(try PDFSymbol.code128(subject.order.waybill), in: barcode),
    ]
    let number = PDFTextBlock(
      subject.order.waybill, widthPoints: barcode.width,
      style: PDFTextStyle(sizePoints: 13, bold: true), alignment: .center)
    operations += number.operations(at: PDFPoint(x: barcode.x, y: barcode.bottom + 4))
    let scan = PDFTextBlock(
      t("orders.waybill.scan_to_track"), widthPoints: qrSide, style: PDFTextStyle(sizePoints: 7),
      alignment: .center)
    operations += scan.operations(at: PDFPoint(x: qr.x, y: qr.bottom + 1))
    let leftWidth = barcode.x - flow.left - 10
    let company = PDFTextBlock(
      subject.companyName, widthPoints: leftWidth, style: PDFTextStyle(sizePoints: 13, bold: true),
      linesMax: 2)
    operations += company.operations(at: PDFPoint(x: flow.left, y: top))
    let title = PDFTextBlock(
      t("orders.waybill.title"), widthPoints: leftWidth,
      style: PDFTextStyle(sizePoints: 20, bold: true))
    operations += title.operations(at: PDFPoint(x: flow.left, y: top + company.heightPoints + 4))
    let status = PDFTextBlock(
      t("orders.waybill.status", ["status": t(subject.order.status.labelKey)]),
      widthPoints: leftWidth, style: PDFTextStyle(sizePoints: 11, bold: true))
    operations += status.operations(
      at: PDFPoint(x: flow.left, y: top + company.heightPoints + title.heightPoints + 8))
    let height = max(
      qrSide + 12, company.heightPoints + title.heightPoints + status.heightPoints + 10)
    operations.append(
      .line(
        from: PDFPoint(x: flow.left, y: top + height + 4),
        to: PDFPoint(x: right, y: top + height + 4),
        widthPoints: 1))
    flow.add(operations, heightPoints: height + 12)
  }

  /// Customer, contact, times and terms as label–value pairs, two pairs a row.
  private static func summary(
    _ order: Order, customerName: String, localizer t: Localizer, flow: inout PDFFlow
  ) {
    let width = flow.contentWidth
    let table = PDFTable(
      columns: [
        .init("", widthPoints: width * 0.14), .init("", widthPoints: width * 0.36),
        .init("", widthPoints: width * 0.14), .init("", widthPoints: width * 0.36),
      ], style: body)
    let services = order.services.map { t($0.labelKey) }.joined(separator: "、")
    var rows = [
      [
        t("orders.field.customer"), customerName, t("orders.field.created_at"),
        t.dateTime(order.createdAt),
      ],
      [
        t("orders.field.contact_name"), order.contactName, t("orders.field.settlement"),
        t(order.settlement.labelKey),
      ],
      [
        t("orders.field.service_type"), t(order.serviceType.labelKey), t("orders.field.services"),
        services.isEmpty ? "—" : services,
      ],
    ]
    if let eta = order.eta { rows.append([t("orders.field.eta"), t.dateTime(eta), "", ""]) }
    WaybillTables.draw(table, rows: rows, withHeader: false, flow: &flow)
  }

  /// A section's heading, kept on the page with at least a few lines after it.
  private static func section(_ title: String, flow: inout PDFFlow) {
    flow.skip(10)
    let origin = flow.place(heightPoints: 60)
    let block = PDFTextBlock(title, style: heading)
    flow.add(block.operations(at: origin), heightPoints: block.heightPoints + 2)
  }

  /// The consignee's signature box: who signed and when, to be filled in by hand.
  private static func signatureBox(localizer t: Localizer, flow: inout PDFFlow) {
    let height = 78.0
    let origin = flow.place(heightPoints: height)
    let half = flow.contentWidth / 2
    var operations: [PDFOperation] = []
    for (index, key) in ["orders.waybill.consignee_sign", "orders.waybill.received_at"].enumerated()
    {
      let box = PDFRect(
        x: origin.x + Double(index) * half, y: origin.y, width: half, height: height)
      operations.append(.strokeRectangle(box, widthPoints: 0.8))
      let label = PDFTextBlock(t(key), widthPoints: half - 12, style: heading)
      operations += label.operations(at: PDFPoint(x: box.x + 6, y: box.y + 6))
    }
    flow.add(operations, heightPoints: height)
  }

  /// The status in large grey letters across the page, for a draft or cancelled order: turned
  /// 30° anticlockwise about its top-left corner, placed so that its centre is the page's.
  static func watermark(_ order: Order, size: PDFPageSize, localizer t: Localizer)
    -> [PDFOperation]
  {
    guard order.status == .draft || order.status == .cancelled else { return [] }
    let block = PDFTextBlock(
      t(order.status.labelKey),
      style: PDFTextStyle(sizePoints: size.width / 5, bold: true, gray: 0.85))
    let angle = 30.0
    let (cosine, sine) = (cos(angle * Double.pi / 180), sin(angle * Double.pi / 180))
    let (halfWidth, halfHeight) = (block.widthPoints / 2, block.heightPoints / 2)
    // The block's centre, turned with it, lies this far right of and below its corner.
    let origin = PDFPoint(
      x: size.width / 2 - (halfWidth * cosine + halfHeight * sine),
      y: size.height / 2 - (halfHeight * cosine - halfWidth * sine))
    return [.text(block, at: origin, angleDegrees: angle)]
  }

  /// The pages with the printing time and "page n of N" at their foot.
  private static func footed(_ pages: [PDFPage], printedAt: Instant, localizer t: Localizer)
    -> [PDFPage]
  {
    let style = PDFTextStyle(sizePoints: 7, gray: 0.35)
    return pages.enumerated().map { index, page in
      var page = page
      let width = page.size.width - 2 * marginPoints
      let printed = PDFTextBlock(
        t("orders.waybill.printed_at", ["time": t.dateTime(printedAt)]), widthPoints: width,
        style: style, linesMax: 1)
      let number = PDFTextBlock(
        t("orders.waybill.page", ["page": String(index + 1), "pages": String(pages.count)]),
        widthPoints: width, style: style, alignment: .right, linesMax: 1)
      let origin = PDFPoint(
        x: marginPoints, y: page.size.height - marginPoints / 2 - printed.heightPoints)
      page.operations += printed.operations(at: origin) + number.operations(at: origin)
      return page
    }
  }
}
