#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 90-lock: insmod sima lock=1 cannot be undone by root.  Every unload path
# is refused: rmmod, rmmod -f, a forced delete_module(2) through the i386
# entry (int $0x80) and through the x32 entry where the kernel has one,
# and a forced delete_module on the x86-64 entry while a second thread
# flips a byte of the name (a check that re-reads user memory loses that
# race).  The writable module parameter and kernel.ftrace_enabled cannot
# be changed either.  Afterwards sima is still in /proc/modules with its
# securityfs files and its hooks keep counting.  sima cannot be unloaded
# afterwards, so this must be the last test of a boot.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

SIMA_KEEP_LOADED=1	# the EXIT trap must not try to unload it
AUDIT_PARAM=/sys/module/sima/parameters/integrity_audit
x=$(simatest elf-xsegs /sima/bin/simatest) || fail "elf-xsegs failed"

# attack WHAT ARGS...: the attack must be refused with EWOULDBLOCK (the
# kernel's "another module uses it"); a kernel may lack the x32 entry.
attack() {
	out=$(unload_attack "$@" 2>&1)
	rc=$?
	log "$out"
	[ $rc -eq 1 ] || fail "$1: the attack removed a locked sima (status $rc)"
	case $1:$out in
	*"refused: Resource temporarily unavailable"*) ;;
	"x32:"*"refused: Function not implemented"*)
		log "no x32 entry on this kernel" ;;
	*)	bad "$1: refused, but not by the kernel's user check" ;;
	esac
}

sima_load lock=1

if rmmod sima; then
	fail "rmmod of a locked sima succeeded"
fi
if rmmod -f sima; then
	fail "rmmod -f of a locked sima succeeded"
fi
attack ia32 sima
attack x32 sima
attack race sima 5
is_loaded sima || fail "sima left /proc/modules"
log "after the refused unloads: $(grep '^sima ' /proc/modules)"
[ -f "$SIMA_COUNTS" ] || fail "$SIMA_COUNTS gone"

before=$(cat "$AUDIT_PARAM")
if (echo 1 >"$AUDIT_PARAM") 2>/dev/null ||
   (echo 0 >"$AUDIT_PARAM") 2>/dev/null; then
	bad "integrity_audit writable while locked"
fi
assert_eq "$(cat "$AUDIT_PARAM")" "$before" "integrity_audit after the writes"
if (echo 0 >/proc/sys/kernel/ftrace_enabled) 2>/dev/null; then
	bad "kernel.ftrace_enabled=0 accepted while locked"
fi

check_op "bprm_check=N file_open=N file_free=N mmap_file=${x}N" \
	exec /sima/bin/simatest true

pass
