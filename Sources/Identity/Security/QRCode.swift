import CZint

/// QR codes drawn as standalone SVG, for the TOTP setup page (and any page that shows a code
/// to scan), encoded by libzint.
///
/// The text is encoded byte for byte as UTF-8 at error-correction level M with the standard
/// four-module quiet zone, and drawn as black rectangles on a white background, so the image
/// scans on any page colour. The same text always gives the same SVG.
public enum QRCode {
  /// libzint's `option_1` for error-correction level M (15 % of the symbol recoverable).
  private static let errorCorrectionLevelM: Int32 = 2
  /// libzint's `scale` at which vector output measures one module as one unit (its default
  /// of 1 draws two units per module).
  private static let vectorScaleOneUnitPerModule: Float = 0.5

  /// An SVG document of the QR code of `text`, each module `moduleSizePixels` wide.
  public static func svg(for text: String, moduleSizePixels: Int = 4) throws(QRCodeError)
    -> String
  {
    precondition(moduleSizePixels > 0, "a QR module is at least one pixel")
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw .empty }
    guard bytes.count <= IdentityLimits.qrCodeTextBytesMax else {
      throw .tooLong(bytesMax: IdentityLimits.qrCodeTextBytesMax)
    }
    guard let symbol = ZBarcode_Create() else { throw .encodingFailed }
    defer { ZBarcode_Delete(symbol) }
    symbol.pointee.symbology = BARCODE_QRCODE
    symbol.pointee.input_mode = DATA_MODE
    symbol.pointee.option_1 = errorCorrectionLevelM
    symbol.pointee.output_options = BARCODE_QUIET_ZONES
    symbol.pointee.scale = vectorScaleOneUnitPerModule
    let status = ZBarcode_Encode_and_Buffer_Vector(symbol, bytes, Int32(bytes.count), 0)
    guard status < ZINT_ERROR, let vector = symbol.pointee.vector else { throw .encodingFailed }
    return document(vector.pointee, moduleSizePixels: moduleSizePixels)
  }

  /// The SVG of zint's vector output, whose unit is one module, drawn `moduleSizePixels` per
  /// module.
  private static func document(_ vector: zint_vector, moduleSizePixels: Int) -> String {
    let width = format(vector.width)
    let height = format(vector.height)
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \
      width="\(format(vector.width * Float(moduleSizePixels)))" \
      height="\(format(vector.height * Float(moduleSizePixels)))" \
      viewBox="0 0 \(width) \(height)" shape-rendering="crispEdges">
      <rect width="\(width)" height="\(height)" fill="#FFFFFF"/>
      <g fill="#000000">

      """
    var next = vector.rectangles
    while let rectangle = next?.pointee {
      svg += "<rect x=\"\(format(rectangle.x))\" y=\"\(format(rectangle.y))\" "
      svg += "width=\"\(format(rectangle.width))\" height=\"\(format(rectangle.height))\"/>\n"
      next = rectangle.next
    }
    return svg + "</g>\n</svg>\n"
  }

  /// A coordinate without a trailing `.0`; zint's are whole modules.
  private static func format(_ value: Float) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }
}
