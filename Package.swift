// swift-tools-version:6.0
// Freightdesk: one system for a small or medium logistics company.
// Layout and dependency direction: see docs/architecture.md (arrows point down only).
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode with strict concurrency.
let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "Freightdesk",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "freightdesk", targets: ["freightdesk"])
  ],
  targets: [
    // C libraries from Debian, wrapped by module maps.
    .systemLibrary(
      name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CPostgreSQL", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    .systemLibrary(name: "CZint", providers: [.apt(["libzint-dev"])]),
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(
      name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
    // The few C calls Swift cannot make itself (variadic functions, macros).
    .target(name: "CShim", dependencies: ["CMicroHTTPD", "CSQLite"]),

    .target(name: "FreightdeskCore", swiftSettings: strict),
    .target(
      name: "Storage",
      dependencies: ["FreightdeskCore", "CSQLite", "CPostgreSQL", "CShim", "CCrypto"],
      swiftSettings: strict),
    .target(
      name: "Web", dependencies: ["FreightdeskCore", "Storage", "CMicroHTTPD", "CShim"],
      resources: [.copy("Resources")], swiftSettings: strict),
    .target(name: "Routing", dependencies: ["FreightdeskCore"], swiftSettings: strict),
    .target(
      name: "Spreadsheet", dependencies: ["FreightdeskCore", "CZip", "CXLSXWriter"],
      swiftSettings: strict),
    .target(
      name: "PDF", dependencies: ["FreightdeskCore", "CZint", "CCairo", "CPango"],
      swiftSettings: strict),
    .target(
      name: "CRM", dependencies: ["FreightdeskCore", "Storage", "Web", "Spreadsheet"],
      swiftSettings: strict),
    .target(
      name: "Orders",
      dependencies: ["FreightdeskCore", "Storage", "Web", "Spreadsheet", "PDF"],
      swiftSettings: strict),
    .target(
      name: "Identity",
      dependencies: ["FreightdeskCore", "Storage", "Web", "CSodium", "CCrypto", "PDF"],
      swiftSettings: strict),
    .target(
      name: "Transport", dependencies: ["FreightdeskCore", "Storage", "Web", "Routing"],
      swiftSettings: strict),
    .target(
      name: "App",
      dependencies: [
        "FreightdeskCore", "Storage", "Web", "Routing", "Identity", "CRM", "Orders", "Transport",
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "freightdesk", dependencies: ["App", "FreightdeskCore", "Storage", "Web", "Routing"],
      swiftSettings: strict),

    .target(
      name: "TestSupport",
      dependencies: ["FreightdeskCore", "Storage", "Web", "Identity", "CRM", "Orders", "App"],
      path: "Tests/TestSupport", swiftSettings: strict),
    .testTarget(
      name: "FreightdeskCoreTests", dependencies: ["FreightdeskCore", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "StorageTests", dependencies: ["Storage", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "WebTests", dependencies: ["Web", "Storage", "TestSupport"], swiftSettings: strict),
    .testTarget(
      name: "RoutingTests", dependencies: ["Routing", "FreightdeskCore"], swiftSettings: strict),
    .testTarget(
      name: "IdentityTests", dependencies: ["Identity", "PDF", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "SpreadsheetTests", dependencies: ["Spreadsheet", "FreightdeskCore"],
      swiftSettings: strict),
    .testTarget(
      name: "PDFTests", dependencies: ["PDF", "FreightdeskCore", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "CRMTests", dependencies: ["CRM", "Identity", "Spreadsheet", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OrdersTests", dependencies: ["Orders", "Identity", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "TransportTests", dependencies: ["Transport", "Routing", "Identity", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "AppTests", dependencies: ["App", "Web", "Storage", "TestSupport"],
      swiftSettings: strict),
    .testTarget(name: "ArchitectureTests", dependencies: [], swiftSettings: strict),
    .testTarget(name: "freightdeskTests", dependencies: ["TestSupport"], swiftSettings: strict),
  ]
)
