// Default sanitizer options of the fuzz targets, so that running a target by hand behaves as
// `make fuzz` does: a UBSan report is a crash (halt_on_error) unless ubsan.supp lists it.
// (UBSan suppressions only apply to recoverable checks, hence no -fno-sanitize-recover.)
extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1:suppressions=" KG_FUZZ_UBSAN_SUPPRESSIONS;
}
