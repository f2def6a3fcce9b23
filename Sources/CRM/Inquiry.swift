public import FreightdeskCore

/// An inquiry (询价): who asks, the route, the cargo, when it is ready and which services it
/// needs, and where it stands in the pipeline.
public struct Inquiry: Sendable, Equatable {
  /// Its id.
  public var id: Identifier
  /// Its number, e.g. `XJ20261204-0001`.
  public var number: String
  /// The customer, when known (an id of the customer core).
  public var customerID: Identifier?
  /// Who asked.
  public var contactName: String
  /// Their phone.
  public var contactPhone: String
  /// Where the goods start.
  public var origin: RegionPath
  /// Where they go.
  public var destination: RegionPath
  /// What the goods are.
  public var cargo: String
  /// Their weight.
  public var weight: Weight
  /// Their volume.
  public var volume: Volume
  /// The day the goods are ready, if given.
  public var readyOn: CivilDate?
  /// The services asked for.
  public var services: [SurchargeKind]
  /// `staff` or `portal`.
  public var source: String
  /// The pipeline's state.
  public var pipeline: InquiryPipeline
  /// When it came in.
  public var createdAt: Instant
}

/// How an inquiry period converted: how many came in, how many stand at each stage, and the won
/// rate, which is won ÷ (won + lost) in basis points, nil while none is closed.
public struct ConversionFigures: Sendable, Equatable {
  /// The period, `YYYY-MM`.
  public var period: String
  /// How many inquiries came in.
  public var total: Int
  /// How many stand at each stage.
  public var byStage: [InquiryStage: Int]
  /// The won rate in basis points.
  public var wonRateBasisPoints: Int64?

  /// Figures per month of arrival, latest month first, from each inquiry's arrival day and
  /// stage.
  public static func monthly(_ inquiries: [(day: CivilDate, stage: InquiryStage)])
    -> [ConversionFigures]
  {
    let months = Dictionary(grouping: inquiries) {
      String($0.day.description.prefix(7))
    }
    return months.keys.sorted(by: >).map { period in
      let stages = Dictionary(grouping: months[period] ?? [], by: \.stage).mapValues(\.count)
      let won = Int64(stages[.won] ?? 0)
      let closed = won + Int64(stages[.lost] ?? 0)
      return ConversionFigures(
        period: period, total: months[period]?.count ?? 0, byStage: stages,
        wonRateBasisPoints: closed == 0 ? nil : won * 10_000 / closed)
    }
  }
}
