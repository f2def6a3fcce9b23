import Web

/// Renders a page shown before sign-in (sign-in, two-factor, sign-up): a narrow centred
/// column in the site layout, with the double-submit form token its form posts back.
enum PublicPage {
  static func render(
    _ request: Request, _ context: RequestContext, path: String, titleKey: String,
    columns: [String] = ["col-md-6", "col-lg-4"], status: Int = 200,
    @HTMLBuilder content: (Localizer, String) -> HTML
  ) -> Response {
    let formGuard = FormGuard.token(for: request)
    let page = context.pageContext(path: path, csrfToken: formGuard.token)
    let t = page.localizer
    let html = Layout.page(title: t(titleKey), context: page) {
      HTML.div(.class("row", "justify-content-center")) {
        HTML.div(.class(columns.joined(separator: " "))) {
          HTML.h1(.class("h3", "mb-3")) { t(titleKey) }
          content(t, formGuard.token)
        }
      }
    }
    return Response.html(html.render(), status: status).setting(cookie: formGuard.setCookie)
  }
}
