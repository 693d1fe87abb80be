#if !FUZZING
import Foundation

/// Without the fuzzer: parses each file named on the command line as a
/// fuzz input, to reproduce a crasher or replay the regression corpus.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("zoneaudit-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            exercise([UInt8](data))
        }
    }
}
#endif
