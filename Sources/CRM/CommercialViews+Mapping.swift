import FreightdeskCore

extension InquiryView {
  /// The view of `inquiry`.
  init(_ inquiry: Inquiry) {
    id = inquiry.id
    number = inquiry.number
    stage = inquiry.pipeline.stage.rawValue
    lostReason = inquiry.pipeline.lostReason
    source = inquiry.source
    details = NewInquiry(
      customerID: inquiry.customerID?.rawValue, contactName: inquiry.contactName,
      contactPhone: inquiry.contactPhone, origin: inquiry.origin.description,
      destination: inquiry.destination.description, cargo: inquiry.cargo,
      weightKg: Quantities.decimal(inquiry.weight.grams, by: 1000),
      volumeM3: Quantities.decimal(
        inquiry.volume.cubicCentimetres, by: Volume.cubicCentimetresPerCubicMetre),
      readyOn: inquiry.readyOn?.description, services: inquiry.services.map(\.rawValue))
  }
}

extension QuoteView {
  /// The view of `quote`.
  init(_ quote: Quote) {
    id = quote.id
    number = quote.number
    status = quote.lifecycle.status.rawValue
    inquiryID = quote.inquiryID
    customerID = quote.customerID
    validThrough = quote.lifecycle.validThrough.description
    request = quote.request
    price = quote.price
  }
}

extension ContractView {
  /// The view of `contract`, flagged when due for renewal on `today`.
  init(_ contract: Contract, today: CivilDate) {
    id = contract.id
    number = contract.number
    customerID = contract.customerID.rawValue
    title = contract.title
    rateCardID = contract.rateCardID.rawValue
    validFrom = contract.validFrom.description
    validThrough = contract.validThrough.description
    settlement = contract.settlement.rawValue
    onTimeTargetBasisPoints = contract.onTimeTargetBasisPoints
    renewalReminderDays = contract.renewalReminderDays
    dueForRenewal = contract.isDueForRenewal(on: today)
  }
}

extension PromotionView {
  /// The view of `promotion`.
  init(_ promotion: Promotion) {
    code = promotion.code
    name = promotion.name
    segment = promotion.segment
    validFrom = promotion.validFrom.description
    validThrough = promotion.validThrough.description
    switch promotion.discount {
    case .percent(let basisPoints): percentBasisPoints = basisPoints
    case .fixed(let amount): fixedFen = amount.minorUnits
    }
  }

  /// The promotion it describes, or the field errors.
  func promotion() throws -> Promotion {
    var problems: [FieldError] = []
    if code.isEmpty { problems.append(FieldError(pointer: "/code", code: "required")) }
    if name.isEmpty { problems.append(FieldError(pointer: "/name", code: "required")) }
    let from = CivilDate(validFrom)
    let through = CivilDate(validThrough)
    if from == nil { problems.append(FieldError(pointer: "/valid_from", code: "invalid_date")) }
    if through == nil || (from != nil && through! < from!) {
      problems.append(FieldError(pointer: "/valid_through", code: "invalid_date"))
    }
    let discount: Promotion.Discount? =
      switch (percentBasisPoints, fixedFen) {
      case (let share?, nil) where (1...10_000).contains(share): .percent(basisPoints: share)
      case (nil, let fixed?) where fixed > 0: .fixed(Money(minorUnits: fixed))
      default: nil
      }
    if discount == nil {
      problems.append(FieldError(pointer: "/percent_basis_points", code: "fixed_or_percent"))
    }
    guard let from, let through, let discount, problems.isEmpty else {
      throw ValidationFailure(problems)
    }
    return Promotion(
      code: code, name: name, discount: discount, segment: segment, validFrom: from,
      validThrough: through)
  }
}
