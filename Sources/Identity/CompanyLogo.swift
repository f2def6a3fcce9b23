public import FreightdeskCore
import Storage
public import Web

/// A company's logo: a PNG or JPEG image of at most ``bytesMax``, shown in the top bar of its
/// pages. SVG is refused: an SVG opened on its own can run script on our origin.
public struct CompanyLogo: Sendable, Equatable {
  /// The largest logo accepted.
  public static let bytesMax = 512 * 1024

  /// `image/png` or `image/jpeg`, decided from the file's first bytes, not its claimed type.
  public let contentType: String
  /// The image.
  public let bytes: [UInt8]

  /// Checks an uploaded file; throws `invalid_logo` for anything but a PNG or JPEG within size.
  public init(bytes: [UInt8]) throws {
    guard !bytes.isEmpty else { throw ValidationFailure(pointer: "/logo", code: "required") }
    guard bytes.count <= Self.bytesMax else {
      throw ValidationFailure(
        pointer: "/logo", code: "file_too_large", arguments: ["max": String(Self.bytesMax / 1024)])
    }
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      contentType = "image/png"
    } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      contentType = "image/jpeg"
    } else {
      throw ValidationFailure(pointer: "/logo", code: "invalid_logo")
    }
    self.bytes = bytes
  }

  init(contentType: String, bytes: [UInt8]) {
    self.contentType = contentType
    self.bytes = bytes
  }
}

extension IdentityService {
  /// The company's logo, if it has one.
  public func logo(_ tenant: TenantID) throws -> CompanyLogo? {
    try database.read(for: tenant) { scope in
      try scope.query(
        "SELECT content_type, image FROM company_logos WHERE tenant_id = $1 AND id = $1", []
      ).first.map {
        CompanyLogo(contentType: try $0.string("content_type"), bytes: try $0.blob("image"))
      }
    }
  }

  /// Replaces the company's logo.
  public func setLogo(_ logo: CompanyLogo, for tenant: TenantID, audit: AuditContext) throws {
    try database.write(for: tenant) { scope in
      try scope.execute("DELETE FROM company_logos WHERE tenant_id = $1 AND id = $1", [])
      try scope.execute(
        """
        INSERT INTO company_logos (tenant_id, id, content_type, image, updated_at)
        VALUES ($1, $1, $2, $3, $4)
        """,
        [.text(logo.contentType), .blob(logo.bytes), .integer(clock.now().epochMilliseconds)])
      try scope.execute(
        "UPDATE tenants SET logo_updated_at = $2 WHERE tenant_id = $1 AND id = $1",
        [.integer(clock.now().epochMilliseconds)])
      try audit.record(
        entity: "company", id: tenant.identifier, action: "set_logo",
        after: ["content_type": logo.contentType, "bytes": String(logo.bytes.count)], in: scope)
    }
  }
}
