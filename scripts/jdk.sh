# Sourced by ./armada and ./run-tests: sets JAVA_HOME to a JDK >= 25, or exits with a message.
# Order: JAVA_HOME if new enough, else the newest JDK under /usr/lib/jvm.

armada_jdk_version() {
    # Prints the feature version of the JDK at $1 (25 for 25.0.3), or nothing.
    local release="$1/release"
    [ -r "$release" ] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

armada_find_jdk() {
    local need=25 v best="" bestv=0 d
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        v=$(armada_jdk_version "$JAVA_HOME")
        if [ -n "$v" ] && [ "$v" -ge "$need" ]; then
            return 0
        fi
    fi
    for d in /usr/lib/jvm/*; do
        [ -x "$d/bin/javac" ] || continue
        v=$(armada_jdk_version "$d")
        [ -n "$v" ] || continue
        if [ "$v" -ge "$need" ] && [ "$v" -gt "$bestv" ]; then
            best=$d
            bestv=$v
        fi
    done
    if [ -z "$best" ]; then
        echo "armada: needs a JDK $need or newer, and found none (JAVA_HOME is '${JAVA_HOME:-}', nothing new enough under /usr/lib/jvm)." >&2
        echo "armada: install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium) or 'openjdk-25-jdk', or set JAVA_HOME." >&2
        exit 2
    fi
    export JAVA_HOME="$best"
}

armada_find_jdk
# File names are UTF-8: the JVM encodes them with the locale's charset, so a C/POSIX locale
# would make valid non-ASCII names impossible on the real file system.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
    *) export LC_ALL=C.UTF-8 ;;
esac
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe in its own libraries; the warning is not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
