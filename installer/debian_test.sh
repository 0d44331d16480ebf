#!/usr/bin/env bash
# The README's promise, proved: on a bare Debian 12 with only python3, `./dev test` does all the set-up
# and passes. Builds a minimal root with `debootstrap --variant=minbase --include=python3`, copies this
# checkout in (the files git tracks or would track: no .venv, build/ or dist/), and runs .ci/run (which
# is `./dev test`: apt packages, venv, ruff, mypy, pytest on SQLite and PostgreSQL, installer smoke
# test) inside it with chroot, as root, with Debian's own /usr/bin/python3 and an empty environment.
#
#   sudo installer/debian_test.sh                  # the whole run (see installer/README.md for timings)
#   sudo installer/debian_test.sh -- tests/unit -q # ./dev test with these pytest arguments instead
#   sudo installer/debian_test.sh --command './dev test tests/unit -q && ./dev run python installer/smoke_test.py'
#   options: --keep (leave the root for a look), --suite NAME (default bookworm), --mirror URL
#
# Needs root (debootstrap, mount, chroot) and network access to a Debian mirror and to PyPI. The mirror
# is $MIRROR, else the first Debian archive in this machine's apt sources, else deb.debian.org.
# /proc, /sys, a fresh /dev with its own devpts (the device tests use pseudo-terminals) and /dev/shm
# (PostgreSQL) are mounted in a private mount namespace, so they vanish with the run however it ends;
# processes left running in the root are stopped by id, and the root is removed unless --keep.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE=bookworm
KEEP=0
PYTEST_ARGS=()
COMMAND=""

say() { printf '[debian-test] %s\n' "$*" >&2; }
die() { printf '[debian-test] error: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --keep) KEEP=1 ;;
    --suite) SUITE=$2; shift ;;
    --mirror) MIRROR=$2; shift ;;
    --command) COMMAND=$2; shift ;;
    --) shift; PYTEST_ARGS=("$@"); break ;;
    *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, mount and chroot need it): sudo $0"
for tool in unshare mount chroot; do command -v "$tool" >/dev/null || die "$tool not found"; done
if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
    || die "could not install debootstrap: apt-get install debootstrap"
fi

apt_mirror() {
  # The first archive (not the security one) named in sources.list or deb822 .sources files.
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -E '^(deb |URIs:)' | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ' || true
}
MIRROR=${MIRROR:-$(apt_mirror)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

WORK=$(mktemp -d /var/tmp/hiptrack-debian-test.XXXXXX)
CHROOT=$WORK/root

stop_processes_in_root() {
  # Anything still running with its root in ours (a server the tests left behind): stopped by id.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$CHROOT" ] && kill -9 "$pid" 2>/dev/null || true
  done
}

finish() {
  local code=$?
  stop_processes_in_root
  if grep -q " $CHROOT/" /proc/mounts; then
    say "something is still mounted below $CHROOT: not removing it"
  elif [ $KEEP -eq 1 ]; then
    say "kept $CHROOT (remove with: rm -rf $WORK)"
  else
    rm -rf "$WORK"
  fi
  exit $code
}
trap finish EXIT

started=$(date +%s)
say "debootstrap --variant=minbase --include=python3 $SUITE from $MIRROR"
debootstrap --variant=minbase --include=python3 "$SUITE" "$CHROOT" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
  || { tail -20 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
bootstrapped=$(date +%s)
say "root built in $((bootstrapped - started)) s: $(chroot "$CHROOT" /usr/bin/python3 --version)"

# Name resolution as on this machine; and no package may start its service (PostgreSQL's) in the root:
# the tests start their own throwaway server, and a daemon left running would outlive the run.
cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$CHROOT/usr/sbin/policy-rc.d"
chmod 755 "$CHROOT/usr/sbin/policy-rc.d"

say "copying the checkout to /src/hiptrack"
mkdir -p "$CHROOT/src/hiptrack"
git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
  | (cd "$ROOT" && xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) \
  | tar -C "$ROOT" --null -T - -cf - | tar -C "$CHROOT/src/hiptrack" -xf -

# A machine whose HTTPS goes through an intercepting proxy trusts that proxy's certificate authority
# through PIP_CERT (the project's own build machines do): hand pip in the root that file, and nothing
# else of this machine's set-up.
PASS_ENV=()
if [ -n "${PIP_CERT:-}" ] && [ -f "$PIP_CERT" ]; then
  cp -L "$PIP_CERT" "$CHROOT/etc/host-ca-certificates.crt"
  PASS_ENV=(PIP_CERT=/etc/host-ca-certificates.crt)
  say "pip in the root trusts this machine's certificate authorities (PIP_CERT)"
fi

# Inside a private mount namespace: everything mounted here is gone when the namespace ends.
INNER='
set -euo pipefail
args=("$@")
mount -t proc proc "$CHROOT/proc"
mount -t sysfs sysfs "$CHROOT/sys"
mount -t tmpfs -o mode=755 dev "$CHROOT/dev"
for node in "null 1 3" "zero 1 5" "full 1 7" "random 1 8" "urandom 1 9" "tty 5 0"; do
  set -- $node; mknod -m 666 "$CHROOT/dev/$1" c "$2" "$3"
done
mkdir "$CHROOT/dev/pts" "$CHROOT/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$CHROOT/dev/pts"
ln -s pts/ptmx "$CHROOT/dev/ptmx"
mount -t tmpfs -o mode=1777 shm "$CHROOT/dev/shm"
ln -s /proc/self/fd "$CHROOT/dev/fd"
ln -s /proc/self/fd/0 "$CHROOT/dev/stdin"; ln -s /proc/self/fd/1 "$CHROOT/dev/stdout"; ln -s /proc/self/fd/2 "$CHROOT/dev/stderr"
if [ -n "$COMMAND" ]; then run=(bash -c "$COMMAND")
elif [ ${#args[@]} -eq 0 ]; then run=(bash .ci/run); else run=(./dev test "${args[@]}"); fi
exec chroot "$CHROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI=true $PASS_ENV \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  bash -c "cd /src/hiptrack && exec \"\$@\"" bash "${run[@]}"
'
say "running ${PYTEST_ARGS[*]:+./dev test ${PYTEST_ARGS[*]}}${PYTEST_ARGS[*]:-.ci/run (./dev test)} inside the root"
set +e
CHROOT=$CHROOT COMMAND=$COMMAND PASS_ENV="${PASS_ENV[*]-}" unshare --mount --propagation private bash -c "$INNER" bash "${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"}"
code=$?
set -e
finished=$(date +%s)
say "root $((bootstrapped - started)) s, ./dev test $((finished - bootstrapped)) s, total $((finished - started)) s"
if [ $code -eq 0 ]; then
  say "PASSED on $(date -u +%Y-%m-%d) with $(. "$CHROOT/etc/os-release" && echo "$PRETTY_NAME"), $(chroot "$CHROOT" /usr/bin/python3 --version)"
else
  say "FAILED (exit $code)"
fi
exit $code
