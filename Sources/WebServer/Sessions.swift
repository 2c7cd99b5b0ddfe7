import Crypto
import Foundation
import Hummingbird

/// Who may use the page. On 127.0.0.1 without a password every visitor gets a session at once;
/// with a password (`--password`, `--password-file`) a session is given by the login form.
/// The session cookie is HttpOnly and SameSite=Strict; each session has its own CSRF token that
/// every form carries and every POST must return.
actor Sessions {
    struct Session: Sendable {
        var id: String
        var csrf: String
        var pseudonymize = false
    }

    static let cookieName = "zhurnal_session"
    let passwordHash: [UInt8]?
    private var sessions: [String: Session] = [:]

    init(password: String?) {
        passwordHash = password.map { Array(SHA256.hash(data: Data($0.utf8))) }
    }

    var needsLogin: Bool { passwordHash != nil }

    func session(_ id: String?) -> Session? { id.flatMap { sessions[$0] } }

    func create() -> Session {
        let s = Session(id: Self.token(), csrf: Self.token())
        sessions[s.id] = s
        return s
    }

    func remove(_ id: String) { sessions[id] = nil }

    func setPseudonymize(_ on: Bool, for id: String) { sessions[id]?.pseudonymize = on }

    /// Compares the hashes in constant time.
    func passwordMatches(_ candidate: String) -> Bool {
        guard let expected = passwordHash else { return true }
        let got = Array(SHA256.hash(data: Data(candidate.utf8)))
        var diff: UInt8 = 0
        for (a, b) in zip(expected, got) { diff |= a ^ b }
        return diff == 0
    }

    static func token() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func cookie(_ id: String) -> String {
        "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict"
    }
}
