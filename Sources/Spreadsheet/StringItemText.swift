/// The text of a string item — a shared string (`<si>`) or an inline string (`<is>`): its
/// text runs (`<t>`) joined, with the runs of phonetic guides (`<rPh>`, the furigana or
/// pinyin shown above a name) left out. A handler feeds it the events inside the item.
struct StringItemText {
  /// The text collected since the item started.
  private(set) var text = ""
  private var isInText = false
  private var phoneticDepth = 0

  /// Starts a new item.
  mutating func reset() {
    text = ""
    isInText = false
    phoneticDepth = 0
  }

  /// An element inside the item starts.
  mutating func start(_ element: Substring) {
    switch element {
    case "t": isInText = phoneticDepth == 0
    case "rPh": phoneticDepth += 1
    default: break
    }
  }

  /// An element inside the item ends.
  mutating func end(_ element: Substring) {
    switch element {
    case "t": isInText = false
    case "rPh": phoneticDepth -= 1
    default: break
    }
  }

  /// Characters inside the item; returns the bytes kept (zero outside a text run).
  @discardableResult mutating func append(_ characters: String) -> Int {
    guard isInText else { return 0 }
    text += characters
    return characters.utf8.count
  }
}
