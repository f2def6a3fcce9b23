import Foundation
import PDF
import Testing

@testable import Identity

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct QRCodeTests {
  /// Counts the elements of an XML document by name, and says whether it parsed.
  private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var rootAttributes: [String: String] = [:]

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if counts.isEmpty { rootAttributes = attributes }
      counts[name, default: 0] += 1
    }
  }

  private func parse(_ svg: String) -> ElementCounter? {
    let counter = ElementCounter()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = counter
    return parser.parse() ? counter : nil
  }

  private let uri =
    "otpauth://totp/%E9%A1%BA%E8%BE%BE%E7%89%A9%E6%B5%81:zhang.wei%40shunda.cn?"
    + "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E9%A1%BA%E8%BE%BE%E7%89%A9%E6%B5%81"
    + "&algorithm=SHA1&digits=6&period=30"

  @Test func theSVGIsWellFormedAndDrawsModulesAsRectangles() throws {
    let document = try #require(parse(QRCode.svg(for: uri)))
    #expect(document.counts["svg"] == 1)
    #expect(document.counts["rect", default: 0] > 50)
    #expect(document.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
  }

  @Test func theSameTextAlwaysGivesTheSameSVG() throws {
    #expect(try QRCode.svg(for: uri) == QRCode.svg(for: uri))
    #expect(try QRCode.svg(for: uri) != QRCode.svg(for: uri + "0"))
  }

  @Test func theImageScalesWithTheModuleSize() throws {
    let small = try #require(parse(QRCode.svg(for: uri, moduleSizePixels: 2)))
    let large = try #require(parse(QRCode.svg(for: uri, moduleSizePixels: 6)))
    let smallWidth = try #require(small.rootAttributes["width"].flatMap { Int($0) })
    let largeWidth = try #require(large.rootAttributes["width"].flatMap { Int($0) })
    #expect(largeWidth == smallWidth * 3)
    #expect(small.rootAttributes["viewBox"] == large.rootAttributes["viewBox"])
  }

  @Test func oneModuleIsOneUnitWithAFourModuleQuietZone() throws {
    let svg = try QRCode.svg(for: "hello", moduleSizePixels: 5)
    let document = try #require(parse(svg))
    #expect(document.rootAttributes["viewBox"] == "0 0 29 29")
    #expect(document.rootAttributes["width"] == "145")
    #expect(svg.contains("<rect x=\"4\" y=\"4\" width=\"7\" height=\"1\"/>"))
  }

  @Test func chineseTextIsEncoded() throws {
    let document = try #require(parse(QRCode.svg(for: "顺达物流：扫码登录")))
    #expect(document.counts["rect", default: 0] > 10)
  }

  @Test func textUpToTheLimitIsDrawnAndLongerTextIsRefused() throws {
    let limit = PDFLimits.symbolTextBytesMax
    let longest =
      String(repeating: "运", count: limit / 3) + String(repeating: "x", count: limit % 3)
    #expect(try QRCode.svg(for: longest).hasPrefix("<svg"))
    #expect(throws: PDFSymbolError.tooLong(bytesMax: limit)) { try QRCode.svg(for: longest + "x") }
    #expect(PDFSymbolError.tooLong(bytesMax: limit).arguments == ["max": String(limit)])
  }

  @Test func emptyTextIsRefused() {
    #expect(throws: PDFSymbolError.empty) { try QRCode.svg(for: "") }
    #expect(PDFSymbolError.empty.code == "barcode_text_empty")
  }
}
