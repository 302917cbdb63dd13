# Functions for a PRIVATE Virtuoso 7 instance (Debian virtuoso-opensource): its own folder, its own
# virtuoso.ini, both listeners (SQL and HTTP) bound to 127.0.0.1. Sourced by tests/store/virtuoso-test.sh
# and scripts/triplestore.sh; needs bash, python3 (free ports), curl, virtuoso-t and isql-vt.
#
#   vt_init DIR [HTTP_PORT [SQL_PORT]]   write DIR/virtuoso.ini (free ports unless given)
#   vt_start DIR [--detach]              start virtuoso-t, wait until SQL and HTTP /sparql answer
#   vt_load DIR FILE.ttl GRAPH_IRI       bulk-load a Turtle file into a named graph, fail on any error
#   vt_sql DIR "SQL; ..."                run statements through isql-vt as dba
#   vt_stop DIR                          checkpoint, then stop the server by its pid (SIGTERM, then KILL)
#   vt_running DIR                       true if the pid in DIR/virtuoso.pid is a live virtuoso-t
#
# Ports and the pid are kept in DIR/ports and DIR/virtuoso.pid.

vt_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

vt_port() { sed -n "s/^$2=//p" "$1/ports"; }

vt_init() {
  local dir=$1 http=${2:-} sql=${3:-}
  [ -n "$http" ] || http=$(vt_free_port)
  [ -n "$sql" ] || sql=$(vt_free_port)
  while [ "$sql" = "$http" ]; do sql=$(vt_free_port); done
  mkdir -p "$dir/db" "$dir/data" "$dir/vsp"
  dir=$(cd "$dir" && pwd)
  printf 'http=%s\nsql=%s\n' "$http" "$sql" > "$dir/ports"
  cat > "$dir/virtuoso.ini" <<EOF
; Private Virtuoso instance written by tests/store/virtuoso-lib.sh: everything under $dir.
[Database]
DatabaseFile       = $dir/db/virtuoso.db
ErrorLogFile       = $dir/db/virtuoso.log
LockFile           = $dir/db/virtuoso.lck
TransactionFile    = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/db/virtuoso-temp.db
TransactionFile    = $dir/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$sql
LiteMode           = 0
DisableUnixSocket  = 1
DisableTcpSocket   = 0
MaxClientConnections = 10
CheckpointInterval = 0
O_DIRECT           = 0
CaseMode           = 2
MaxStaticCursorRows = 5000
AllowOSCalls       = 0
SchedulerInterval  = 10
DirsAllowed        = ., $dir/data
ThreadCleanupInterval = 0
ThreadThreshold    = 10
ResourcesCleanupInterval = 0
SingleCPU          = 0
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 256M
ThreadsPerQuery    = 2

[HTTPServer]
ServerPort         = 127.0.0.1:$http
ServerRoot         = $dir/vsp
MaxClientConnections = 5
DavRoot            = DAV
EnabledDavVSP      = 0
HTTPProxyEnabled   = 0
ServerThreads      = 5
MaxKeepAlives      = 5
KeepAliveTimeout   = 10
Charset            = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000

[URIQA]
DynamicLocal       = 0
DefaultHost        = 127.0.0.1:$http

[SPARQL]
ResultSetMaxRows   = 100000
MaxQueryCostEstimationTime = 60
MaxQueryExecutionTime = 60
DefaultQuery       = SELECT * WHERE { ?s ?p ?o } LIMIT 10
EOF
}

vt_running() {
  local pid
  pid=$(cat "$1/virtuoso.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q virtuoso "/proc/$pid/cmdline" 2>/dev/null
}

vt_sql() {
  local dir=$1; shift
  timeout 300 isql-vt "127.0.0.1:$(vt_port "$dir" sql)" dba dba "exec=$*" </dev/null
}

# Starts the server in the background: a child of this shell, or (--detach) in its own session so
# that it outlives the calling script. Waits up to 120 s for both listeners.
vt_start() {
  local dir=$1 detach=${2:-} pid i http
  dir=$(cd "$dir" && pwd)
  http=$(vt_port "$dir" http)
  if [ "$detach" = "--detach" ]; then
    (cd "$dir/db" && exec setsid virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
      >"$dir/virtuoso.out" 2>&1 </dev/null) &
  else
    (cd "$dir/db" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
      >"$dir/virtuoso.out" 2>&1 </dev/null) &
  fi
  pid=$!
  echo "$pid" > "$dir/virtuoso.pid"
  for i in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso: the server exited while starting; its log:" >&2
      tail -n 30 "$dir/db/virtuoso.log" "$dir/virtuoso.out" >&2 2>/dev/null
      return 1
    fi
    if vt_sql "$dir" "status('');" >/dev/null 2>&1 &&
       curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"; then
      return 0
    fi
    sleep 0.5
  done
  echo "virtuoso: not answering on 127.0.0.1:$http after 120 s; its log:" >&2
  tail -n 30 "$dir/db/virtuoso.log" >&2 2>/dev/null
  return 1
}

# Bulk loader (ld_dir + rdf_loader_run): the file is copied into DIR/data (the only folder the
# server may read), loaded into GRAPH, checkpointed; any row of DB.DBA.LOAD_LIST with an error fails.
vt_load() {
  local dir=$1 file=$2 graph=$3 name errors
  name=$(basename "$file")
  cp "$file" "$dir/data/$name"
  vt_sql "$dir" "ld_dir('$dir/data', '$name', '$graph'); rdf_loader_run(); checkpoint;" >"$dir/load.out" 2>&1 || {
    echo "virtuoso: bulk load failed:" >&2; cat "$dir/load.out" >&2; return 1; }
  errors=$(vt_sql "$dir" "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;" 2>&1) || {
    echo "$errors" >&2; return 1; }
  if ! grep -q "^0 Rows" <<<"$errors"; then
    echo "virtuoso: bulk load reported errors:" >&2; echo "$errors" >&2; return 1
  fi
}

# Checkpoint (SIGTERM alone skips it), then SIGTERM by pid; SIGKILL after 30 s. Safe to call twice.
vt_stop() {
  local dir=$1 pid i
  pid=$(cat "$dir/virtuoso.pid" 2>/dev/null) || return 0
  if vt_running "$dir"; then
    vt_sql "$dir" "checkpoint;" >/dev/null 2>&1 || echo "virtuoso: checkpoint failed before stopping" >&2
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso: pid $pid ignored SIGTERM for 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null || true
  rm -f "$dir/virtuoso.pid"
}
