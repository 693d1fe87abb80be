# zoneaudit: build, test, demo, benchmark, fuzz and install.
# Every target that needs Debian packages installs them first (only the missing ones).

PREFIX ?= /usr/local
SWIFT ?= swift
RELEASE_BIN := .build/release/zoneaudit
# The Swift runtime and Foundation linked in: the binary runs without a Swift
# toolchain installed, starts faster and needs about 5 MB less memory.
RELEASE_FLAGS := -c release --static-swift-stdlib
SAMPLES := Samples

# Debian packages the build, the tests, the demo and the benchmarks use.
DEBIAN_PACKAGES := libldns-dev libsqlite3-dev ldnsutils nsd knot-dnssecutils bind9-utils bind9-dnsutils \
	mandoc git python3 python3-jsonschema time

.PHONY: all deps build demo test bench fuzz install lint-man clean

all: build

deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "error: no Swift toolchain on PATH (Swift 6 is needed: https://swift.org/install)"; exit 2; }

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product zoneaudit

demo: build
	@sh Samples/demo.sh $(RELEASE_BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product zoneaudit
	$(SWIFT) build $(RELEASE_FLAGS) --product zonegen
	@bash Tests/Benchmarks/bench.sh

fuzz: deps
	@sh Tests/Fuzz/fuzz.sh $(FUZZ_SECONDS)

lint-man:
	mandoc -T lint -W warning man/*.1 man/*.5

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/zoneaudit
	install -m 0644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/

clean:
	rm -rf .build bench-data
