/// The problems that keep a submission from being accepted: every field problem at once, in field order.
public struct ValidationFailure: Error, Hashable, Sendable {
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) {
        self.problems = problems
    }

    /// The problems of one field.
    public func problems(for field: String) -> [FieldProblem] {
        self.problems.filter { $0.field == field }
    }
}
