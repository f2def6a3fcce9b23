import Foundation
import FreightdeskCore
import Storage
import Web

/// A file attached to a contract (the signed scan, an annex), as lists show it.
struct ContractAttachment: Codable, Sendable, Equatable {
  var id: Identifier
  var contractID: Identifier
  var fileName: String
  var contentType: String
  var sizeBytes: Int64
  var uploadedByName: String
  var uploadedAt: Instant

  enum CodingKeys: String, CodingKey {
    case id
    case contractID = "contract_id"
    case fileName = "file_name"
    case contentType = "content_type"
    case sizeBytes = "size_bytes"
    case uploadedByName = "uploaded_by_name"
    case uploadedAt = "uploaded_at"
  }
}

/// Contract attachments: uploaded as a multipart field `file`, kept in the database (at most
/// ``CommercialLimits/contractAttachmentBytesMax`` each, ``CommercialLimits/contractAttachmentsMax``
/// per contract) and downloaded with the type they were uploaded as, when it is one of the
/// document and image types people attach; anything else downloads as bytes.
enum ContractAttachments {
  /// The types a download keeps; others become `application/octet-stream`.
  static let knownContentTypes: Set<String> = [
    "application/pdf", "image/jpeg", "image/png", "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain",
  ]

  /// The upload body limit of the routes that take an attachment.
  static let uploadBodyBytesMax = CommercialLimits.contractAttachmentBytesMax + 64 * 1024

  /// Stores the request's `file` on contract `id`, audited, and returns it.
  static func upload(
    _ request: Request, to id: Identifier, context: AuthenticatedContext,
    services: ModuleServices
  ) throws -> ContractAttachment {
    guard let file = request.parts.first(where: { $0.name == "file" && $0.filename != nil }),
      !file.bytes.isEmpty
    else { throw ValidationFailure(pointer: "/file", code: "required") }
    guard file.bytes.count <= CommercialLimits.contractAttachmentBytesMax else {
      throw ValidationFailure(
        pointer: "/file", code: "file_too_large",
        arguments: ["max": String(CommercialLimits.contractAttachmentBytesMax / 1024)])
    }
    let type = (file.contentType ?? "").split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    let attachment = ContractAttachment(
      id: services.identifiers.next(), contractID: id, fileName: fileName(file.filename ?? ""),
      contentType: type.flatMap { knownContentTypes.contains($0) ? $0 : nil }
        ?? "application/octet-stream",
      sizeBytes: Int64(file.bytes.count), uploadedByName: context.userName,
      uploadedAt: services.clock.now())
    try context.write(services.database) { scope in
      _ = try ContractStore.load(id, scope)
      guard try list(of: id, scope).count < CommercialLimits.contractAttachmentsMax else {
        throw ValidationFailure(
          pointer: "/file", code: "too_many_attachments",
          arguments: ["max": String(CommercialLimits.contractAttachmentsMax)])
      }
      try scope.execute(
        """
        INSERT INTO contract_attachments (tenant_id, id, contract_id, file_name, content_type,
          size_bytes, content, uploaded_by_name, uploaded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        [
          .integer(attachment.id.rawValue), .integer(id.rawValue), .text(attachment.fileName),
          .text(attachment.contentType), .integer(attachment.sizeBytes), .blob(file.bytes),
          .text(attachment.uploadedByName), .integer(attachment.uploadedAt.epochMilliseconds),
        ])
      try context.audit(services.audit).record(
        entity: "contract_attachment", id: attachment.id, action: "create",
        after: [
          "contract_id": id.description, "file_name": attachment.fileName,
          "size_bytes": String(attachment.sizeBytes),
        ], in: scope)
    }
    return attachment
  }

  /// The attachments of contract `id`, oldest first, without their content.
  static func list(of id: Identifier, _ scope: TenantScope) throws -> [ContractAttachment] {
    try scope.query(
      """
      SELECT id, contract_id, file_name, content_type, size_bytes, uploaded_by_name, uploaded_at
      FROM contract_attachments WHERE tenant_id = $1 AND contract_id = $2 ORDER BY id
      """, [.integer(id.rawValue)]
    ).map { row in
      ContractAttachment(
        id: try row.identifier("id"), contractID: try row.identifier("contract_id"),
        fileName: try row.string("file_name"), contentType: try row.string("content_type"),
        sizeBytes: try row.int64("size_bytes"), uploadedByName: try row.string("uploaded_by_name"),
        uploadedAt: try row.instant("uploaded_at"))
    }
  }

  /// The download of attachment `attachment` of contract `contract`.
  static func download(
    _ attachment: Identifier, of contract: Identifier, context: AuthenticatedContext,
    services: ModuleServices
  ) throws -> Response {
    guard
      let row = try context.read(
        services.database,
        { scope in
          try scope.query(
            """
            SELECT file_name, content_type, content FROM contract_attachments
            WHERE tenant_id = $1 AND id = $2 AND contract_id = $3
            """, [.integer(attachment.rawValue), .integer(contract.rawValue)]
          ).first
        })
    else { throw HTTPError.notFound }
    let name = try row.string("file_name")
    return Response(
      status: 200,
      headers: [
        "Content-Type": try row.string("content_type"),
        "Content-Disposition": ContentDisposition.attachment(fileName: name),
      ],
      body: try row.blob("content"))
  }

  /// The name kept: no path, no quotes or control characters, at most 100 characters.
  static func fileName(_ sent: String) -> String {
    let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let clean = String(
      last.unicodeScalars.filter {
        !CharacterSet.controlCharacters.contains($0) && $0 != "\"" && $0 != ";"
      }
    ).trimmingCharacters(in: .whitespaces)
    return clean.isEmpty ? "attachment" : String(clean.prefix(100))
  }
}
