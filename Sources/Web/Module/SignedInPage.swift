/// Renders a signed-in page in the site layout with the user's navigation.
public struct SignedInPage: Sendable {
  /// Every module's navigation entries; each page shows those the user may see.
  public let navigation: [NavigationEntry]

  /// A renderer over `navigation`.
  public init(navigation: [NavigationEntry]) {
    self.navigation = navigation
  }

  /// The page at `path`, titled by the catalog key `titleKey`, with `content`.
  public func render(
    _ context: AuthenticatedContext, path: String, titleKey: String, status: Int = 200,
    @HTMLBuilder content: (Localizer) -> HTML
  ) -> Response {
    let page = context.pageContext(path: path, navigation: navigation)
    let html = Layout.page(title: page.localizer(titleKey), context: page) {
      content(page.localizer)
    }
    return .html(html.render(), status: status)
  }

  /// A redirect back to `path` with a success message.
  public func done(_ path: String, message: String, arguments: [String: String] = [:]) -> Response {
    FlashMessages.attach(
      [Flash(.success, messageKey: message, arguments: arguments)], to: .redirect(to: path))
  }
}
