import Synchronization

/// Hands a value to work on another thread that consumes it, freeing it part
/// by part: an escaping closure's captures are copies, and the copy its
/// context holds would keep every part alive until the work ends.
final class Handover<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value?) {
        self.value = Mutex(value)
    }

    /// The value the first time; nil after.
    func take() -> Value? {
        value.withLock { $0.take() }
    }
}
