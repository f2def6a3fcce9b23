/// A point on a page in PostScript points (1/72 inch), measured from the page's top-left
/// corner with y growing downwards, as people lay out paper; the writer turns it into PDF's
/// bottom-left coordinates.
public struct PDFPoint: Sendable, Equatable {
  /// Points from the left edge.
  public var x: Double
  /// Points from the top edge.
  public var y: Double

  /// A point `x` from the left and `y` from the top.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A rectangle on a page in points, by its top-left corner, width and height.
public struct PDFRect: Sendable, Equatable {
  /// Points from the left edge to the rectangle's left side.
  public var x: Double
  /// Points from the top edge to the rectangle's top side.
  public var y: Double
  /// Its width.
  public var width: Double
  /// Its height.
  public var height: Double

  /// A rectangle with its top-left corner at (`x`, `y`).
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The bottom side's distance from the top edge.
  public var bottom: Double { y + height }

  /// The right side's distance from the left edge.
  public var right: Double { x + width }
}

/// A page size in points, portrait.
public struct PDFPageSize: Sendable, Equatable {
  /// The width.
  public var width: Double
  /// The height.
  public var height: Double

  /// A page `width` × `height` points.
  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Points in one millimetre (72 points to the inch of 25.4 mm).
  public static let pointsPerMillimetre = 72 / 25.4

  /// A page of `width` × `height` millimetres.
  public static func millimetres(_ width: Double, _ height: Double) -> PDFPageSize {
    PDFPageSize(width: width * pointsPerMillimetre, height: height * pointsPerMillimetre)
  }

  /// ISO A4, 210 × 297 mm: the waybill.
  public static let a4 = millimetres(210, 297)
  /// ISO A5, 148 × 210 mm.
  public static let a5 = millimetres(148, 210)
  /// ISO A6, 105 × 148 mm: the parcel label size label printers take.
  public static let a6 = millimetres(105, 148)
}
