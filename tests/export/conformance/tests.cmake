# Conformance tests of the export formats with independent readers (included from
# tests/CMakeLists.txt). The fixture installs the npm readers (tests/tools) once; Debian's readers
# come from scripts/install-deps.sh. A missing reader fails a test instead of skipping it.
set(KG_CONFORMANCE_DIR ${CMAKE_CURRENT_BINARY_DIR}/conformance)
add_test(NAME "tools: npm test tools"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tools/setup.sh)
set_tests_properties("tools: npm test tools" PROPERTIES FIXTURES_SETUP kg_npm_tools TIMEOUT 300)
foreach(case samples samples-actors hostile)
  set(name "export: conformance of every format with independent readers (${case})")
  add_test(NAME "${name}"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/export/conformance/conformance.sh
            $<TARGET_FILE:kgraph> ${CMAKE_SOURCE_DIR} ${KG_CONFORMANCE_DIR} ${case})
  set_tests_properties("${name}" PROPERTIES
    FIXTURES_REQUIRED kg_npm_tools LABELS conformance TIMEOUT 300)
endforeach()
