/// The frame every staff, portal, driver and scanner page is drawn in: document head, top
/// navigation with the language switch, flash messages, the page's content and a footer.
///
/// All text comes from the catalogs; the only scripts are Bootstrap's bundle and our own
/// `/assets/app.js`, both external, so a strict Content-Security-Policy
/// (`script-src 'self'`) holds.
public enum Layout {
  /// Where the layout loads its style sheets and scripts from. The web layer serves
  /// `/usr/share/javascript` under `/assets/vendor/` and `Resources/assets` under `/assets/`.
  public enum AssetPath {
    /// Bootstrap 5's style sheet (Debian `libjs-bootstrap5`).
    public static let bootstrapCSS = "/assets/vendor/bootstrap5/css/bootstrap.min.css"
    /// Bootstrap 5's script bundle, Popper included.
    public static let bootstrapJS = "/assets/vendor/bootstrap5/js/bootstrap.bundle.min.js"
    /// Our own style sheet.
    public static let appCSS = "/assets/app.css"
    /// Our own script: behaviour attached by `data-*` attributes.
    public static let appJS = "/assets/app.js"
  }

  /// A complete HTML document: `title` (already translated) plus the app name in the title bar,
  /// and `content` inside `<main>`.
  ///
  /// ```swift
  /// Layout.page(title: context.localizer("nav.orders"), context: context) {
  ///   HTML.h1 { context.localizer("nav.orders") }
  /// }.render()
  /// ```
  public static func page(
    title: String, context: PageContext, @HTMLBuilder content: () -> HTML
  ) -> HTML {
    let localizer = context.localizer
    return HTML.group {
      HTML.trustedRaw("<!doctype html>\n")
      HTML.html(.lang(localizer.locale.languageTag)) {
        head(title: localizer("layout.document_title", ["page": title]))
        HTML.body(.class("d-flex", "flex-column", "min-vh-100")) {
          HTML.a(.class("visually-hidden-focusable"), .href("#main")) {
            localizer("layout.skip_to_content")
          }
          navigationBar(context)
          HTML.main(.id("main"), .class("container", "flex-grow-1", "py-3")) {
            flashMessages(context)
            content()
          }
          footer(localizer)
        }
      }
    }
  }

  /// Character set, phone-friendly viewport, title, style sheets and deferred scripts.
  private static func head(title: String) -> HTML {
    HTML.head {
      HTML.meta(.charset("utf-8"))
      HTML.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
      HTML.title(title)
      HTML.link(.rel("stylesheet"), .href(AssetPath.bootstrapCSS))
      HTML.link(.rel("stylesheet"), .href(AssetPath.appCSS))
      HTML.script(src: AssetPath.bootstrapJS)
      HTML.script(src: AssetPath.appJS)
    }
  }

  /// The footer: what the product is and where to get help.
  private static func footer(_ localizer: Localizer) -> HTML {
    HTML.footer(.class("border-top", "py-3", "mt-4", "text-body-secondary", "small")) {
      HTML.div(.class("container", "d-flex", "flex-wrap", "justify-content-between", "gap-2")) {
        HTML.span { localizer("layout.footer.tagline") }
        HTML.span { localizer("layout.footer.help") }
      }
    }
  }
}
