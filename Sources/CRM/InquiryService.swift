import Foundation
import FreightdeskCore
import Storage
import Web

/// A new inquiry as staff type it or the portal form sends it.
public struct NewInquiry: Codable, Sendable, Equatable {
  /// The customer, when known.
  public var customerID: Int64?
  /// Who asks.
  public var contactName: String
  /// Their phone.
  public var contactPhone: String
  /// The origin region.
  public var origin: String
  /// The destination region.
  public var destination: String
  /// What the goods are.
  public var cargo: String
  /// Their weight in kg.
  public var weightKg: Double
  /// Their volume in m³.
  public var volumeM3: Double?
  /// The day they are ready, `YYYY-MM-DD`.
  public var readyOn: String?
  /// Service codes.
  public var services: [String]?

  enum CodingKeys: String, CodingKey {
    case origin, destination, cargo, services
    case customerID = "customer_id"
    case contactName = "contact_name"
    case contactPhone = "contact_phone"
    case weightKg = "weight_kg"
    case volumeM3 = "volume_m3"
    case readyOn = "ready_on"
  }

  /// Every broken field rule.
  func problems() -> [FieldError] {
    var problems: [FieldError] = []
    for (pointer, value) in [
      ("/contact_name", contactName), ("/origin", origin), ("/destination", destination),
      ("/cargo", cargo),
    ] where value.trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append(FieldError(pointer: pointer, code: "required"))
    }
    if weightKg < 0 || (volumeM3 ?? 0) < 0 {
      problems.append(FieldError(pointer: "/weight_kg", code: "must_not_be_negative"))
    }
    if let readyOn, CivilDate(readyOn) == nil {
      problems.append(FieldError(pointer: "/ready_on", code: "invalid_date"))
    }
    for (index, code) in (services ?? []).enumerated() where SurchargeKind(rawValue: code) == nil {
      problems.append(FieldError(pointer: "/services/\(index)", code: "invalid_choice"))
    }
    return problems
  }
}

/// Records inquiries and moves them through the pipeline, auditing every change.
struct InquiryService {
  let services: ModuleServices

  /// Records `input`, arriving from `source` (`staff` or `portal`).
  func create(
    _ input: NewInquiry, source: String, timeZone: TimeZone, audit: AuditContext,
    _ scope: TenantScope
  ) throws -> Inquiry {
    let problems = input.problems()
    if !problems.isEmpty { throw ValidationFailure(problems) }
    let now = services.clock.now()
    let inquiry = Inquiry(
      id: services.identifiers.next(),
      number: try DocumentNumbers.next(prefix: "XJ", at: now, timeZone: timeZone, in: scope)
        .description,
      customerID: input.customerID.map { Identifier(rawValue: $0) },
      contactName: input.contactName, contactPhone: input.contactPhone,
      origin: RegionPath(input.origin), destination: RegionPath(input.destination),
      cargo: input.cargo,
      weight: Weight(grams: Quantities.scaled(input.weightKg, by: 1000)),
      volume: Volume(
        cubicCentimetres: Quantities.scaled(
          input.volumeM3 ?? 0, by: Volume.cubicCentimetresPerCubicMetre)),
      readyOn: input.readyOn.flatMap(CivilDate.init),
      services: (input.services ?? []).compactMap(SurchargeKind.init), source: source,
      pipeline: InquiryPipeline(), createdAt: now)
    try InquiryStore.insert(inquiry, scope)
    try audit.record(
      entity: "inquiry", id: inquiry.id, action: "create",
      after: ["number": inquiry.number, "stage": "new", "source": source], in: scope)
    return inquiry
  }

  /// Applies `event` to inquiry `id`; a step its stage forbids is a 409.
  @discardableResult
  func apply(_ event: InquiryEvent, to id: Identifier, audit: AuditContext, _ scope: TenantScope)
    throws -> Inquiry
  {
    var inquiry = try InquiryStore.load(id, scope)
    let before = inquiry.pipeline.stage
    try inquiry.pipeline.apply(event)
    try InquiryStore.saveStage(id, inquiry.pipeline, at: services.clock.now(), scope)
    try audit.record(
      entity: "inquiry", id: id, action: event.name, before: ["stage": before.rawValue],
      after: [
        "stage": inquiry.pipeline.stage.rawValue, "reason": inquiry.pipeline.lostReason ?? "",
      ],
      in: scope)
    return inquiry
  }

  /// Conversion figures per month of arrival in `timeZone`.
  func conversion(timeZone: TimeZone, _ scope: TenantScope) throws -> [ConversionFigures] {
    ConversionFigures.monthly(
      try InquiryStore.stages(scope).map { (CivilDate($0.0, in: timeZone), $0.1) })
  }
}
