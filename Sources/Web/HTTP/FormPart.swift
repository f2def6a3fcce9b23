/// One part of a `multipart/form-data` body: a text field, or a file the user chose.
public struct FormPart: Sendable, Equatable {
  /// The field name.
  public var name: String
  /// The file's name as the browser sent it, for file fields.
  public var filename: String?
  /// The part's media type, when sent.
  public var contentType: String?
  /// The content.
  public var bytes: [UInt8]

  /// Creates a part.
  public init(name: String, filename: String?, contentType: String?, bytes: [UInt8]) {
    self.name = name
    self.filename = filename
    self.contentType = contentType
    self.bytes = bytes
  }

  /// The content as UTF-8 text (text fields).
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
