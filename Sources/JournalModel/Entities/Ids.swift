/// Indices into the arrays of a `Journal`. A journal is loaded once and read many times, so
/// entities refer to each other by position rather than by name.
public typealias GroupID = Int32
public typealias StudentID = Int32
public typealias TeacherID = Int32
public typealias SubjectID = Int32
public typealias LessonID = Int32
public typealias PeriodID = Int32
