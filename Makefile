# The two commands of the README: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
KGRAPH = $(BUILD)/cli/kgraph

.PHONY: all deps test-tools configure build run test clean

all: build

deps:
	@bash scripts/install-deps.sh

# The npm readers of the conformance tests (tests/tools/package-lock.json), installed when missing.
test-tools: deps
	@bash tests/tools/setup.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) > $(BUILD).configure.log 2>&1 \
	  || { cat $(BUILD).configure.log; exit 1; }

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	$(KGRAPH) build samples/ -o out/

test: build test-tools
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD) $(BUILD).configure.log out
