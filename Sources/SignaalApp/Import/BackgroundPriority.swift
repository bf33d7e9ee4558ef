#if canImport(Glibc)
import Glibc
#endif

/// Work that nobody waits for row by row, such as preparing an import's rows, and that should leave the processor to
/// work somebody does wait for: the connection loading those rows, requests being served.
enum BackgroundPriority {
    /// Lowers the calling thread's scheduling priority (nice 10) for the rest of its life, on Linux, where a nice
    /// value belongs to a thread; elsewhere it does nothing. Only for threads that do nothing but background work.
    static func lowerCallingThread() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
