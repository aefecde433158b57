#!/bin/sh
# setup.sh — install what plandesk needs from Debian, build it, and open
# it on the demo database.  The packages are those listed in .ci/packages
# (the one list CI installs too), installed with sudo unless you are root.
#
#   ./setup.sh             install, build, open the demo (on a terminal)
#   ./setup.sh --no-demo   install and build only
#
# Without a terminal the demo is not opened; `plandesk demo` then prints
# where the demo database is.
set -eu
cd "$(dirname "$0")"

demo=yes
case "${1:-}" in
'') ;;
--no-demo) demo=no ;;
*) echo "usage: ./setup.sh [--no-demo]" >&2; exit 2 ;;
esac

if [ "$(id -u)" -eq 0 ]; then
	as_root=
elif command -v sudo >/dev/null 2>&1; then
	as_root=sudo
else
	echo "setup.sh: installing packages needs root: run it as root, or install sudo" >&2
	exit 1
fi

packages=$(grep -v '^[[:space:]]*#' .ci/packages | tr '\n' ' ')
echo "setup.sh: installing $packages"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $packages >/dev/null

autoreconf -fi
./configure -q
make -j2 -s
echo "setup.sh: built ./plandesk (make check runs the tests)"
if [ "$demo" = yes ]; then
	exec ./plandesk demo
fi
