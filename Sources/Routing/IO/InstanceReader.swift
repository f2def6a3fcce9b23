#if canImport(Glibc)
  import Glibc
#endif

/// Reads an instance file in either supported format, telling them apart by content: VRPLIB
/// files have a `DIMENSION` specification, Solomon files a `VEHICLE` section.
public enum InstanceReader {
  /// Parses `text` as VRPLIB when it has a `DIMENSION` key, else as Solomon.
  public static func read(text: String) throws(InstanceFormatError) -> Instance {
    if text.contains("DIMENSION") { return try VRPLIBReader.read(text) }
    return try SolomonReader.read(text)
  }

  /// Reads and parses the file at `path`.
  public static func read(path: String) throws(InstanceFormatError) -> Instance {
    try read(text: try FileText.read(path))
  }
}

/// Whole-file reading and writing with POSIX calls, bounded by ``Limits/instanceFileBytesMax``.
enum FileText {
  static func read(_ path: String) throws(InstanceFormatError) -> String {
    let bytes = try bytes(path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw InstanceFormatError.fileUnreadable(path: path, reason: "not UTF-8 text")
    }
    return text
  }

  static func bytes(_ path: String) throws(InstanceFormatError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
      throw InstanceFormatError.fileUnreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    if fseek(file, 0, SEEK_END) == 0 {
      bytes.reserveCapacity(min(max(ftell(file), 0), Limits.instanceFileBytesMax))
      rewind(file)
    }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count == 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
      guard bytes.count <= Limits.instanceFileBytesMax else {
        throw InstanceFormatError.fileUnreadable(
          path: path, reason: "larger than \(Limits.instanceFileBytesMax) bytes")
      }
    }
    return bytes
  }
}
