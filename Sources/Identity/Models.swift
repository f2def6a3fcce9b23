public import Foundation
public import FreightdeskCore

/// Whether a company pays VAT as a general taxpayer (一般纳税人) or a small-scale one
/// (小规模纳税人); it decides invoice rates later.
public enum TaxpayerKind: String, Sendable, Codable, CaseIterable {
  case general
  case smallScale = "small_scale"
}

/// A company using Freightdesk: a tenant.
public struct Company: Sendable, Equatable {
  /// The tenant id (also the company's id).
  public var tenant: TenantID
  /// The short code people type at sign-in, e.g. `demo`.
  public var slug: String
  /// The registered name, e.g. 示例物流有限公司.
  public var name: String
  /// The name used in the interface.
  public var shortName: String
  /// 统一社会信用代码, when known.
  public var creditCode: String?
  /// The registered address.
  public var address: String
  /// The VAT status.
  public var taxpayerKind: TaxpayerKind
  /// The zone times are shown in.
  public var timeZone: TimeZone
  /// The interface language for users who chose none.
  public var defaultLocale: String
  /// When the free trial ends; nil for a company not on a trial.
  public var trialEndsAt: Instant?
  /// Whether the one self-service extension was used.
  public var trialExtended: Bool
  /// Whether owners and finance staff must use two-factor sign-in.
  public var twoFactorRequired: Bool
  /// When the logo was last uploaded, or nil when there is none.
  public var logoUpdatedAt: Instant? = nil
  /// The row version, for `If-Match`.
  public var version: Int64

  /// Whether the trial has ended at `now`: the company is then read-only.
  public func isReadOnly(at now: Instant) -> Bool {
    guard let trialEndsAt else { return false }
    return now >= trialEndsAt
  }

  /// Whole days left in the trial at `now` (0 on the last day), or nil when not on a trial.
  public func trialDaysLeft(at now: Instant) -> Int? {
    guard let trialEndsAt else { return nil }
    let milliseconds = trialEndsAt.milliseconds(since: now)
    return milliseconds <= 0 ? 0 : Int((milliseconds + 86_399_999) / 86_400_000)
  }
}

/// A person (or a customer's contact) who signs in to a company.
public struct User: Sendable, Equatable {
  /// The user's id.
  public var id: Identifier
  /// The sign-in name, unique in the company, lower-cased.
  public var login: String
  /// The name shown.
  public var displayName: String
  /// E-mail, when known.
  public var email: String?
  /// The interface language chosen, or nil for the company default.
  public var locale: String?
  /// Whether the user may sign in.
  public var active: Bool
  /// Whether two-factor sign-in is set up.
  public var hasTwoFactor: Bool
  /// The role codes held.
  public var roles: [String]
  /// The row version, for `If-Match`.
  public var version: Int64
  /// The customer account a portal user acts for; nil for staff.
  public var customerID: Identifier? = nil
}
