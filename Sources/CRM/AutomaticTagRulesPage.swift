import FreightdeskCore
import Web

/// `/app/customers/tag-rules`: the rules that tag customers from their order history, which
/// staff read and those allowed change.
enum AutomaticTagRulesPage {
  static func register(
    _ app: RouteGroup<AuthenticatedContext>, tagging: AutomaticTagging, page: SignedInPage
  ) {
    app.get(
      "/customers/tag-rules",
      CustomerListPage.operation(
        "getAutomaticTagRulesPage", "The automatic tag rules", CRMPermission.customersRead)
    ) { _, context in
      let settings = try tagging.settings(in: context.tenant)
      return render(
        context, page: page, state: FormState(values: values(of: settings)), status: 200)
    }
    app.post(
      "/customers/tag-rules",
      CustomerListPage.operation(
        "postAutomaticTagRulesPage", "Change the automatic tag rules",
        CRMPermission.tagRulesManage)
    ) { request, context in
      let form = try FormBody(request)
      do {
        try tagging.update(
          try settings(from: form), in: context.tenant,
          audit: context.audit(tagging.services.audit))
        return page.done("/app/customers/tag-rules", message: "flash.saved")
      } catch let error as any UserFacingError where error.kind != .internalFailure {
        return render(
          context, page: page, state: FormState(form: form, error: error),
          status: error.kind.httpStatus)
      }
    }
  }

  /// The rules read from the form, fields named by their JSON pointers without the slash.
  static func settings(from form: FormBody) throws -> AutomaticTagSettings {
    var problems: [FieldError] = []
    func number(_ name: String) -> Int {
      guard let value = Int(form[name]?.trimmingCharacters(in: .whitespaces) ?? "") else {
        problems.append(FieldError(pointer: "/" + name, code: "invalid_number"))
        return 0
      }
      return value
    }
    func share(_ rule: AutomaticTagRule, complaints: Bool = false) -> ShareRule {
      let name = rule.rawValue
      return ShareRule(
        enabled: form["\(name)/enabled"] == "1", tag: form["\(name)/tag"] ?? "",
        periodDays: number("\(name)/period_days"),
        sharePercentMin: number("\(name)/share_percent_min"),
        countMin: number("\(name)/count_min"),
        complaintsMin: complaints ? number("\(name)/complaints_min") : nil)
    }
    let name = AutomaticTagRule.highValue.rawValue
    let settings = AutomaticTagSettings(
      timeSensitive: share(.timeSensitive, complaints: true),
      nightPreferring: share(.nightPreferring),
      highValue: CountRule(
        enabled: form["\(name)/enabled"] == "1", tag: form["\(name)/tag"] ?? "",
        periodDays: number("\(name)/period_days"), countMin: number("\(name)/count_min")),
      churnRisk: share(.churnRisk))
    if !problems.isEmpty { throw ValidationFailure(problems) }
    return settings
  }

  /// The form's values for `settings`.
  static func values(of settings: AutomaticTagSettings) -> [String: String] {
    var values: [String: String] = [:]
    let shares: [(AutomaticTagRule, ShareRule)] = [
      (.timeSensitive, settings.timeSensitive), (.nightPreferring, settings.nightPreferring),
      (.churnRisk, settings.churnRisk),
    ]
    for (rule, share) in shares {
      let name = rule.rawValue
      values["\(name)/enabled"] = share.enabled ? "1" : ""
      values["\(name)/tag"] = share.tag
      values["\(name)/period_days"] = String(share.periodDays)
      values["\(name)/share_percent_min"] = String(share.sharePercentMin)
      values["\(name)/count_min"] = String(share.countMin)
      if let complaints = share.complaintsMin {
        values["\(name)/complaints_min"] = String(complaints)
      }
    }
    let name = AutomaticTagRule.highValue.rawValue
    values["\(name)/enabled"] = settings.highValue.enabled ? "1" : ""
    values["\(name)/tag"] = settings.highValue.tag
    values["\(name)/period_days"] = String(settings.highValue.periodDays)
    values["\(name)/count_min"] = String(settings.highValue.countMin)
    return values
  }

  /// The numeric fields of each rule, in the form's order.
  static func fields(of rule: AutomaticTagRule) -> [String] {
    switch rule {
    case .timeSensitive: ["period_days", "share_percent_min", "count_min", "complaints_min"]
    case .nightPreferring, .churnRisk: ["period_days", "share_percent_min", "count_min"]
    case .highValue: ["period_days", "count_min"]
    }
  }

  private static func render(
    _ context: AuthenticatedContext, page: SignedInPage, state: FormState, status: Int
  ) -> Response {
    let manage = context.can(CRMPermission.tagRulesManage)
    return page.render(
      context, path: "/app/customers", titleKey: "crm.auto_tag.rules.title", status: status
    ) { t in
      HTML.h1(.class("h3")) { t("crm.auto_tag.rules.title") }
      HTML.p(.class("text-body-secondary")) { t("crm.auto_tag.rules.intro") }
      FormControls.formErrors(state, localizer: t)
      HTML.form(.method("post"), .action("/app/customers/tag-rules")) {
        FormControls.csrf(context.csrfToken)
        for rule in AutomaticTagRule.allCases {
          ruleSection(rule, state: state, localizer: t)
        }
        if manage { FormControls.submit(t("crm.auto_tag.rules.save")) }
      }
    }
  }

  private static func ruleSection(
    _ rule: AutomaticTagRule, state: FormState, localizer t: Localizer
  ) -> HTML {
    let name = rule.rawValue
    return HTML.fieldset(.class("border", "rounded", "p-3", "mb-3"), .id("rule-\(name)")) {
      HTML.legend(.class("h5")) { t("crm.auto_tag.rule.\(name)") }
      HTML.p(.class("small", "text-body-secondary")) { t("crm.auto_tag.rule.\(name).help") }
      FormControls.checkbox(
        "\(name)/enabled", label: t("crm.auto_tag.rules.enabled"),
        isChecked: state.values["\(name)/enabled"] == "1")
      HTML.div(.class("row", "g-2")) {
        HTML.div(.class("col-md-4")) {
          FormControls.field(
            "\(name)/tag", label: t("crm.auto_tag.rules.tag"), state: state, localizer: t)
        }
        for field in fields(of: rule) {
          HTML.div(.class("col-md-2")) {
            FormControls.field(
              "\(name)/\(field)", label: t("crm.auto_tag.rules.\(field)"), state: state,
              localizer: t, type: "number")
          }
        }
      }
    }
  }
}
