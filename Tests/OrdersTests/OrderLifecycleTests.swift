import FreightdeskCore
import Orders
import Testing

@Suite struct OrderLifecycleTests {
  /// Every event the lifecycle knows, with the credit outcomes both ways.
  static let events: [OrderEvent] = [
    .submit, .confirm(creditApproved: true), .confirm(creditApproved: false), .approveCredit,
    .rejectCredit, .plan, .pickUp, .depart, .deliver, .receiveProofOfDelivery, .bill, .close,
    .cancel, .flagException(reason: "堵车"), .clearException,
  ]

  /// The allowed status changes, written out by hand from the lifecycle.
  static let allowed: [OrderStatus: [String: OrderStatus]] = [
    .draft: [
      "submit": .submitted, "confirm+": .confirmed, "confirm-": .onHold, "cancel": .cancelled,
    ],
    .submitted: ["confirm+": .confirmed, "confirm-": .onHold, "cancel": .cancelled],
    .onHold: ["approve_credit": .confirmed, "reject_credit": .cancelled, "cancel": .cancelled],
    .confirmed: ["plan": .planned, "cancel": .cancelled],
    .planned: ["pick_up": .pickedUp, "cancel": .cancelled],
    .pickedUp: ["depart": .inTransit, "deliver": .delivered],
    .inTransit: ["deliver": .delivered],
    .delivered: ["receive_pod": .podReceived, "bill": .billed],
    .podReceived: ["bill": .billed],
    .billed: ["close": .closed],
    .closed: [:],
    .cancelled: [:],
  ]

  @Test func aRefusalNamesBothStatusesAndTheEvent() {
    var state = OrderState(status: .draft)
    #expect(throws: InvalidTransition(from: .draft, to: .delivered, event: "deliver")) {
      try state.apply(.deliver)
    }
    let refusal = InvalidTransition(from: .draft, to: .delivered, event: "deliver")
    #expect(refusal.code == "invalid_transition")
    #expect(refusal.arguments == ["from": "draft", "to": "delivered", "event": "deliver"])
  }

  static func key(_ event: OrderEvent) -> String {
    if case .confirm(let approved) = event { return approved ? "confirm+" : "confirm-" }
    return event.name
  }

  @Test(arguments: OrderStatus.allCases)
  func everyStatusAllowsExactlyItsTransitions(status: OrderStatus) throws {
    for event in Self.events {
      if case .flagException = event { continue }
      if event == .clearException { continue }
      var state = OrderState(status: status)
      let expected = Self.allowed[status]?[Self.key(event)]
      if let expected {
        let transition = try state.apply(event)
        #expect(state.status == expected, "\(status) + \(event.name)")
        #expect(transition.from == status)
        #expect(transition.topic == "order.\(expected.rawValue)")
      } else {
        #expect(
          throws: InvalidTransition(from: status, to: event.target(from: status), event: event.name)
        ) {
          try state.apply(event)
        }
        #expect(state.status == status)
      }
    }
  }

  @Test(arguments: OrderStatus.allCases)
  func anExceptionCanBeFlaggedAndClearedOnEveryActiveStatus(status: OrderStatus) throws {
    var state = OrderState(status: status)
    guard status.isActive else {
      #expect(throws: InvalidTransition(from: status, to: status, event: "flag_exception")) {
        try state.apply(.flagException(reason: "车辆故障"))
      }
      return
    }
    #expect(throws: InvalidTransition(from: status, to: status, event: "clear_exception")) {
      try state.apply(.clearException)
    }
    let flagged = try state.apply(.flagException(reason: "车辆故障"))
    #expect(flagged.topic == "order.exception_flagged")
    #expect(state.exception == "车辆故障" && state.status == status)
    try state.apply(.clearException)
    #expect(state.exception == nil && state.status == status)
  }

  @Test func cancellingAnOrderWithAnOpenExceptionClosesTheException() throws {
    var state = OrderState(status: .planned, exception: "客户改期")
    try state.apply(.cancel)
    #expect(state.status == .cancelled)
    #expect(state.exception == nil)
  }

  @Test func theWholeHappyPathEndsClosed() throws {
    var state = OrderState(status: .draft)
    let path: [OrderEvent] = [
      .submit, .confirm(creditApproved: false), .approveCredit, .plan, .pickUp, .depart,
      .deliver, .receiveProofOfDelivery, .bill, .close,
    ]
    let topics = try path.map { try state.apply($0).topic }
    #expect(state.status == .closed)
    #expect(topics.contains("order.confirmed") && topics.contains("order.delivered"))
  }

  @Test func onlyAcceptedUnbilledOrdersCountAgainstCredit() {
    let open = OrderStatus.allCases.filter(\.isOpenExposure)
    #expect(open == [.confirmed, .planned, .pickedUp, .inTransit, .delivered, .podReceived])
  }
}
