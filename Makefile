# Freightdesk: `make run` starts the demo company on SQLite; `make test` runs every test on
# SQLite and on a throwaway PostgreSQL cluster. See README.md.
SHELL := /bin/bash
SWIFT_FLAGS := -Xswiftc -warnings-as-errors
DATA_DIR ?= data
PORT ?= 8080

.PHONY: run build release test bench bench-import bench-orders bench-instructions bench-pdf bench-vrp lint deps clean

deps:
	@scripts/install-deps

build: deps
	@swift build $(SWIFT_FLAGS)

release: deps
	@swift build -c release --product freightdesk $(SWIFT_FLAGS)

run: release
	@mkdir -p $(DATA_DIR)
	@.build/release/freightdesk migrate --database sqlite:$(DATA_DIR)/freightdesk.sqlite
	@.build/release/freightdesk serve --database sqlite:$(DATA_DIR)/freightdesk.sqlite --port $(PORT) --demo-if-empty

test: deps
	@scripts/test

bench: release
	@scripts/install-deps bench
	@bench/http
	@bench/import
	@bench/orders
	@bench/pdf

bench-import:
	@bench/import

bench-orders: release
	@scripts/install-deps bench
	@bench/orders

bench-instructions: release
	@bench/orders-instructions

bench-pdf: release
	@bench/pdf

bench-vrp: release
	@bench/vrp

lint:
	@swift format lint --strict --recursive Package.swift Sources Tests

clean:
	@swift package clean
