import CZip
import Foundation
import FoundationXML

/// A zip archive (an .xlsx file) opened read-only from memory with libzip.
final class ZipArchive {
  private let archive: OpaquePointer

  /// Opens the archive in `data`; anything libzip cannot read as a zip is
  /// ``SpreadsheetError/corruptArchive``.
  init(data: Data) throws(SpreadsheetError) {
    // libzip reads from its own copy, which it frees with the source (the `1` below).
    guard let buffer = malloc(max(data.count, 1)) else { throw .corruptArchive }
    data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: data.count)
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let source = zip_source_buffer_create(buffer, UInt64(data.count), 1, &error) else {
      free(buffer)
      throw .corruptArchive
    }
    guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
      zip_source_free(source)
      throw .corruptArchive
    }
    self.archive = archive
  }

  deinit {
    zip_discard(archive)
  }

  /// True when the archive holds an entry named `path`.
  func contains(_ path: String) -> Bool {
    zip_name_locate(archive, path, 0) >= 0
  }

  /// A stream of the uncompressed bytes of entry `path`.
  func stream(_ path: String) throws(SpreadsheetError) -> ZipEntryStream {
    guard let file = zip_fopen(archive, path, 0) else {
      throw contains(path) ? .corruptArchive : .missingPart(path: path)
    }
    return ZipEntryStream(file: file, path: path)
  }

  /// Parses entry `path` as XML, event by event, with `handler`; the entry is never held in
  /// memory whole. Errors the handler recorded win over the parser's own.
  func parse(_ path: String, with handler: PartHandler) throws(SpreadsheetError) {
    let stream = try stream(path)
    let parser = XMLParser(stream: stream)
    parser.delegate = handler
    let succeeded = parser.parse()
    if let failure = handler.failure ?? stream.failure { throw failure }
    guard succeeded || handler.stoppedEarly else {
      throw .malformedPart(path: path, line: parser.lineNumber)
    }
  }
}

/// The uncompressed bytes of one archive entry, read in the chunks XMLParser asks for, with
/// the entry's size capped at ``SpreadsheetLimits/partBytesMax`` (a zip bomb stops there).
final class ZipEntryStream: InputStream {
  private let file: OpaquePointer
  private let path: String
  private var bytesRead = 0
  /// Why reading stopped early, if it did.
  private(set) var failure: SpreadsheetError?

  init(file: OpaquePointer, path: String) {
    self.file = file
    self.path = path
    super.init(data: Data())
  }

  deinit {
    zip_fclose(file)
  }

  override func open() {}

  override func close() {}

  override var hasBytesAvailable: Bool { failure == nil }

  override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
    guard failure == nil else { return -1 }
    let count = Int(zip_fread(file, buffer, UInt64(length)))
    guard count >= 0 else {
      failure = .corruptArchive
      return -1
    }
    bytesRead += count
    guard bytesRead <= SpreadsheetLimits.partBytesMax else {
      failure = .partTooLarge(path: path, bytesMax: SpreadsheetLimits.partBytesMax)
      return -1
    }
    return count
  }
}
