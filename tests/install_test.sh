#!/usr/bin/env bash
# `cmake --install` gives a kgraph that runs from anywhere on its own data, and writes exactly what
# the build-tree binary writes. Usage: install_test.sh CMAKE BUILD_DIR SOURCE_DIR BUILD_TREE_KGRAPH
#
# The installed binary would still work if it silently read the checkout (its compiled-in last
# resort), so the test also breaks the installed data on purpose and requires the run to fail
# naming the installed file: that passes only if the binary really reads <prefix>/share/kgraph.
set -euo pipefail
cmake="$1"
build="$2"
src="$3"
kgraph_build_tree="$4"

unset KG_DATA_DIR  # the lookup under test must not be steered by the caller's environment
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kgraph-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Install, then move the whole tree: nothing may depend on the prefix given at install time.
"$cmake" --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log" \
  || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
mv "$tmp/prefix" "$tmp/moved"
prefix="$tmp/moved"
data="$prefix/share/kgraph"
for f in bin/kgraph share/kgraph/catalog.ttl share/kgraph/kgraph.ttl \
         share/kgraph/gazetteer/countries.ttl share/kgraph/gazetteer/actors.ttl; do
  [ -s "$prefix/$f" ] || fail "install did not give $f"
done
for f in catalog.ttl kgraph.ttl gazetteer/countries.ttl gazetteer/actors.ttl; do
  cmp -s "$src/ontology/$f" "$data/$f" || fail "installed $f differs from ontology/$f"
done

# 2. The installed binary, from an unrelated folder, against the build-tree binary.
mkdir "$tmp/work"
cd "$tmp/work"
"$kgraph_build_tree" build "$src/samples" -o out1 -q || fail "build-tree kgraph failed (exit $?)"
"$prefix/bin/kgraph" build "$src/samples" -o out2 -q || fail "installed kgraph failed (exit $?)"
[ -s out2/graph.ttl ] || fail "installed kgraph wrote no (or an empty) out2/graph.ttl"
diff -r out1 out2 > "$tmp/diff.txt" || { head -20 "$tmp/diff.txt" >&2; fail "outputs differ"; }

# 3. It reads its own data: without catalog.ttl in the install, it must fail and name that file.
mv "$data/catalog.ttl" "$tmp/catalog.ttl.saved"
status=0
"$prefix/bin/kgraph" build "$src/samples" -o out3 -q 2> stderr3.txt || status=$?
[ "$status" -ne 0 ] || fail "installed kgraph ran without its catalog.ttl: it reads data from elsewhere"
grep -qF "$data/catalog.ttl" stderr3.txt \
  || { cat stderr3.txt >&2; fail "the error does not name $data/catalog.ttl"; }

# 4. KG_DATA_DIR wins over the installed folder (which is still broken here).
KG_DATA_DIR="$src/ontology" "$prefix/bin/kgraph" build "$src/samples" -o out4 -q \
  || fail "KG_DATA_DIR=$src/ontology did not override the installed data folder"
diff -r out1 out4 > "$tmp/diff.txt" || { head -20 "$tmp/diff.txt" >&2; fail "KG_DATA_DIR outputs differ"; }
mv "$tmp/catalog.ttl.saved" "$data/catalog.ttl"

echo "installed kgraph ($prefix) reads $data; outputs identical to $kgraph_build_tree"
