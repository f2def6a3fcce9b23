/// Pages filled from top to bottom: the caller asks for room for the next piece, and gets a
/// new page when the current one has too little left. What every page repeats (a watermark, a
/// running header) comes from `startPage`, called for each new page.
public struct PDFFlow {
  /// The paper size.
  public let size: PDFPageSize
  /// The empty margin on every side, in points.
  public let marginPoints: Double
  /// The finished pages and the current one (last).
  public private(set) var pages: [PDFPage]
  /// How far down the current page the next piece goes.
  public private(set) var y: Double
  /// Where the current page's content began.
  private var pageContentTop: Double
  /// Draws what starts every page and says where its content begins.
  private let startPage: (Int) -> (operations: [PDFOperation], contentTop: Double)

  /// A flow with its first page started.
  public init(
    size: PDFPageSize, marginPoints: Double,
    startPage: @escaping (Int) -> (operations: [PDFOperation], contentTop: Double)
  ) {
    self.size = size
    self.marginPoints = marginPoints
    self.startPage = startPage
    let first = startPage(0)
    self.pages = [PDFPage(size: size, operations: first.operations)]
    self.y = first.contentTop
    self.pageContentTop = first.contentTop
  }

  /// The left margin's x.
  public var left: Double { marginPoints }

  /// The width between the margins.
  public var contentWidth: Double { size.width - 2 * marginPoints }

  /// The y below which nothing is drawn.
  public var bottom: Double { size.height - marginPoints }

  /// Where a piece `heightPoints` tall goes: here if it fits, else at the top of a new page
  /// (a piece taller than a whole page stays on a page that has nothing else yet).
  public mutating func place(heightPoints: Double) -> PDFPoint {
    if y + heightPoints > bottom && y > pageContentTop { newPage() }
    return PDFPoint(x: left, y: y)
  }

  /// Adds `operations` to the current page and moves down by `heightPoints`.
  public mutating func add(_ operations: [PDFOperation], heightPoints: Double) {
    pages[pages.count - 1].operations += operations
    y += heightPoints
  }

  /// Moves down by `points` without drawing (space between sections).
  public mutating func skip(_ points: Double) {
    y += points
  }

  /// Ends the current page and starts the next.
  public mutating func newPage() {
    let start = startPage(pages.count)
    pages.append(PDFPage(size: size, operations: start.operations))
    y = start.contentTop
    pageContentTop = start.contentTop
  }
}
