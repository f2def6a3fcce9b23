import FreightdeskCore
import Storage
import Web

/// An automatic tag as the API shows it: the finding, and its reason in the caller's language.
struct AutomaticTagView: Codable, Sendable {
  var rule: AutomaticTagRule
  var tag: String
  var basis: String
  var evidence: [String: String]
  var reason: String
  var computedAt: Instant

  enum CodingKeys: String, CodingKey {
    case rule, tag, basis, evidence, reason
    case computedAt = "computed_at"
  }

  init(_ tag: AutomaticTag, localizer: Localizer) {
    rule = tag.finding.rule
    self.tag = tag.tag
    basis = tag.finding.basis
    evidence = tag.finding.evidence
    reason = localizer(tag.finding.reasonKey, tag.finding.evidence)
    computedAt = tag.computedAt
  }
}

/// The answer to a change of the rules: the rules, and the job recomputing every customer.
struct AutomaticTagSettingsChange: Codable, Sendable {
  var settings: AutomaticTagSettings
  var recomputeJobID: Identifier?

  enum CodingKeys: String, CodingKey {
    case settings
    case recomputeJobID = "recompute_job_id"
  }
}

/// Automatic tags in the JSON API: a customer's, with reasons, and the company's rules under
/// `/api/v1/automatic-tag-rules`.
enum AutomaticTagAPI {
  static func register(_ api: RouteGroup<AuthenticatedContext>, tagging: AutomaticTagging) {
    api.get(
      "/customers/{id}/automatic-tags",
      CustomerAPI.operation(
        "listCustomerAutomaticTags", "A customer's automatic tags with the figures behind them",
        CRMPermission.customersRead, response: .of(ItemList<AutomaticTagView>.self))
    ) { _, context in
      let customer = try context.request.parameters.identifier("id")
      let localizer = Localizer(locale: context.request.locale)
      return try JSONBody.response(
        ItemList(
          items: try tagging.tags(of: customer, in: context.tenant).map {
            AutomaticTagView($0, localizer: localizer)
          }))
    }
    api.get(
      "/automatic-tag-rules",
      CustomerAPI.operation(
        "getAutomaticTagRules", "The rules that tag customers from their order history",
        CRMPermission.customersRead, response: .of(AutomaticTagSettings.self))
    ) { _, context in
      try JSONBody.response(try tagging.settings(in: context.tenant))
    }
    api.on(
      .put, "/automatic-tag-rules",
      CustomerAPI.operation(
        "updateAutomaticTagRules", "Change the automatic tag rules; every customer is recomputed",
        CRMPermission.tagRulesManage, request: .of(AutomaticTagSettings.self),
        response: .of(AutomaticTagSettingsChange.self))
    ) { request, context in
      let settings = try JSONBody.decode(AutomaticTagSettings.self, from: request)
      let job = try tagging.update(
        settings, in: context.tenant, audit: context.audit(tagging.services.audit))
      return try JSONBody.response(
        AutomaticTagSettingsChange(settings: settings, recomputeJobID: job))
    }
  }
}
