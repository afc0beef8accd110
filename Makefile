# Chantier: build, run, test and install.
#
#   make run                      build, start a local PostgreSQL, load the demo, run chantierd
#   make test                     the whole test suite (what CI runs)
#   make install DESTDIR=/tmp/pkg PREFIX=/usr
#                                 a release build installed where a Debian administrator expects it

PREFIX ?= /usr
DESTDIR ?=
SYSCONFDIR ?= /etc
BIN := .build/release

.PHONY: run test release manual install

run:
	scripts/run

test:
	scripts/test

release:
	swift build -c release --product chantierd
	swift build -c release --product chantierctl

# Man pages from the command-line parsers (swift-argument-parser's GenerateManual plugin).
manual: release
	swift package plugin generate-manual --configuration release
	mkdir -p .build/manual
	find .build/plugins/GenerateManual -name '*.1' -exec cp {} .build/manual/ \;

install: release manual
	install -Dm755 $(BIN)/chantierd $(DESTDIR)$(PREFIX)/bin/chantierd
	install -Dm755 $(BIN)/chantierctl $(DESTDIR)$(PREFIX)/bin/chantierctl
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	sed 's|/usr/bin/|$(PREFIX)/bin/|g' systemd/chantierd.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/chantierd.service
	install -m644 systemd/chantierd.socket $(DESTDIR)$(PREFIX)/lib/systemd/system/chantierd.socket
	install -Dm644 systemd/sysusers.d/chantier.conf $(DESTDIR)$(PREFIX)/lib/sysusers.d/chantier.conf
	install -Dm644 systemd/tmpfiles.d/chantier.conf $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/chantier.conf
	install -d $(DESTDIR)$(PREFIX)/share/chantier/migrations $(DESTDIR)$(PREFIX)/share/chantier/programs
	install -m644 Migrations/*.sql $(DESTDIR)$(PREFIX)/share/chantier/migrations/
	install -m644 Config/programs/*.yaml $(DESTDIR)$(PREFIX)/share/chantier/programs/
	install -Dm644 Config/chantierd.yaml $(DESTDIR)$(PREFIX)/share/doc/chantier/chantierd.yaml.example
	install -m644 README.md docs/RULES.md docs/CSV.md $(DESTDIR)$(PREFIX)/share/doc/chantier/
	test -e $(DESTDIR)$(SYSCONFDIR)/chantier/chantierd.yaml || \
		install -Dm644 Config/chantierd.yaml $(DESTDIR)$(SYSCONFDIR)/chantier/chantierd.yaml
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m644 .build/manual/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(BIN)/chantierctl --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/chantierctl
	$(BIN)/chantierctl --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_chantierctl
	$(BIN)/chantierctl --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/chantierctl.fish
