import Foundation
import Testing

@testable import Web

@Suite struct LayoutTests {
  func context(
    _ locale: AppLocale, csrfToken: String? = "token-123", flashes: [Flash] = []
  ) -> PageContext {
    PageContext(
      localizer: Localizer(locale: locale), requestID: "req-42", currentPath: "/app/orders?page=2",
      csrfToken: csrfToken,
      navigation: [
        NavigationItem(labelKey: "nav.dashboard", href: "/app"),
        NavigationItem(labelKey: "nav.orders", href: "/app/orders", isActive: true),
      ],
      flashes: flashes)
  }

  func render(_ context: PageContext) -> String {
    Layout.page(title: "订单", context: context) { HTML.h1 { "订单列表" } }.render()
  }

  @Test(arguments: AppLocale.allCases)
  func documentDeclaresItsLanguageCharsetAndPhoneViewport(locale: AppLocale) {
    let html = render(context(locale))
    #expect(html.hasPrefix("<!doctype html>\n<html lang=\"\(locale.languageTag)\"><head>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(
      html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("<title>订单 · Freightdesk</title>"))
    #expect(html.hasSuffix("</body></html>"))
  }

  @Test func bootstrapAndOurOwnAssetsAreLinked() {
    let html = render(context(.english))
    for stylesheet in [Layout.AssetPath.bootstrapCSS, Layout.AssetPath.appCSS] {
      #expect(html.contains("<link rel=\"stylesheet\" href=\"\(stylesheet)\">"))
    }
    for script in [Layout.AssetPath.bootstrapJS, Layout.AssetPath.appJS] {
      #expect(html.contains("<script src=\"\(script)\" defer></script>"))
    }
  }

  @Test func thereIsNoInlineScriptOrInlineHandler() {
    let html = render(
      context(.simplifiedChinese, flashes: [Flash(.success, messageKey: "flash.saved")]))
    #expect(!html.contains("<script>"))
    #expect(html.components(separatedBy: "<script src=").count == 3)
    #expect(html.range(of: " on[a-z]+=", options: .regularExpression) == nil)
    #expect(!html.contains(" style="))
  }

  @Test func navigationIsTranslatedAndMarksTheActiveItem() {
    let chinese = render(context(.simplifiedChinese))
    #expect(chinese.contains("<a class=\"nav-link\" href=\"/app\">工作台</a>"))
    #expect(
      chinese.contains(
        "<a class=\"nav-link active\" aria-current=\"page\" href=\"/app/orders\">订单</a>"))
    let english = render(context(.english))
    #expect(english.contains(">Dashboard</a>"))
    #expect(english.contains("aria-current=\"page\" href=\"/app/orders\">Orders</a>"))
  }

  @Test func languageSwitchPostsBothLocalesWithTheCSRFTokenAndReturnPath() {
    let html = render(context(.english))
    #expect(html.contains("<form method=\"post\" action=\"/locale\""))
    #expect(html.contains("<input type=\"hidden\" name=\"csrf_token\" value=\"token-123\">"))
    #expect(
      html.contains("<input type=\"hidden\" name=\"return_to\" value=\"/app/orders?page=2\">"))
    #expect(html.contains("name=\"locale\" value=\"zh-CN\""))
    #expect(html.contains("lang=\"zh-CN\" aria-pressed=\"false\">简体中文</button>"))
    #expect(html.contains("lang=\"en\" aria-pressed=\"true\" disabled>English</button>"))
  }

  @Test func languageSwitchIsLeftOutWithoutACSRFToken() {
    let html = render(context(.english, csrfToken: nil))
    #expect(!html.contains("action=\"/locale\""))
    #expect(!html.contains("csrf_token"))
  }

  @Test func csrfTokenAndReturnPathAreEscaped() {
    var page = context(.english, csrfToken: "\"><script>alert(1)</script>")
    page.currentPath = "/app?x=\"onmouseover=alert(1)"
    let html = render(page)
    #expect(!html.contains("<script>alert(1)"))
    #expect(!html.contains("\"onmouseover"))
  }

  @Test func flashesAreTranslatedAndOnlyCalmOnesDismissThemselves() {
    let flashes = [
      Flash(.success, messageKey: "flash.signed_in", arguments: ["name": "王<b>"]),
      Flash(.danger, messageKey: "flash.session_expired"),
    ]
    let html = render(context(.simplifiedChinese, flashes: flashes))
    #expect(
      html.contains(
        "<div class=\"alert alert-success alert-dismissible fade show\" role=\"status\" "
          + "data-auto-dismiss=\"6000\">欢迎回来，王&lt;b&gt;！"))
    #expect(
      html.contains(
        "<div class=\"alert alert-danger alert-dismissible fade show\" role=\"alert\">"
          + "登录已过期，请重新登录。"))
    #expect(html.contains("data-bs-dismiss=\"alert\" aria-label=\"关闭\""))
  }

  @Test func contentAppearsInsideMainAfterTheFlashes() throws {
    let html = render(context(.english, flashes: [Flash(.info, messageKey: "flash.saved")]))
    let main = try #require(html.range(of: "<main id=\"main\""))
    let flash = try #require(html.range(of: "Saved."))
    let heading = try #require(html.range(of: "<h1>订单列表</h1>"))
    let mainEnd = try #require(html.range(of: "</main>"))
    #expect(main.lowerBound < flash.lowerBound)
    #expect(flash.lowerBound < heading.lowerBound)
    #expect(heading.upperBound <= mainEnd.lowerBound)
  }

  @Test(arguments: AppLocale.allCases)
  func footerAndSkipLinkComeFromTheCatalog(locale: AppLocale) {
    let html = render(context(locale))
    let translations = Translations.bundled
    for key in ["layout.footer.tagline", "layout.footer.help", "layout.skip_to_content"] {
      #expect(html.contains(HTML.text(translations.text(key, locale: locale)).render()))
    }
  }

  @Test(arguments: AppLocale.allCases)
  func noCatalogKeyIsLeftUntranslatedOnAPage(locale: AppLocale) {
    let flashes = Flash.Kind.allCases.map { Flash($0, messageKey: "flash.saved") }
    let pages = [
      render(context(locale, flashes: flashes)),
      Layout.errorPage(.serviceUnavailable, context: context(locale)).render(),
    ]
    for html in pages {
      for prefix in ["app.", "common.", "error.", "flash.", "layout.", "nav.", "page."] {
        #expect(!html.contains(">" + prefix), "\(prefix) in \(locale)")
        #expect(!html.contains("\"" + prefix), "\(prefix) in \(locale)")
      }
    }
  }

  @Test func ourOwnScriptAndStyleSheetShipAsResources() throws {
    let directory = try #require(Bundle.module.url(forResource: "Resources", withExtension: nil))
    for asset in ["assets/app.js", "assets/app.css"] {
      let text = try String(
        contentsOf: directory.appendingPathComponent(asset), encoding: .utf8)
      #expect(text.count > 100, "\(asset)")
    }
  }
}
