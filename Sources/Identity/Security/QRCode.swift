public import PDF

/// QR codes drawn as standalone SVG, for the TOTP setup page (and any page that shows a code
/// to scan), from the modules libzint encodes for ``PDFSymbol/qrCode(_:)``.
///
/// The text is encoded byte for byte as UTF-8 at error-correction level M with the standard
/// four-module quiet zone, and drawn as black rectangles on a white background, so the image
/// scans on any page colour. The same text always gives the same SVG.
public enum QRCode {
  /// An SVG document of the QR code of `text`, each module `moduleSizePixels` wide; text that
  /// is empty or longer than ``PDFLimits/symbolTextBytesMax`` bytes is refused.
  public static func svg(for text: String, moduleSizePixels: Int = 4) throws(PDFSymbolError)
    -> String
  {
    precondition(moduleSizePixels > 0, "a QR module is at least one pixel")
    return document(try PDFSymbol.qrCode(text), moduleSizePixels: moduleSizePixels)
  }

  /// The SVG of the symbol, whose unit is one module, drawn `moduleSizePixels` per module.
  private static func document(_ symbol: PDFSymbol, moduleSizePixels: Int) -> String {
    let width = format(symbol.widthModules)
    let height = format(symbol.heightModules)
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" version="1.1" \
      width="\(format(symbol.widthModules * Double(moduleSizePixels)))" \
      height="\(format(symbol.heightModules * Double(moduleSizePixels)))" \
      viewBox="0 0 \(width) \(height)" shape-rendering="crispEdges">
      <rect width="\(width)" height="\(height)" fill="#FFFFFF"/>
      <g fill="#000000">

      """
    for bar in symbol.bars {
      svg += "<rect x=\"\(format(bar.x))\" y=\"\(format(bar.y))\" "
      svg += "width=\"\(format(bar.width))\" height=\"\(format(bar.height))\"/>\n"
    }
    return svg + "</g>\n</svg>\n"
  }

  /// A coordinate without a trailing `.0`; zint's are whole modules.
  private static func format(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }
}
