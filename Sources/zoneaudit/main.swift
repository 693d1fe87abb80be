import ArgumentParser
import ZoneAuditKit
#if canImport(Glibc)
import Glibc
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
