/// A ruled table: columns of fixed widths, a header row, and body rows whose height grows
/// with the wrapped text of their tallest cell, as pango measures it. Rows are drawn one at a time so the caller can
/// move to a new page between them (and repeat the header there).
public struct PDFTable: Sendable, Equatable {
  /// One column.
  public struct Column: Sendable, Equatable {
    /// Its heading.
    public var title: String
    /// Its width in points.
    public var widthPoints: Double
    /// How its cells sit.
    public var alignment: PDFTextBlock.Alignment

    /// A column.
    public init(_ title: String, widthPoints: Double, alignment: PDFTextBlock.Alignment = .left) {
      self.title = title
      self.widthPoints = widthPoints
      self.alignment = alignment
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// The style of body cells.
  public var style: PDFTextStyle
  /// The space between a cell's rule and its text.
  public var paddingPoints: Double
  /// The width of the rules.
  public var ruleWidthPoints: Double

  /// A table of `columns`.
  public init(
    columns: [Column], style: PDFTextStyle, paddingPoints: Double = 3,
    ruleWidthPoints: Double = 0.5
  ) {
    self.columns = columns
    self.style = style
    self.paddingPoints = paddingPoints
    self.ruleWidthPoints = ruleWidthPoints
  }

  /// The table's width.
  public var widthPoints: Double { columns.reduce(0) { $0 + $1.widthPoints } }

  /// The header style: the body style in bold.
  private var headerStyle: PDFTextStyle {
    var bold = style
    bold.bold = true
    return bold
  }

  /// The header row's cells.
  private func headerBlocks() -> [PDFTextBlock] {
    columns.map {
      PDFTextBlock(
        $0.title, widthPoints: $0.widthPoints - 2 * paddingPoints, style: headerStyle,
        alignment: $0.alignment)
    }
  }

  /// A body row's cells; missing cells are empty.
  private func blocks(_ cells: [String]) -> [PDFTextBlock] {
    columns.enumerated().map { index, column in
      PDFTextBlock(
        index < cells.count ? cells[index] : "",
        widthPoints: column.widthPoints - 2 * paddingPoints, style: style,
        alignment: column.alignment)
    }
  }

  /// The height of a row of `blocks`: its tallest cell and the padding above and below.
  private func height(_ blocks: [PDFTextBlock]) -> Double {
    (blocks.map(\.heightPoints).max() ?? 0) + 2 * paddingPoints
  }

  /// The header's height.
  public var headerHeightPoints: Double { height(headerBlocks()) }

  /// The height of the body row of `cells`.
  public func heightPoints(ofRow cells: [String]) -> Double { height(blocks(cells)) }

  /// The header drawn with its top-left at `origin`, shaded.
  public func header(at origin: PDFPoint) -> [PDFOperation] {
    let blocks = headerBlocks()
    let shade = PDFOperation.fillRectangle(
      PDFRect(x: origin.x, y: origin.y, width: widthPoints, height: height(blocks)), gray: 0.9)
    return [shade] + row(blocks, at: origin)
  }

  /// The body row of `cells` drawn with its top-left at `origin`.
  public func row(_ cells: [String], at origin: PDFPoint) -> [PDFOperation] {
    row(blocks(cells), at: origin)
  }

  private func row(_ blocks: [PDFTextBlock], at origin: PDFPoint) -> [PDFOperation] {
    let rowHeight = height(blocks)
    var operations: [PDFOperation] = []
    var x = origin.x
    for (column, block) in zip(columns, blocks) {
      let cell = PDFRect(x: x, y: origin.y, width: column.widthPoints, height: rowHeight)
      operations.append(.strokeRectangle(cell, widthPoints: ruleWidthPoints))
      operations += block.operations(
        at: PDFPoint(x: x + paddingPoints, y: origin.y + paddingPoints))
      x += column.widthPoints
    }
    return operations
  }
}
