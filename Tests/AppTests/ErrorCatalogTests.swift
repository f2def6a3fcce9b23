import FreightdeskCore
import Testing
import Web

@testable import Storage

/// Every error the platform can show a person has a message in both languages, and every
/// placeholder in that message is filled by the error's own arguments.
@Suite struct ErrorCatalogTests {
  static let samples: [any UserFacingError] =
    httpErrors.map { $0 as any UserFacingError } + databaseErrors.map { $0 as any UserFacingError }
    + migrationErrors.map { $0 as any UserFacingError }
    + creditCodeErrors.map { $0 as any UserFacingError }
    + [
      AuditError.exportTooLarge(entriesMax: 10), AuditError.textContainsNUL,
      JobLeaseLost(job: Identifier(rawValue: 1)),
      ValidationFailure(pointer: "/x", code: "required"),
    ]

  static let httpErrors: [HTTPError] = [
    .notFound, .methodNotAllowed(allowed: [.get]), .payloadTooLarge(limitBytes: 10),
    .unsupportedMediaType(expected: "application/json"), .malformedJSON(detail: "x"),
    .invalidPathParameter(name: "id"), .invalidCursor, .preconditionRequired, .preconditionFailed,
    .idempotencyKeyReused, .idempotencyKeyInProgress, .invalidIdempotencyKey, .internalError,
  ]

  static let databaseErrors: [DatabaseError] = [
    .unavailable(reason: "x"), .poolTimeout(waitedMilliseconds: 1),
    .uniqueViolation(constraint: "x"), .foreignKeyViolation(constraint: "x"),
    .constraintViolation(message: "x"), .transactionConflict(reason: "x"),
    .retriesExhausted(attempts: 3), .invalidURL("x"), .queryFailed(message: "x", state: "x"),
    .parameterCountMismatch(expected: 1, given: 2), .columnMissing("x"),
    .columnTypeMismatch(column: "x", expected: "x", found: "x"), .unscopedQuery(sql: "x"),
    .backupUnsupported(engine: .postgres, advice: "x"), .invalidBackup(path: "x", reason: "x"),
    .appendOnly(table: "audit_log"),
  ]

  static let migrationErrors: [MigrationError] = [
    .checksumMismatch(module: "m", number: 1, name: "n"), .numberOutOfOrder(module: "m", number: 1),
    .unknownLanded(module: "m", number: 1),
  ]

  static let creditCodeErrors: [CreditCodeError] = [
    .wrongLength(found: 3), .illegalCharacter(position: 9, character: "I"),
    .invalidDivisionCode(found: "990100"),
    .organizationCodeCheckMismatch(expected: "4", found: "5"),
    .checkCharacterMismatch(expected: "3", found: "4"),
  ]

  @Test func everyErrorCodeHasAMessageItsArgumentsFill() throws {
    let translations = Translations.bundled
    for error in Self.samples {
      for locale in AppLocale.allCases {
        let template = try #require(
          translations.catalogs[locale]?["error.\(error.code)"], "\(error.code) in \(locale)")
        let missing = Placeholders.names(in: template).subtracting(error.arguments.keys)
        #expect(missing.isEmpty, "\(error.code) quotes \(missing) it does not have")
      }
      #expect(translations.catalogs[.english]?["problem.\(error.kind.catalogTitleKey)"] != nil)
    }
  }

  @Test func everyFieldRuleTheDecoderReportsHasAMessage() throws {
    for rule in ["required", "unknown_field", "wrong_type", "invalid_format", "out_of_range"] {
      for locale in AppLocale.allCases {
        #expect(Translations.bundled.catalogs[locale]?["rule.\(rule)"] != nil, "\(rule)")
      }
    }
  }
}
