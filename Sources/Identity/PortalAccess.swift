import Foundation
public import FreightdeskCore
public import Web

/// A customer's portal access: the portal users acting for it and a form to add one. `App`
/// shows it as a panel on CRM's customer page (Identity cannot know that page); the form posts
/// to `/app/users/portal` and comes back to the page it was sent from.
public struct PortalAccessSection: Sendable {
  let service: IdentityService

  /// The section over the shared services.
  public init(services: ModuleServices, configuration: IdentityConfiguration) {
    service = IdentityService(services: services, configuration: configuration)
  }

  /// What the caller must hold to see the section.
  public static let permission = IdentityPermission.usersRead

  /// The users of `customer` and, for callers who manage users, the form to add one that
  /// returns to `returnPath`.
  public func render(
    customer: Identifier, returnPath: String, context: AuthenticatedContext,
    localizer t: Localizer
  ) throws -> HTML {
    let users = try service.portalUsers(of: customer, in: context.tenant)
    return HTML.group {
      if users.isEmpty {
        HTML.p(.class("text-body-secondary")) { t("portal_access.none") }
      } else {
        HTML.ul(.class("list-unstyled")) {
          for user in users {
            HTML.li {
              HTML.a(.href("/app/users/\(user.id)")) { user.displayName }
              " (\(user.login))"
              if !user.active {
                HTML.span(.class("badge", "text-bg-secondary", "ms-2")) { t("users.inactive") }
              }
            }
          }
        }
      }
      if context.can(IdentityPermission.usersManage) {
        HTML.details {
          HTML.summary { t("portal_access.add") }
          HTML.form(.method("post"), .action("/app/users/portal"), .class("mt-2")) {
            FormControls.csrf(context.csrfToken)
            HTML.input(.type("hidden"), .name("customer_id"), .value(String(customer.rawValue)))
            HTML.input(.type("hidden"), .name("return_to"), .value(returnPath))
            let state = FormState()
            FormControls.field("login", label: t("users.login"), state: state, localizer: t)
            FormControls.field("display_name", label: t("users.name"), state: state, localizer: t)
            FormControls.field(
              "email", label: t("users.email"), state: state, localizer: t, type: "email",
              required: false)
            FormControls.field(
              "password", label: t("users.initial_password"), state: state, localizer: t,
              type: "password", autocomplete: "new-password", help: t("password.help"))
            FormControls.submit(t("portal_access.create"))
          }
        }
      }
    }
  }

  /// `POST /app/users/portal`: adds a portal user for a customer and goes back to the page the
  /// form came from, with the outcome as a flash message.
  static func register(_ app: RouteGroup<AuthenticatedContext>, service: IdentityService) {
    app.post(
      "/users/portal",
      UserPages.operation(
        "postPortalUser", "Add a portal user for a customer", IdentityPermission.usersManage)
    ) { request, context in
      let form = try FormBody(request)
      let back = returnPath(form["return_to"])
      guard let customer = form["customer_id"].flatMap(Int64.init).map(Identifier.init) else {
        throw ValidationFailure(pointer: "/customer_id", code: "required")
      }
      let input = NewUser(
        login: form["login"] ?? "", displayName: form["display_name"] ?? "",
        email: form["email"], password: form["password"] ?? "",
        roles: [BuiltinRole.customer.rawValue], customerID: customer)
      do {
        let user = try service.createUser(
          input, in: context.tenant, audit: context.audit(service.auditLog))
        return FlashMessages.attach(
          [
            Flash(.success, messageKey: "flash.user_created", arguments: ["name": user.displayName])
          ],
          to: .redirect(to: back))
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        let t = context.localizer
        let reasons =
          error.fieldErrors.isEmpty
          ? [t.message(for: error)] : error.fieldErrors.map(t.message(for:))
        return FlashMessages.attach(
          [
            Flash(
              .danger, messageKey: "portal_access.failed",
              arguments: ["reason": reasons.joined(separator: " ")])
          ], to: .redirect(to: back))
      }
    }
  }

  /// Where to go back to: a path of the staff app, never another site.
  static func returnPath(_ value: String?) -> String {
    guard let value, value.hasPrefix("/app/"), !value.hasPrefix("//"), !value.contains("\\")
    else { return "/app/users" }
    return value
  }
}
