import CZint

/// A barcode or QR code as the dark rectangles of its modules, encoded by libzint, to be drawn
/// as vector rectangles (sharp at any print resolution). Coordinates are in modules, from the
/// top-left of the symbol including its quiet zone.
public struct PDFSymbol: Sendable, Equatable {
  /// The symbol's width in modules, quiet zones included.
  public var widthModules: Double
  /// The symbol's height in modules.
  public var heightModules: Double
  /// The dark rectangles.
  public var bars: [PDFRect]

  /// libzint's `option_1` for QR error-correction level M (15 % recoverable).
  private static let qrErrorCorrectionLevelM: Int32 = 2
  /// libzint's `scale` at which vector output measures one module as one unit.
  private static let vectorScaleOneUnitPerModule: Float = 0.5

  /// A Code 128 barcode of `text` (a waybill number: ASCII), without human-readable text, with
  /// the ten-module quiet zones a scanner needs on each side.
  public static func code128(_ text: String) throws(PDFSymbolError) -> PDFSymbol {
    try encode(text, symbology: BARCODE_CODE128)
  }

  /// A QR code of `text` (UTF-8, error correction M) with its four-module quiet zone.
  public static func qrCode(_ text: String) throws(PDFSymbolError) -> PDFSymbol {
    try encode(text, symbology: BARCODE_QRCODE)
  }

  private static func encode(_ text: String, symbology: Int32) throws(PDFSymbolError)
    -> PDFSymbol
  {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw .empty }
    guard bytes.count <= PDFLimits.symbolTextBytesMax else {
      throw .tooLong(bytesMax: PDFLimits.symbolTextBytesMax)
    }
    guard let symbol = ZBarcode_Create() else { throw .encodingFailed }
    defer { ZBarcode_Delete(symbol) }
    symbol.pointee.symbology = symbology
    symbol.pointee.input_mode = DATA_MODE
    symbol.pointee.show_hrt = 0
    symbol.pointee.output_options = BARCODE_QUIET_ZONES
    symbol.pointee.scale = vectorScaleOneUnitPerModule
    if symbology == BARCODE_QRCODE { symbol.pointee.option_1 = qrErrorCorrectionLevelM }
    let status = ZBarcode_Encode_and_Buffer_Vector(symbol, bytes, Int32(bytes.count), 0)
    guard status < ZINT_ERROR, let vector = symbol.pointee.vector else { throw .encodingFailed }
    var bars: [PDFRect] = []
    var next = vector.pointee.rectangles
    while let rectangle = next?.pointee {
      bars.append(
        PDFRect(
          x: Double(rectangle.x), y: Double(rectangle.y), width: Double(rectangle.width),
          height: Double(rectangle.height)))
      next = rectangle.next
    }
    return PDFSymbol(
      widthModules: Double(vector.pointee.width), heightModules: Double(vector.pointee.height),
      bars: bars)
  }

  /// The bars placed in `frame` on the page: stretched to its width and height.
  public func bars(in frame: PDFRect) -> [PDFRect] {
    let scaleX = frame.width / widthModules
    let scaleY = frame.height / heightModules
    return bars.map { bar in
      PDFRect(
        x: frame.x + bar.x * scaleX, y: frame.y + bar.y * scaleY, width: bar.width * scaleX,
        height: bar.height * scaleY)
    }
  }
}
