import Testing

@testable import Web

@Suite struct ErrorPageTests {
  func page(_ status: Layout.ErrorStatus, _ locale: AppLocale, requestID: String) -> String {
    let context = PageContext(
      localizer: Localizer(locale: locale), requestID: requestID, currentPath: "/app/x",
      csrfToken: nil, homeHref: "/portal")
    return Layout.errorPage(status, context: context).render()
  }

  @Test(arguments: Layout.ErrorStatus.allCases, AppLocale.allCases)
  func everyErrorPageIsTranslatedAndShowsTheRequestID(
    status: Layout.ErrorStatus, locale: AppLocale
  ) {
    let html = page(status, locale, requestID: "01J8Z-abc")
    let translations = Translations.bundled
    let title = translations.text("page.error.\(status.rawValue).title", locale: locale)
    #expect(title != "page.error.\(status.rawValue).title")
    #expect(html.contains("<title>\(title) · Freightdesk</title>"))
    #expect(html.contains("<h1 class=\"h3\">\(title)</h1>"))
    #expect(
      html.contains(translations.text("page.error.\(status.rawValue).message", locale: locale)))
    #expect(html.contains(">\(status.rawValue)</p>"))
    #expect(html.contains("<code class=\"request-id\">01J8Z-abc</code>"))
    #expect(html.contains("<a class=\"btn btn-primary\" href=\"/portal\">"))
    #expect(html.contains("<html lang=\"\(locale.languageTag)\">"))
  }

  @Test func notFoundReadsNaturallyInChinese() {
    let html = page(.notFound, .simplifiedChinese, requestID: "r1")
    #expect(html.contains("<h1 class=\"h3\">页面不存在</h1>"))
    #expect(html.contains("返回首页"))
  }

  @Test func aHostileRequestIDIsEscaped() {
    let html = page(.internalServerError, .english, requestID: "<script>alert(1)</script>")
    #expect(
      html.contains("<code class=\"request-id\">&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
    #expect(!html.contains("<script>alert"))
  }
}
