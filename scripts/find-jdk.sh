# Sourced by ./cellbench and ./run-tests: sets JAVA_HOME to a JDK >= 21, or explains what
# to install. Order: $JAVA_HOME, the java on PATH, then the usual install folders.

cellbench_java_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  fi
  echo "$v"
}

cellbench_find_jdk() {
  local candidates=() c major best="" best_major=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); candidates+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    major=$(cellbench_java_major "$c")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ]; then
      # The first acceptable one wins for JAVA_HOME and PATH, so a user's choice is kept.
      if [ -z "$best" ]; then best=$c; best_major=$major; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "cellbench needs a JDK 21 or newer (with javac). None was found in JAVA_HOME, PATH" >&2
    echo "or /usr/lib/jvm. Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+," >&2
    echo "then set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  CELLBENCH_JAVA_MAJOR=$best_major
}

# JVM flags Arrow needs: add-opens always; netty needs Unsafe enabled on JDK >= 24; the
# serial library's JNI warning is silenced on JDK >= 22.
cellbench_jvm_flags() {
  local flags=(--add-opens=java.base/java.nio=ALL-UNNAMED -Djava.awt.headless=true)
  [ "${CELLBENCH_JAVA_MAJOR:-21}" -ge 22 ] && flags+=(--enable-native-access=ALL-UNNAMED)
  [ "${CELLBENCH_JAVA_MAJOR:-21}" -ge 24 ] && flags+=(-Dio.netty.noUnsafe=false --sun-misc-unsafe-memory-access=allow)
  echo "${flags[@]}"
}
