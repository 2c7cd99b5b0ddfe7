#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `errno` as a user reads it: in Russian, never the C library's English.
///
///     SystemErrorText.russian(ENOSPC)   // "диск заполнен"
public enum SystemErrorText {
    public static func russian(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "нет прав на запись или чтение"
        case ENOSPC: "диск заполнен"
        case EDQUOT: "исчерпана квота диска"
        case EROFS: "диск или папка только для чтения"
        case ENOENT: "нет такой папки или файла"
        case EISDIR: "это папка"
        case ENOTDIR: "часть пути — не папка"
        case ENAMETOOLONG: "слишком длинное имя файла"
        case EIO: "ошибка ввода-вывода (диск или сетевая папка)"
        case EXDEV: "файл и папка на разных дисках"
        case ELOOP: "слишком много символических ссылок в пути"
        case EEXIST: "на этом месте уже есть файл"
        default: "системная ошибка \(code)"
        }
    }
}
