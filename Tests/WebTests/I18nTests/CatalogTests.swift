import Testing

@testable import Web

@Suite struct CatalogTests {
  @Test func linesAreParsedSkippingCommentsAndBlankLines() throws {
    let catalog = try Catalog(parsing: "# header\n\na.b =   Hello {name}  \r\nc_d.e1 = 你好 = 好\n")
    #expect(catalog.entries == ["a.b": "Hello {name}", "c_d.e1": "你好 = 好"])
    #expect(catalog.keysInFileOrder == ["a.b", "c_d.e1"])
    #expect(catalog["missing"] == nil)
  }

  @Test(arguments: [
    ("a = 1\nb 2", CatalogParseError(line: 2, problem: .missingSeparator)),
    ("A.b = x", CatalogParseError(line: 1, problem: .invalidKey("A.b"))),
    ("a-b = x", CatalogParseError(line: 1, problem: .invalidKey("a-b"))),
    ("a = x\n\na = y", CatalogParseError(line: 3, problem: .duplicateKey("a"))),
    ("a =", CatalogParseError(line: 1, problem: .missingSeparator)),
    ("a = x\nb =   ", CatalogParseError(line: 2, problem: .emptyText("b"))),
  ])
  func malformedCatalogsAreRejectedNamingTheLine(text: String, expected: CatalogParseError) {
    #expect(throws: expected) { try Catalog(parsing: text) }
  }

  @Test func bundledCatalogsLoadForEveryLocale() throws {
    let translations = try Translations.loadBundled()
    for locale in AppLocale.allCases {
      #expect((translations.catalogs[locale]?.entries.count ?? 0) > 50)
    }
  }

  @Test func bothCatalogsHaveExactlyTheSameKeys() throws {
    let catalogs = try Translations.loadBundled().catalogs
    let chinese = Set(try #require(catalogs[.simplifiedChinese]).entries.keys)
    let english = Set(try #require(catalogs[.english]).entries.keys)
    #expect(chinese.subtracting(english).sorted() == [], "missing in en")
    #expect(english.subtracting(chinese).sorted() == [], "missing in zh-CN")
  }

  @Test func everyPlaceholderAppearsInBothTranslations() throws {
    let catalogs = try Translations.loadBundled().catalogs
    let chinese = try #require(catalogs[.simplifiedChinese])
    let english = try #require(catalogs[.english])
    for (key, text) in chinese.entries {
      let other = english[key] ?? ""
      #expect(Placeholders.names(in: text) == Placeholders.names(in: other), "\(key)")
    }
  }

  @Test func catalogFilesAreSortedByKey() throws {
    for catalog in try Translations.loadBundled().catalogs.values {
      #expect(catalog.keysInFileOrder == catalog.keysInFileOrder.sorted())
    }
  }

  @Test func chineseCatalogIsActuallyTranslated() throws {
    let catalogs = try Translations.loadBundled().catalogs
    let chinese = try #require(catalogs[.simplifiedChinese])
    let english = try #require(catalogs[.english])
    let sameInBoth = chinese.entries.keys.filter { chinese[$0] == english[$0] }.sorted()
    // Only names stay the same in both: the product's and the two languages' own names.
    #expect(
      sameInBoth == [
        "app.name", "layout.document_title", "layout.language.en", "layout.language.zh_cn",
      ])
  }

  /// The API error codes and field rules the platform reports, with their placeholders.
  static let apiMessages: [(key: String, placeholders: Set<String>)] = [
    ("error.validation_failed", Set<String>()), ("error.not_found", []),
    ("error.method_not_allowed", []), ("error.payload_too_large", ["limit"]),
    ("error.malformed_json", []), ("error.unknown_field", ["field"]),
    ("error.wrong_type", ["field", "expected"]), ("error.missing_field", []),
    ("error.idempotency_key_reused", []), ("error.idempotency_key_in_progress", []),
    ("error.precondition_required", []), ("error.precondition_failed", []),
    ("error.database_unavailable", []), ("error.internal", []), ("error.rate_limited", []),
    ("error.unsupported_media_type", ["expected"]), ("error.invalid_cursor", []),
    ("error.invalid_path_parameter", ["name"]), ("rule.required", []),
    ("rule.too_long", ["max"]), ("rule.too_short", ["min"]),
    ("rule.out_of_range", ["min", "max"]), ("rule.invalid_format", []),
  ]

  @Test(arguments: apiMessages)
  func apiErrorAndRuleMessagesExistWithTheirPlaceholders(key: String, names: Set<String>)
    throws
  {
    let catalogs = try Translations.loadBundled().catalogs
    for catalog in catalogs.values {
      let text = try #require(catalog[key], "\(key)")
      #expect(Placeholders.names(in: text) == names, "\(key)")
    }
  }
}
