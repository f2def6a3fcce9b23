public import FreightdeskCore

/// How a contract's customer pays: 现付, 到付, 月结 or 回单付.
public enum ContractSettlement: String, Sendable, CaseIterable, Codable {
  /// 现付: prepaid by the shipper.
  case prepaid
  /// 到付: freight collect from the consignee.
  case collect
  /// 月结: monthly account.
  case monthly
  /// 回单付: paid when the signed receipt comes back.
  case receiptReturn = "receipt_return"
}

/// A transport contract: the customer, its validity, the rate card that overrides the list
/// card for the customer, settlement terms, the on-time target, and how many days before the
/// end the renewal reminder shows.
public struct Contract: Sendable, Equatable {
  /// The contract's id.
  public var id: Identifier
  /// Its number, e.g. `HT20261204-0001`.
  public var number: String
  /// The customer (an id of the customer core, not a foreign key yet).
  public var customerID: Identifier
  /// A title, e.g. `2027 年度运输合同`.
  public var title: String
  /// The customer's rate card.
  public var rateCardID: Identifier
  /// The first day it holds.
  public var validFrom: CivilDate
  /// The last day it holds.
  public var validThrough: CivilDate
  /// How the customer pays.
  public var settlement: ContractSettlement
  /// The on-time delivery target in basis points (9,500 = 95 %).
  public var onTimeTargetBasisPoints: Int64
  /// Days before the end from which the renewal reminder shows.
  public var renewalReminderDays: Int

  /// Whether it holds on `day`.
  public func isValid(on day: CivilDate) -> Bool {
    (validFrom...validThrough).contains(day)
  }

  /// Whether on `day` it is due for renewal: still valid and within the reminder window.
  public func isDueForRenewal(on day: CivilDate) -> Bool {
    isValid(on: day) && day.days(until: validThrough) <= renewalReminderDays
  }
}
