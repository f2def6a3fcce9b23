import Web

/// What the commercial pages share.
enum CommercialPage {
  /// The registry entry of a page route.
  static func operation(_ id: String, _ summary: String, _ permission: Permission)
    -> Web.Operation
  {
    Web.Operation(
      id: id, summary: summary, tag: "Commercial pages", permission: permission, style: .page,
      bodyBytesMax: 32_768)
  }
}
