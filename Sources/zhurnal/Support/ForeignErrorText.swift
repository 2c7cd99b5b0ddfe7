import FileAccess
import Foundation

/// The last resort for an error no command turned into Russian (Foundation's file errors
/// mostly): the file and the reason in Russian, never «Error Domain=NSCocoaErrorDomain …».
enum ForeignErrorText {
    static func russian(_ error: Error) -> String? {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = ns.domain == NSPOSIXErrorDomain ? ns.code : (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code
        let reason = posix.map { SystemErrorText.russian(Int32($0)) } ?? "ошибка чтения или записи файла (код \(ns.code))"
        return path.map { "«\($0)» — \(reason)" } ?? reason
    }
}
