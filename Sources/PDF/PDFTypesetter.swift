import CCairo
import CPango
import Foundation
import Synchronization

/// Pango for the PDF writer: the font, the layouts of text blocks, and measuring them.
///
/// Pango objects are not shared between threads. Since pango 1.32.6 the pangocairo font map is
/// per thread (`pango_cairo_font_map_get_default`), so each thread that sets text gets its
/// own font map and, here, its own measuring context, made once when the thread first measures
/// and freed when it ends. Making one loads the fontconfig configuration and cache the first
/// time in the process; ``setUp`` serialises that step so concurrent first requests do not
/// each load it. Drawing uses a context made from the cairo context of the document being
/// drawn, on the drawing thread.
enum PDFTypesetter {
  /// The one font family: Simplified Chinese Noto Sans CJK, with Latin and symbols of its own.
  static let fontFamily = "Noto Sans CJK SC"
  /// The language texts are shaped and broken as.
  static let language = "zh-cn"

  /// Held while a thread makes its font map and measuring context.
  private static let setUp = Mutex(())

  /// The key of each thread's measuring context; its destructor releases the context.
  private static let measuringContextKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { context in g_object_unref(context) }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
  }()

  /// This thread's context for measuring: the same font map, font options and language as
  /// drawing on a PDF surface, so a block measures as tall as it is drawn.
  static func measuringContext() -> OpaquePointer {
    if let context = pthread_getspecific(measuringContextKey) { return OpaquePointer(context) }
    let context = setUp.withLock { _ in
      let fontMap = pango_cairo_font_map_get_default()
      let context = pango_font_map_create_context(fontMap)!
      let options = cairo_font_options_create()
      defer { cairo_font_options_destroy(options) }
      // What a PDF surface uses: outlines unhinted, metrics unrounded.
      cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
      cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
      pango_cairo_context_set_font_options(context, options)
      configure(context)
      // Laying out one character loads the font, so each thread's first font load (FreeType
      // and HarfBuzz faces for its font map) happens under the lock too.
      let warmUp = layout(in: context, text: "运", style: PDFTextStyle(sizePoints: 10))
      _ = pango_layout_get_line_count(warmUp)
      release(warmUp)
      return context
    }
    pthread_setspecific(measuringContextKey, UnsafeRawPointer(context))
    return context
  }

  /// A context for drawing with `cairo`: its target's font options and this thread's font map.
  /// The caller releases it with ``release(_:)``.
  static func drawingContext(_ cairo: OpaquePointer) -> OpaquePointer {
    // A thread that draws before it measured makes its font map under the lock here.
    _ = measuringContext()
    let context = pango_cairo_create_context(cairo)!
    configure(context)
    return context
  }

  /// The settings measuring and drawing share.
  private static func configure(_ context: OpaquePointer) {
    pango_context_set_language(context, pango_language_from_string(language))
    pango_context_set_round_glyph_positions(context, 0)
  }

  /// A layout of `text` in `style` in `context`, wrapped to `wrapWidthPoints` when given and
  /// cut to `linesMax` lines with an ellipsis; the caller releases it.
  static func layout(
    in context: OpaquePointer, text: String, style: PDFTextStyle,
    alignment: PDFTextBlock.Alignment = .left, wrapWidthPoints: Double? = nil,
    linesMax: Int = .max
  ) -> OpaquePointer {
    let layout = pango_layout_new(context)!
    let font = pango_font_description_new()
    defer { pango_font_description_free(font) }
    pango_font_description_set_family(font, fontFamily)
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    pango_font_description_set_absolute_size(font, style.sizePoints * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, font)
    pango_layout_set_text(layout, text, -1)
    if let width = wrapWidthPoints {
      pango_layout_set_width(layout, pangoUnits(width))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
      if linesMax < Int(Int32.max) {
        pango_layout_set_height(layout, -Int32(linesMax))
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
      }
    }
    let placement: PangoAlignment =
      switch alignment {
      case .left: PANGO_ALIGN_LEFT
      case .center: PANGO_ALIGN_CENTER
      case .right: PANGO_ALIGN_RIGHT
      }
    pango_layout_set_alignment(layout, placement)
    return layout
  }

  /// The width, height and line count of `text` set as a block, and whether it was cut.
  static func measure(
    _ text: String, style: PDFTextStyle, alignment: PDFTextBlock.Alignment,
    wrapWidthPoints: Double?, linesMax: Int
  ) -> (widthPoints: Double, heightPoints: Double, lineCount: Int, isTruncated: Bool) {
    let layout = layout(
      in: measuringContext(), text: text, style: style, alignment: alignment,
      wrapWidthPoints: wrapWidthPoints, linesMax: linesMax)
    defer { release(layout) }
    var width: Int32 = 0
    var height: Int32 = 0
    pango_layout_get_size(layout, &width, &height)
    let scale = Double(PANGO_SCALE)
    return (
      Double(width) / scale, Double(height) / scale, Int(pango_layout_get_line_count(layout)),
      pango_layout_is_ellipsized(layout) != 0
    )
  }

  /// Releases a layout or context.
  static func release(_ object: OpaquePointer) {
    g_object_unref(UnsafeMutableRawPointer(object))
  }

  /// `points` in pango units (1/1024 of a point), rounded down so text never overflows.
  private static func pangoUnits(_ points: Double) -> Int32 {
    Int32(clamping: Int((points * Double(PANGO_SCALE)).rounded(.down)))
  }
}
