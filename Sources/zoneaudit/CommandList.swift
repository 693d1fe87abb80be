import ArgumentParser

/// Every subcommand, in the order `--help` lists them.
enum CommandList {
    static let all: [any ParsableCommand.Type] = [
        CheckCommand.self, PrintCommand.self, DiffCommand.self, AuditCommand.self, GateCommand.self, RunCommand.self,
        AXFRCommand.self, DelegationCommand.self,
        DNSSECCommand.self, BaselineCommand.self,
    ]
}
