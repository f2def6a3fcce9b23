import Foundation

/// Poppler's command-line tools (`poppler-utils`), to check a PDF the way a real reader sees
/// it: its text, its pages and metadata, and its fonts. Tests that use them are enabled only
/// when ``isAvailable``.
public enum Poppler {
  /// Where the tools are installed.
  public static let directory = "/usr/bin"

  /// Whether the tools are installed.
  public static var isAvailable: Bool {
    ["pdftotext", "pdfinfo", "pdffonts"].allSatisfy {
      FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)")
    }
  }

  /// The text of `pdf` as `pdftotext -layout` reads it.
  public static func text(_ pdf: [UInt8]) throws -> String {
    try run("pdftotext", on: pdf) { ["-layout", "-enc", "UTF-8", $0, "-"] }
  }

  /// The fields `pdfinfo` prints (`Pages`, `Title`, `CreationDate`, …), with one
  /// `Page n size` field per page.
  public static func info(_ pdf: [UInt8]) throws -> [String: String] {
    let output = try run("pdfinfo", on: pdf) { ["-f", "1", "-l", "9999", "-isodates", $0] }
    var fields: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      // `Page    1 size` is named `Page 1 size`.
      let name = line[..<colon].split(separator: " ").joined(separator: " ")
      fields[name] = value
    }
    return fields
  }

  /// One font of a PDF as `pdffonts` lists it.
  public struct Font: Equatable, Sendable {
    /// Its name, with the subset prefix (`ABCDEF+NotoSansCJKsc-Regular`).
    public var name: String
    /// Whether the file embeds it.
    public var embedded: Bool
    /// Whether the file maps its glyphs back to Unicode (for copy and search).
    public var hasUnicodeMap: Bool
  }

  /// The fonts `pdffonts` finds in `pdf`.
  public static func fonts(_ pdf: [UInt8]) throws -> [Font] {
    let output = try run("pdffonts", on: pdf) { [$0] }
    // After two header lines each row ends in: emb sub uni object-number generation.
    return output.split(separator: "\n").dropFirst(2).compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count >= 6 else { return nil }
      let flags = fields[fields.count - 5..<fields.count - 2]
      return Font(
        name: String(fields[0]), embedded: flags[flags.startIndex] == "yes",
        hasUnicodeMap: flags[flags.startIndex + 2] == "yes")
    }
  }

  /// Writes `pdf` to a temporary file, runs `tool` with the arguments made from its path,
  /// and returns what it prints.
  private static func run(_ tool: String, on pdf: [UInt8], arguments: (String) -> [String])
    throws -> String
  {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(directory)/\(tool)")
    process.arguments = arguments(file.path)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
