import Foundation

/// Poppler's `pdftotext`, to check that a real reader finds the text we wrote. Tests that use
/// it are enabled only when ``isAvailable``.
public enum PDFToText {
  /// Where the tool is installed (`poppler-utils`).
  public static let path = "/usr/bin/pdftotext"

  /// Whether the tool is installed.
  public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// The text of `pdf` as `pdftotext -layout` reads it.
  public static func extract(_ pdf: [UInt8]) throws -> String {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("freightdesk-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-layout", "-enc", "UTF-8", file.path, "-"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
