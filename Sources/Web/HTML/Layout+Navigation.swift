extension Layout {
  /// The fields of the language switch form, which posts to ``path``; the web layer's handler
  /// reads the same names.
  public enum LanguageSwitchForm {
    /// Where the form posts.
    public static let path = "/locale"
    /// The hidden CSRF token field.
    public static let csrfTokenField = "csrf_token"
    /// The chosen locale's language tag (`zh-CN` or `en`), the value of the pressed button.
    public static let localeField = "locale"
    /// The path to return to afterwards (the page the switch was on). It comes back from the
    /// browser, so the handler must redirect only to a local path (one leading `/`, not `//`),
    /// or the form becomes an open redirect.
    public static let returnToField = "return_to"
  }

  /// The top bar: brand, navigation links (collapsed behind a toggler on phones) and the
  /// language switch.
  static func navigationBar(_ context: PageContext) -> HTML {
    let localizer = context.localizer
    return HTML.header {
      HTML.nav(
        .class("navbar", "navbar-expand-lg", "bg-body-tertiary", "border-bottom"),
        .aria("label", localizer("layout.nav.label"))
      ) {
        HTML.div(.class("container-fluid")) {
          HTML.a(
            .class("navbar-brand", "d-flex", "align-items-center", "gap-2"), .href(context.homeHref)
          ) {
            if let logo = context.brandLogoHref, let account = context.account {
              HTML.img(
                .src(logo), .class("fd-brand-logo"),
                .alt(localizer("layout.logo_alt", ["company": account.companyName])))
            }
            localizer("app.name")
          }
          HTML.button(
            .class("navbar-toggler"), .type("button"), .data("bs-toggle", "collapse"),
            .data("bs-target", "#primary-navigation"), .aria("controls", "primary-navigation"),
            .aria("expanded", "false"), .aria("label", localizer("layout.nav.toggle"))
          ) {
            HTML.span(.class("navbar-toggler-icon"))
          }
          HTML.div(.class("collapse", "navbar-collapse"), .id("primary-navigation")) {
            navigationLinks(context.navigation, localizer: localizer)
            if let csrfToken = context.csrfToken {
              languageSwitch(context, csrfToken: csrfToken)
              if let account = context.account {
                accountMenu(account, csrfToken: csrfToken, localizer: localizer)
              }
            }
          }
        }
      }
    }
  }

  /// The navigation items as a Bootstrap nav list; the active one is marked for screen readers.
  private static func navigationLinks(_ items: [NavigationItem], localizer: Localizer) -> HTML {
    HTML.ul(.class("navbar-nav", "me-auto", "mb-2", "mb-lg-0")) {
      for item in items {
        HTML.li(.class("nav-item")) {
          if item.isActive {
            HTML.a(.class("nav-link", "active"), .aria("current", "page"), .href(item.href)) {
              localizer(item.labelKey)
            }
          } else {
            HTML.a(.class("nav-link"), .href(item.href)) { localizer(item.labelKey) }
          }
        }
      }
    }
  }

  /// The signed-in user's name (to their profile) and a sign-out button, which posts with the
  /// session's CSRF token.
  private static func accountMenu(_ account: AccountMenu, csrfToken: String, localizer: Localizer)
    -> HTML
  {
    HTML.div(.class("d-flex", "align-items-center", "gap-2", "ms-lg-3", "mt-2", "mt-lg-0")) {
      HTML.a(.class("link-body-emphasis", "small"), .href(account.profileHref)) {
        account.displayName
        HTML.text(" · ")
        account.companyName
      }
      HTML.form(.method("post"), .action(account.signOutPath)) {
        HTML.input(.type("hidden"), .name(LanguageSwitchForm.csrfTokenField), .value(csrfToken))
        HTML.button(.type("submit"), .class("btn", "btn-sm", "btn-outline-danger")) {
          localizer("layout.sign_out")
        }
      }
    }
  }

  /// A small form with one button per language; the current language's button is pressed and
  /// disabled. Each language name is written in its own language and marked with its `lang`.
  private static func languageSwitch(_ context: PageContext, csrfToken: String) -> HTML {
    let localizer = context.localizer
    return HTML.form(
      .method("post"), .action(context.languageSwitchPath),
      .class("language-switch", "d-flex", "gap-1"),
      .aria("label", localizer("layout.language.label"))
    ) {
      HTML.input(.type("hidden"), .name(LanguageSwitchForm.csrfTokenField), .value(csrfToken))
      HTML.input(
        .type("hidden"), .name(LanguageSwitchForm.returnToField), .value(context.currentPath))
      for locale in AppLocale.allCases {
        let isCurrent = locale == localizer.locale
        HTML.button(
          .type("submit"), .name(LanguageSwitchForm.localeField), .value(locale.languageTag),
          .class("btn", "btn-sm", isCurrent ? "btn-secondary" : "btn-outline-secondary"),
          .lang(locale.languageTag), .aria("pressed", isCurrent ? "true" : "false"),
          .disabled(isCurrent)
        ) {
          localizer("layout.language.\(locale.catalogKeySuffix)")
        }
      }
    }
  }
}

extension AppLocale {
  /// The locale's part of catalog keys such as `layout.language.zh_cn`.
  fileprivate var catalogKeySuffix: String {
    switch self {
    case .simplifiedChinese: "zh_cn"
    case .english: "en"
    }
  }
}
