# Sourced by ./cellbench: how the JVM starts for a command. Two things, both measured
# (FreshStartBenchmark; docs/import.md, "Speed and memory"):
#  - a small import is compiled by C1 alone (cellbench_jit_flags, at the end);
#  - the JVM's AOT cache (JEP 483/514, JDK 25+) for the one-off commands,
# so that `cellbench import`, `data`, `plot`, `--help`… do not load and link their ~2,500 classes
# from the jars at every start (docs/import.md, "Speed and memory"; docs/operations.md).
#
# One cache per command (each loads its own classes), in
#   ${XDG_CACHE_HOME:-~/.cache}/cellbench/aot/<key>/<command>.aot
# where <key> is a hash of the JDK, the jars (path, size, time, inode) and the JVM flags: a rebuild
# or another JDK starts a new cache and never meets an old one. Three starts make it:
#   1. the first start of a command records the classes it loads (-XX:AOTMode=record): the JVM
#      writes <command>.aotconf at its exit;
#   2. the next start makes <command>.aot.new from it in the background (-XX:AOTMode=create), has a
#      JVM map it with -XX:AOTMode=on (which fails on a damaged file) and only then renames it to
#      <command>.aot, so a cache that is in use is always whole;
#   3. every later start uses it (-XX:AOTCache).
# A flock keeps two starts from recording or making the same file. Whatever goes wrong (no cache
# dir, no flock, a damaged file), the command runs as it would without a cache: the JVM ignores a
# cache it cannot use, and its messages about the cache are switched off (they go to stdout, where
# they would spoil `cellbench data … > file`).
#
# Long-lived commands (run, resume, serve, virtual-lab) never use a cache: a live run starts as
# it always has. CELLBENCH_AOT=0 turns the cache off.

# The cache's name for a command line, or nothing when the command gets no cache.
cellbench_aot_name() {
  case "${1:-}" in
    "" | -h | --help | -V | --version) echo cellbench ;;
    import | data | plot | status | validate | compile | repair | pause | continue | stop | ports | probe | demo \
      | generate-completion | gen-manpage) echo "$1" ;;
    *) ;;
  esac
}

# A hash of what a cache is valid for: the JDK, the jars and the JVM's options.
cellbench_aot_key() { # JAR JVM-FLAGS...
  local jar=$1
  shift
  {
    echo "$JAVA_HOME"
    cat "$JAVA_HOME/release" || true
    echo "$*" "${JAVA_TOOL_OPTIONS:-}" "${JDK_JAVA_OPTIONS:-}"
    stat -L -c '%n %s %y %i' "$jar" "$(dirname "$jar")"/lib/*.jar || true
  } 2>/dev/null | sha256sum | cut -c1-16
}

# Makes NAME.aot from NAME.aotconf (recorded by an earlier start) and publishes it once a JVM
# has mapped it with AOTMode=on; run in the background, holding the lock, quiet.
cellbench_aot_create() { # DIR NAME JAR JVM-FLAGS...
  local dir=$1 name=$2 jar=$3 quiet=-Xlog:aot*=off,cds*=off
  shift 3
  if "$JAVA_HOME/bin/java" "$@" -XX:AOTMode=create "-XX:AOTConfiguration=$dir/$name.aotconf" \
      "-XX:AOTCache=$dir/$name.aot.new" "$quiet" -jar "$jar" \
    && "$JAVA_HOME/bin/java" "$@" -XX:AOTMode=on "-XX:AOTCache=$dir/$name.aot.new" "$quiet" -jar "$jar" --version; then
    mv -f "$dir/$name.aot.new" "$dir/$name.aot"
  fi
  # a configuration cut short (the recording start was killed) or one the JVM refuses: recorded again
  rm -f "$dir/$name.aotconf" "$dir/$name.aot.new"
}

# A new build's cache directory: the caches of the same install's earlier builds go (a developer
# rebuilds many times a day), and those of any install or JDK not used for 30 days. A JVM that
# has a removed file mapped keeps it; one still recording into a removed directory cannot write
# its configuration and says nothing.
cellbench_aot_prune() { # DIR JAR
  local dir=$1 install other
  install="$2 $JAVA_HOME"
  for other in "$(dirname "$dir")"/*/; do
    other=${other%/}
    [ "$other" != "$dir" ] && [ "$(cat "$other/install" 2>/dev/null)" = "$install" ] && rm -rf "$other"
  done
  find "$(dirname "$dir")" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} + || true
  echo "$install" >"$dir/install" || true
} 2>/dev/null

# Sets CELLBENCH_AOT_FLAGS (an array, maybe empty) for `java JVM-FLAGS CELLBENCH_AOT_FLAGS -jar JAR ARGS`.
# Usage: cellbench_aot_flags JAR "FIRST-ARG" JVM-FLAGS...
cellbench_aot_flags() {
  CELLBENCH_AOT_FLAGS=()
  local jar=$1 name key dir lock
  name=$(cellbench_aot_name "$2")
  shift 2
  [ -n "$name" ] && [ "${CELLBENCH_AOT:-1}" != 0 ] && [ "${CELLBENCH_JAVA_MAJOR:-0}" -ge 25 ] || return 0
  command -v flock >/dev/null 2>&1 && command -v sha256sum >/dev/null 2>&1 || return 0
  key=$(cellbench_aot_key "$jar" "$@") && [ -n "$key" ] || return 0
  dir="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/cellbench/aot/$key"
  # the JVM's own messages about its cache (a damaged file, a class it leaves out) go to stdout
  local quiet=-Xlog:aot*=off,cds*=off
  if [ -f "$dir/$name.aot" ]; then
    touch "$dir" 2>/dev/null || true # in use: not pruned
    CELLBENCH_AOT_FLAGS=("-XX:AOTCache=$dir/$name.aot" "$quiet")
    return 0
  fi
  mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ] || return 0
  [ -f "$dir/install" ] || cellbench_aot_prune "$dir" "$jar" || true
  exec {lock}>>"$dir/$name.lock" || return 0
  if ! flock -n -x "$lock"; then # another start is recording or making it: this one runs without
    exec {lock}>&-
    return 0
  fi
  if [ -f "$dir/$name.aotconf" ]; then
    # Recorded by an earlier start: made in the background (about a second of CPU), holding the
    # lock; this start runs without, the next one with the cache. Detached twice over, so that
    # the JVM this shell becomes is not its parent.
    ( (cellbench_aot_create "$dir" "$name" "$jar" "$@") </dev/null >/dev/null 2>&1 & )
    exec {lock}>&-
    return 0
  fi
  # This start records the classes it loads; the JVM writes the file at its exit, holding the lock
  # (the descriptor stays open into it). DisplayVMOutput: it would print "AOTConfiguration
  # recorded" on stdout.
  CELLBENCH_AOT_FLAGS=(-XX:AOTMode=record "-XX:AOTConfiguration=$dir/$name.aotconf" "$quiet"
    -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput)
}

# Imports of less than this many bytes in all are compiled by C1 alone. C2's compiling costs more
# CPU than it saves below about 35 MB of .ndax in a fresh JVM (with the AOT cache: 1.3 MB 1.06 ->
# 0.68 s of CPU, 25 MB 2.31 -> 2.04 s; 50 MB 3.09 -> 3.41 s, 101 MB 4.90 -> 5.80 s, and a warm
# JVM's C1 code runs at half the speed), so the line is drawn well below.
CELLBENCH_C1_IMPORT_BYTES=$((16 * 1024 * 1024))

# Sets CELLBENCH_JIT_FLAGS: -XX:TieredStopAtLevel=1 for an import whose files and directories
# (every argument that is one) come to less than CELLBENCH_C1_IMPORT_BYTES; else nothing.
# Standard input ("-") may be any size: C2.
cellbench_jit_flags() { # ARGS...
  CELLBENCH_JIT_FLAGS=()
  [ "${1:-}" = import ] || return 0
  shift
  local a size total=0
  for a in "$@"; do
    if [ "$a" = - ]; then
      return 0
    elif [ -f "$a" ]; then
      size=$(stat -L -c %s -- "$a" 2>/dev/null) || return 0
    elif [ -d "$a" ]; then
      size=$(du -sbL -- "$a" 2>/dev/null | cut -f1) || return 0
    else
      continue
    fi
    total=$((total + ${size:-0}))
  done
  [ "$total" -lt "$CELLBENCH_C1_IMPORT_BYTES" ] && CELLBENCH_JIT_FLAGS=(-XX:TieredStopAtLevel=1)
  return 0
}

# Runs the CLI in JAR, with the flags Arrow needs, the AOT cache and the JIT's: the launcher's last step.
cellbench_exec() { # JAR ARGS...
  local jar=$1 jvm_flags
  shift
  read -ra jvm_flags <<<"$(cellbench_jvm_flags)"
  # the cache is keyed without the JIT's flag: the same cache serves C1 and C2 (the JVM agrees)
  cellbench_aot_flags "$jar" "${1:-}" "${jvm_flags[@]}"
  cellbench_jit_flags "$@"
  exec "$JAVA_HOME/bin/java" "${jvm_flags[@]}" "${CELLBENCH_AOT_FLAGS[@]}" "${CELLBENCH_JIT_FLAGS[@]}" -jar "$jar" "$@"
}
