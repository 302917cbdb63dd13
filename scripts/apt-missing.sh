# Sourced by scripts/install-deps.sh and scripts/install-store.sh: installs the Debian packages of
# a list that are not installed yet, and nothing when all are.
#   apt_install_missing TAG PACKAGE...     (TAG prefixes the messages, e.g. install-deps)
# Needs root or sudo when something is missing (exit 2 otherwise); waits for another apt/dpkg run
# (e.g. the other script in parallel) instead of failing, and finishes a dpkg run that was killed.

apt_missing() {  # prints the packages of "$@" that are not installed, one a line
  local installed p
  # One dpkg-query for all packages (one call each took seconds).
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null \
    | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }' || true)
  for p in "$@"; do
    grep -qx "$p" <<< "$installed" || echo "$p"
  done
}

apt_install() {  # apt_install TAG PACKAGE...: installs exactly these packages
  local tag="$1"; shift
  [ $# -gt 0 ] || return 0
  echo "$tag: installing $*" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "$tag: need root or sudo to install: $*" >&2; exit 2; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A run killed while dpkg was unpacking (a cancelled CI job, a closed terminal) leaves packages
  # half-configured, and every later apt-get refuses with "dpkg was interrupted". Finish that work
  # first, as apt's own message asks.
  if [ -n "$($sudo dpkg --audit 2>/dev/null)" ]; then
    echo "$tag: finishing an interrupted dpkg run (dpkg --configure -a)" >&2
    $sudo dpkg --configure -a >/dev/null || { echo "$tag: dpkg --configure -a failed" >&2; exit 2; }
  fi
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
}
