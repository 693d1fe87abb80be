import ArgumentParser
import ZoneAuditKit
#if canImport(Glibc)
import CMalloc
import Glibc
#endif

#if canImport(Glibc)
// Large blocks (a million-record zone's tables, a parse region's) get their
// own mappings, returned to the system when freed. Left dynamic, glibc raises
// its mmap threshold after the first large free, and the tables of a parallel
// parse's regions then stay in the heaps of the threads that made them.
_ = mallopt(M_MMAP_THRESHOLD, 256 << 10)
#endif

// ArgumentParser exits 64 on usage errors; zoneaudit promises 2 for every
// job that could not be completed, usage included.
do {
    var command = try ZoneAuditCommand.parseAsRoot()
    try command.run()
} catch let error as JobError {
    Console.error("zoneaudit: \(error.message)\n")
    exit(ExitStatus.incomplete.rawValue)
} catch {
    let code = ZoneAuditCommand.exitCode(for: error)
    if code == .success {
        ZoneAuditCommand.exit(withError: error)
    }
    let message = ZoneAuditCommand.fullMessage(for: error)
    if !message.isEmpty {
        Console.error("zoneaudit: \(message)\n")
    }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
