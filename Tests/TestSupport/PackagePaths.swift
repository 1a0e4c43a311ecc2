import Foundation

/// Locations inside the package, found from this source file's path.
package enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    package static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A built product of the current configuration (`swift build --build-tests` builds them all).
    package static func product(_ name: String) -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(name),
            root.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    package static var bootstrap: URL { product("bootstrap") }

    /// The development executable: `local`, `serve`, `token`, `routes`.
    package static var coachingDev: URL { product("coaching-dev") }

    /// A file under `events/`.
    package static func event(_ relativePath: String) -> URL {
        root.appendingPathComponent("events").appendingPathComponent(relativePath)
    }
}
