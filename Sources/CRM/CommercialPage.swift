import FreightdeskCore
import Web

/// Draws the commercial pages in the site layout with the user's navigation, and answers a
/// form post with a redirect carrying a success message.
struct CommercialPage {
  let navigation: [NavigationEntry]

  /// A page at `path` titled by `titleKey`.
  func render(
    _ context: AuthenticatedContext, path: String, titleKey: String, status: Int = 200,
    @HTMLBuilder content: (Localizer) -> HTML
  ) -> Response {
    let page = context.pageContext(path: path, navigation: navigation)
    let html = Layout.page(title: page.localizer(titleKey), context: page) {
      content(page.localizer)
    }
    return .html(html.render(), status: status)
  }

  /// A redirect to `path` with the message `messageKey`.
  func done(_ path: String, messageKey: String) -> Response {
    FlashMessages.attach([Flash(.success, messageKey: messageKey)], to: .redirect(to: path))
  }

  /// The operation of a page route.
  static func operation(_ id: String, _ summary: String, _ permission: Permission)
    -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Commercial pages", permission: permission, style: .page,
      bodyBytesMax: 32_768)
  }
}
