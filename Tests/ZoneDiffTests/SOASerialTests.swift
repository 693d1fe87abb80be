import Testing
import ZoneDiff
import ZoneModel

@Suite struct SOASerialTests {
    @Test func serialArithmeticFollowsRFC1982() {
        #expect(SerialNumber.compare(old: 1, new: 2) == .increased)
        #expect(SerialNumber.compare(old: 2, new: 1) == .decreased)
        #expect(SerialNumber.compare(old: 7, new: 7) == .equal)
        // Wrapping forward past 2^32 - 1 is an increase.
        #expect(SerialNumber.compare(old: 4_294_967_295, new: 1) == .increased)
        #expect(SerialNumber.compare(old: 1, new: 4_294_967_295) == .decreased)
        #expect(SerialNumber.compare(old: 0, new: 2_147_483_647) == .increased)
        #expect(SerialNumber.compare(old: 0, new: 2_147_483_648) == .undefined)
    }

    @Test func contentChangedWithoutSerialIsAFinding() throws {
        let result = try Fixture.diff(bumpSerial: false) {
            try $0.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.11")
        }
        #expect(result.findings.rules == ["record.changed", "zone.soa-serial-unchanged"])
        let finding = try result.findings.only("zone.soa-serial-unchanged")
        #expect(finding.severity == .medium)
        #expect(finding.type == .soa)
        #expect(finding.location == SourceLocation(file: "current.zone", line: 1, column: 1))
        #expect(finding.message.contains("2024010101"))
    }

    @Test func serialGoingBackwardsIsAFinding() throws {
        let result = try Fixture.diff(bumpSerial: false) {
            try $0.replace(Fixture.soaLine, with: Fixture.soaLine.replacingOccurrences(of: "2024010101", with: "2023123199"))
        }
        #expect(result.findings.rules == ["zone.soa-serial-decreased"])
        let finding = try result.findings.only("zone.soa-serial-decreased")
        #expect(finding.severity == .high)
        #expect(finding.before.first?.soa?.serial == 2_024_010_101)
        #expect(finding.after.first?.soa?.serial == 2_023_123_199)
    }

    @Test func serialWrappingForwardIsNormal() throws {
        let old = Fixture.soaLine.replacingOccurrences(of: "2024010101", with: "4294967290")
        let new = Fixture.soaLine.replacingOccurrences(of: "2024010101", with: "5")
        var baselineLines = Fixture.baseline
        try baselineLines.replace(Fixture.soaLine, with: old)
        var currentLines = baselineLines
        try currentLines.replace(old, with: new)
        let result = ZoneDiffer.diff(baseline: try Fixture.zone(baselineLines), current: try Fixture.zone(currentLines))
        #expect(result.findings.isEmpty)
        #expect(result.changes.map(\.isRoutineSerialChange) == [true])
    }

    @Test func otherSOAFieldsAreContent() throws {
        let result = try Fixture.diff { lines in
            try lines.replace(Fixture.soaLine, with: Fixture.soaLine.replacingOccurrences(of: "hostmaster", with: "attacker"))
        }
        // The serial-bumping edit runs after this one and no longer finds the line;
        // the serial is unchanged while the content changed.
        #expect(result.findings.rules == ["record.changed", "zone.soa-serial-unchanged"])
        let changed = try result.findings.only("record.changed")
        #expect(changed.type == .soa)

        let bumped = try Fixture.diff(bumpSerial: false) { lines in
            try lines.replace(Fixture.soaLine, with: Fixture.soaLine
                .replacingOccurrences(of: "hostmaster", with: "attacker")
                .replacingOccurrences(of: "2024010101", with: "2024010102"))
        }
        #expect(bumped.findings.rules == ["record.changed"])
    }

    @Test func soaTTLChangeIsATTLChange() throws {
        let result = try Fixture.diff(bumpSerial: false) { lines in
            try lines.replace(Fixture.soaLine, with: Fixture.soaLine
                .replacingOccurrences(of: "@ 3600", with: "@ 7200")
                .replacingOccurrences(of: "2024010101", with: "2024010102"))
        }
        #expect(result.findings.rules == ["record.ttl-changed"])
    }
}
