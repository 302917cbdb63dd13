# The two commands of the README: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
KGRAPH = $(BUILD)/cli/kgraph

.PHONY: all deps test-tools configure build run test test-asan fuzz clean

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

# The normal suite, then the same suite under the sanitizers (test-asan): both are `make test`,
# and so .ci/run. SANITIZE=0 runs the normal suite only (a quick local check, not what CI runs).
SANITIZE ?= 1
test: build test-tools
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
ifneq ($(SANITIZE),0)
	@$(MAKE) --no-print-directory test-asan
endif

# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (KG_SANITIZE,
# gcc) in build-asan; LeakSanitizer runs at every exit. A UBSan report stops the test that hit it
# (halt_on_error), so that it fails instead of scrolling by. Measured on 2 cores, one used (-j1): the
# build 22 min, the suite 9 min (the CaRB guard 131 s of it, 50 s without ASan, the 10 MB line 101 s).
# ASAN_EXCLUDE=<label regex> leaves labels out for a quicker local run (e.g. slow|store).
ASAN_BUILD ?= build-asan
ASAN_EXCLUDE ?=
test-asan: deps test-tools
	@mkdir -p $(ASAN_BUILD)
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_SANITIZE=ON $(CMAKE_FLAGS) \
	  > $(ASAN_BUILD)/configure.log 2>&1 || { cat $(ASAN_BUILD)/configure.log; exit 1; }
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS) $(if $(ASAN_EXCLUDE),-LE '$(ASAN_EXCLUDE)')

# libFuzzer targets (tests/fuzz/README.md), built with clang into build-fuzz and run one after the
# other for FUZZ_SECONDS each over their seed corpus (tests/fuzz/corpus/<target>, read only: new
# inputs go to build-fuzz/corpus/<target>, crashers to build-fuzz/artifacts/<target>-*).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
define run_fuzz_target  # target, its own libFuzzer flags
	@mkdir -p $(FUZZ_BUILD)/corpus/$(1) $(FUZZ_BUILD)/artifacts
	@echo "fuzz: $(1) for $(FUZZ_SECONDS) s"
	$(FUZZ_BUILD)/tests/fuzz/$(1) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(2) \
	  -artifact_prefix=$(FUZZ_BUILD)/artifacts/$(1)- $(FUZZ_BUILD)/corpus/$(1) tests/fuzz/corpus/$(1)
endef
fuzz: deps
	@mkdir -p $(FUZZ_BUILD)
	@cmake -S . -B $(FUZZ_BUILD) -DKG_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ $(CMAKE_FLAGS) > $(FUZZ_BUILD)/configure.log 2>&1 \
	  || { cat $(FUZZ_BUILD)/configure.log; exit 1; }
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_document_reader fuzz_sentence_splitter fuzz_extractor \
	  fuzz_rdf_reader
	$(call run_fuzz_target,fuzz_document_reader,-max_len=4096)
	$(call run_fuzz_target,fuzz_sentence_splitter,-max_len=8192)
	$(call run_fuzz_target,fuzz_extractor,-max_len=512 -timeout=30)
	$(call run_fuzz_target,fuzz_rdf_reader,-max_len=16384 -timeout=30 -dict=tests/fuzz/rdf.dict)

clean:
	rm -rf $(BUILD) $(BUILD).configure.log $(ASAN_BUILD) $(FUZZ_BUILD) out
