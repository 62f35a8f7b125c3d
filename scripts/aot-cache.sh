# Sourced by ./cellbench: the JVM's AOT cache (JEP 483/514, JDK 25+) for the one-off commands,
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
    cat "$JAVA_HOME/release"
    echo "$*" "${JAVA_TOOL_OPTIONS:-}" "${JDK_JAVA_OPTIONS:-}"
    stat -L -c '%n %s %y %i' "$jar" "$(dirname "$jar")"/lib/*.jar
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
  # Caches of jars and JDKs not used for 30 days (earlier builds) go.
  find "$(dirname "$dir")" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} + 2>/dev/null || true
  # This start records the classes it loads; the JVM writes the file at its exit, holding the lock
  # (the descriptor stays open into it). DisplayVMOutput: it would print "AOTConfiguration
  # recorded" on stdout.
  CELLBENCH_AOT_FLAGS=(-XX:AOTMode=record "-XX:AOTConfiguration=$dir/$name.aotconf" "$quiet"
    -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput)
}

# Runs the CLI in JAR, with the flags Arrow needs and the AOT cache: the launcher's last step.
cellbench_exec() { # JAR ARGS...
  local jar=$1 jvm_flags
  shift
  read -ra jvm_flags <<<"$(cellbench_jvm_flags)"
  cellbench_aot_flags "$jar" "${1:-}" "${jvm_flags[@]}"
  exec "$JAVA_HOME/bin/java" "${jvm_flags[@]}" "${CELLBENCH_AOT_FLAGS[@]}" -jar "$jar" "$@"
}
