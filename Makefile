# The two commands of the README: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
KGRAPH = $(BUILD)/cli/kgraph

.PHONY: all deps test-tools configure build run test fuzz clean

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
	rm -rf $(BUILD) $(BUILD).configure.log $(FUZZ_BUILD) out
