extension Layout {
  /// How long success and info messages stay before `app.js` dismisses them; warnings and
  /// errors stay until closed, so nobody misses them.
  static let flashAutoDismissMilliseconds = 6000

  /// The flash messages as dismissible Bootstrap alerts. Errors and warnings are announced
  /// at once (`role="alert"`), the others politely (`role="status"`).
  static func flashMessages(_ context: PageContext) -> HTML {
    let localizer = context.localizer
    return HTML.group {
      for flash in context.flashes {
        HTML.element("div", attributes(of: flash)) {
          localizer(flash.messageKey, flash.arguments)
          HTML.button(
            .type("button"), .class("btn-close"), .data("bs-dismiss", "alert"),
            .aria("label", localizer("common.close")))
        }
      }
    }
  }

  /// A dismissible alert in the flash's colour; only calm messages get `data-auto-dismiss`.
  private static func attributes(of flash: Flash) -> [HTMLAttribute] {
    let kind = flash.kind
    var attributes: [HTMLAttribute] = [
      .class("alert", "alert-\(kind.rawValue)", "alert-dismissible", "fade", "show"),
      .role(kind.isUrgent ? "alert" : "status"),
    ]
    if !kind.isUrgent {
      attributes.append(.data("auto-dismiss", String(flashAutoDismissMilliseconds)))
    }
    return attributes
  }
}

extension Flash.Kind {
  /// Whether the message must be read before it goes away.
  fileprivate var isUrgent: Bool { self == .warning || self == .danger }
}
