/// A value of a document being encoded or decoded that knows its parent and its key, so that
/// its coding path is built only when an error or the caller asks for it, not for every value.
protocol CodingPathLink: AnyObject {
  /// The value this one is a member or element of; nil at the top of the document.
  var parent: Self? { get }
  /// This value's key in its parent; nil when it stands in its parent's place.
  var key: (any CodingKey)? { get }
}

extension CodingPathLink {
  /// The keys from the top of the document down to this value.
  var pathFromRoot: [any CodingKey] {
    var path: [any CodingKey] = []
    var node: Self? = self
    while let current = node {
      if let key = current.key { path.append(key) }
      node = current.parent
    }
    return path.reversed()
  }
}
