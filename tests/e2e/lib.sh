# SPDX-License-Identifier: GPL-2.0
# lib.sh - helpers for the sima e2e guest scripts (busybox ash, POSIX sh).
#
# A test script starts with
#	. "$(dirname "$0")/lib.sh"
# then sima_load, its checks, sima_unload, pass.  Exit status: 0 pass,
# 77 skip (reason written to $SIMA_SKIP_FILE), anything else fail.
#
# fail "msg" stops the test at once; the assert_* and check_op helpers
# record a failure and go on, and pass then exits 1 if any was recorded.
# An EXIT trap unloads what the script loaded and removes its work files,
# so a failing script does not leave sima behind for the next one.

SIMA_KO=${SIMA_KO:-/sima/sima.ko}
SIMA_TESTMOD=${SIMA_TESTMOD:-/sima/sima_testmod.ko}
# test = our IMA=n debug kernel, distro = Debian's (native IMA built in)
if [ -z "$SIMA_KERNEL" ]; then
	SIMA_KERNEL="test"
	[ ! -d /sys/kernel/security/integrity/ima ] || SIMA_KERNEL=distro
fi
SIMA_SCRATCH=${SIMA_SCRATCH:-/scratch}
SIMA_SECFS=/sys/kernel/security
SIMA_FS=$SIMA_SECFS/sima
SIMA_COUNTS=$SIMA_FS/hook_counts
# iteration counts every check_op runs with (1 and 20 catch off-by-ones)
SIMA_E2E_NS=${SIMA_E2E_NS:-"1 20"}
# every hook of the hook_counts contract
SIMA_HOOKS="bprm_check mmap_file file_mprotect file_open file_free
kernel_read_file kernel_post_read_file kernel_load_data kernel_post_load_data
kexec_cmdline inode_setxattr inode_post_setxattr inode_removexattr
inode_post_removexattr inode_setattr inode_post_setattr post_create_tmpfile
post_mknod inode_free key_post_create_or_update critical_data"
# hooks whose delta is noise (eviction) unless a spec names them
SIMA_NOISY_HOOKS="inode_free"

E2E_NAME=$(basename "$0" .sh)
E2E_TMP=/tmp/sima-e2e.$E2E_NAME.$$
mkdir -p "$E2E_TMP" || { echo "FAIL: cannot create $E2E_TMP" >&2; exit 1; }
case ":$PATH:" in *:/sima/bin:*) ;; *) PATH=$PATH:/sima/bin ;; esac

_failures=0
_sima_loaded=0
_testmod_loaded=0
_scratch_dirs=
_hotplug_saved=

log() {
	echo "# $*"
}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	[ -z "$SIMA_SKIP_FILE" ] || echo "$*" >"$SIMA_SKIP_FILE"
	echo "SKIP: $*"
	exit 77
}

# Record a failure and continue.
bad() {
	echo "FAIL: $*" >&2
	_failures=$((_failures + 1))
}

pass() {
	[ "$_failures" -eq 0 ] || fail "$_failures check(s) failed"
	exit 0
}

assert_eq() {	# ACTUAL EXPECTED MSG
	[ "$1" = "$2" ] || bad "$3: expected '$2', got '$1'"
}

assert_ne() {	# ACTUAL UNEXPECTED MSG
	[ "$1" != "$2" ] || bad "$3: got '$1'"
}

assert_ge() {	# ACTUAL MIN MSG
	[ "$1" -ge "$2" ] 2>/dev/null || bad "$3: expected >= $2, got '$1'"
}

assert_le() {	# ACTUAL MAX MSG
	[ "$1" -le "$2" ] 2>/dev/null || bad "$3: expected <= $2, got '$1'"
}

assert_ok() {	# MSG CMD...: CMD must succeed
	_msg=$1
	shift
	"$@" || bad "$_msg: '$*' failed (status $?)"
}

assert_fails() {	# MSG CMD...: CMD must fail
	_msg=$1
	shift
	if "$@"; then
		bad "$_msg: '$*' succeeded"
	fi
}

in_list() {	# WORD LIST...
	_w=$1
	shift
	for _x in "$@"; do
		[ "$_x" != "$_w" ] || return 0
	done
	return 1
}

is_loaded() {	# MODULE
	grep -q "^$1 " /proc/modules
}

# Seconds-granular polling: wait_for SECONDS CMD... until CMD succeeds.
wait_for() {
	_left=$1
	shift
	while ! "$@"; do
		[ "$_left" -gt 0 ] || return 1
		sleep 1
		_left=$((_left - 1))
	done
}

# ---- the module under test ------------------------------------------------

# shellcheck disable=SC2120
sima_load() {	# [PARAM=VALUE...]
	if is_loaded sima; then
		log "sima still loaded (left by an earlier test): unloading it"
		rmmod sima || fail "sima is loaded and cannot be unloaded"
	fi
	[ -f "$SIMA_KO" ] || fail "$SIMA_KO missing"
	insmod "$SIMA_KO" "$@" || fail "insmod $SIMA_KO $* failed"
	_sima_loaded=1
	is_loaded sima || fail "sima not in /proc/modules after insmod"
	[ -d "$SIMA_FS" ] || fail "$SIMA_FS missing after insmod"
	[ -f "$SIMA_COUNTS" ] || fail "$SIMA_COUNTS missing after insmod"
}

sima_unload() {
	rmmod sima || fail "rmmod sima failed"
	_sima_loaded=0
	! is_loaded sima || fail "sima still in /proc/modules after rmmod"
	[ ! -e "$SIMA_FS" ] || fail "$SIMA_FS still there after rmmod"
	if [ "$SIMA_KERNEL" = test ]; then
		if [ -e "$SIMA_SECFS/ima" ] || [ -L "$SIMA_SECFS/ima" ]; then
			fail "$SIMA_SECFS/ima still there after rmmod"
		fi
	fi
}

# ---- the engine under test --------------------------------------------------

# SIMA_ENGINE is sima, or native: IMA built into the distro kernel, chosen
# by sima_engine=native on the kernel command line, so that a script can
# run the same cases against upstream (which takes one policy per boot).
SIMA_ENGINE=sima
for _arg in $(cat /proc/cmdline); do
	case $_arg in sima_engine=*) SIMA_ENGINE=${_arg#sima_engine=} ;; esac
done

# engine_start [SIMA-PARAMS...]: load sima with PARAMS, trusting the test
# CA (nothing to load for native IMA, whose "_ima" keyring takes any key;
# elsewhere than the distro kernel the script skips) and set
# IMA_FS to the engine's securityfs directory, where its policy, lists,
# violations count live, and RING to the keyring its appraisal trusts.
engine_start() {
	if [ "$SIMA_ENGINE" = native ]; then
		[ "$SIMA_KERNEL" = distro ] ||
			skip "native IMA runs on the distro kernel"
		IMA_FS=$SIMA_SECFS/ima
		RING=$(engine_ring) || fail "keyctl newring _ima"
	else
		sima_load_ca "$@"
		IMA_FS=$SIMA_FS
		RING=$(sima_keyring)
	fi
}

# engine_stop: unload sima (native IMA stays)
engine_stop() {
	[ "$SIMA_ENGINE" = native ] || sima_unload
}

# engine_ring: a keyring both engines search for signature keys: the
# "_ima" keyring userspace creates for native IMA without a trusted
# keyring (Debian's), which sima searches too (keyring_restrict=all)
engine_ring() {
	keyctl search @u keyring _ima 2>/dev/null || keyctl newring _ima @u
}

# exercise_hooks DIR: go through every hooked kernel path once or a few
# times (DIR/f must exist).  Used with sima loaded, and after an unload or
# a failed load, when no hook may be left pointing into sima.
exercise_hooks() {
	_d=$1
	if ! { simatest -n 3 exec /sima/bin/simatest true &&
	    simatest -n 3 open-read "$_d/f" &&
	    simatest -n 3 open-write "$_d/f" &&
	    simatest mmap-exec "$_d/f" &&
	    simatest mprotect-exec "$_d/f" &&
	    simatest -n 3 tmpfile "$_d" &&
	    simatest -n 3 mknod-reg "$_d/node" &&
	    simatest -n 3 unlink-create "$_d" &&
	    simatest setxattr "$_d/f" user.sima_e2e v &&
	    simatest removexattr "$_d/f" user.sima_e2e &&
	    simatest chmod "$_d/f" &&
	    simatest truncate "$_d/f" 8192 &&
	    simatest finit "$SIMA_TESTMOD" &&
	    simatest init "$SIMA_TESTMOD"; }; then
		fail "exercising the hooked paths failed"
	fi
	testmod_load
	echo sima-test.fw >/sys/module/sima_testmod/parameters/load_fw ||
		fail "firmware load failed"
	testmod_unload
	_k=$(keyctl add user sima-e2e-exercise data @u) ||
		fail "keyctl add failed"
	keyctl unlink "$_k" @u >/dev/null || fail "keyctl unlink failed"
	# kexec is 17-kexec's business; here it only has to run if it can
	simatest kexec /sima/kexec/vmlinuz /sima/kexec/initrd x 2>/dev/null
	return 0
}

# test_ca: make this script's test CA, $E2E_CA.crt (PEM), .der and .key,
# unless it exists. sima's keyring accepts by default only keys that a
# trusted kernel key or a CA of x509_ca= signed: load sima with
# sima_load_ca to trust the test CA, which signs what mk_cert makes.
E2E_CA=$E2E_TMP/test-ca
test_ca() {
	[ ! -f "$E2E_CA.der" ] || return 0
	printf '%s\n' "basicConstraints=critical,CA:FALSE" \
		"keyUsage=critical,digitalSignature" \
		"subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" \
		>"$E2E_CA.ext"
	{ openssl req -x509 -newkey rsa:2048 -nodes -keyout "$E2E_CA.key" \
		-out "$E2E_CA.crt" -subj /CN=sima-e2e-ca -days 2 \
		-addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign \
		-addext subjectKeyIdentifier=hash &&
	    openssl x509 -in "$E2E_CA.crt" -outform DER \
		-out "$E2E_CA.der"; } >/dev/null 2>&1 || fail "openssl: test CA"
}

# sima_load_ca [PARAM=VALUE...]: sima_load trusting the test CA
# shellcheck disable=SC2120
sima_load_ca() {
	test_ca
	sima_load x509_ca="$E2E_CA.der" "$@"
}

# mk_cert DIR NAME [KEYGEN-ARGS...]: a signing certificate the test CA
# issued, DIR/NAME.pem (key), DIR/NAME.crt (PEM) and DIR/NAME.der; RSA-2048
# unless KEYGEN-ARGS say otherwise (e.g. -newkey ec -pkeyopt
# ec_paramgen_curve:prime256v1).
mk_cert() {
	_cd=$1
	_cn=$2
	shift 2
	[ $# -gt 0 ] || set -- -newkey rsa:2048
	test_ca
	{ openssl req -new "$@" -nodes -keyout "$_cd/$_cn.pem" \
		-subj "/CN=sima-e2e-$_cn" -out "$_cd/$_cn.csr" &&
	    openssl x509 -req -in "$_cd/$_cn.csr" -CA "$E2E_CA.crt" \
		-CAkey "$E2E_CA.key" -CAcreateserial -days 2 \
		-extfile "$E2E_CA.ext" -out "$_cd/$_cn.crt" &&
	    openssl x509 -in "$_cd/$_cn.crt" -outform DER \
		-out "$_cd/$_cn.der"; } >/dev/null 2>&1 ||
		fail "openssl: $_cn"
}

# sima_keyring: the id of sima's IMA keyring (sima loaded)
sima_keyring() {
	keyctl search %:.ima keyring .ima 2>/dev/null || keyctl id %:.ima
}

# kmemleak_clear / kmemleak_none WHEN (test kernel): forget what kmemleak
# knows, then after the work fail unless a scan finds nothing
# unreferenced; the report goes to $SIMA_EXPORT/kmemleak-$E2E_NAME.txt.
SIMA_KMEMLEAK=/sys/kernel/debug/kmemleak
kmemleak_clear() {
	[ -f $SIMA_KMEMLEAK ] || fail "no $SIMA_KMEMLEAK (DEBUG_KMEMLEAK?)"
	echo clear >$SIMA_KMEMLEAK || fail "kmemleak clear failed (disabled?)"
}

kmemleak_none() {
	sleep 6		# kmemleak ignores objects younger than 5 s
	echo scan >$SIMA_KMEMLEAK || fail "kmemleak scan failed"
	sleep 5
	echo scan >$SIMA_KMEMLEAK || fail "kmemleak scan failed"
	cat $SIMA_KMEMLEAK >"$E2E_TMP/kmemleak"
	cp "$E2E_TMP/kmemleak" "$SIMA_EXPORT/kmemleak-$E2E_NAME.txt" 2>/dev/null
	_n=$(grep -c '^unreferenced object' "$E2E_TMP/kmemleak")
	if [ "$_n" -ne 0 ]; then
		head -n 60 "$E2E_TMP/kmemleak" >&2
		fail "kmemleak: $_n unreferenced object(s) $1"
	fi
	log "kmemleak: nothing unreferenced $1"
}

# faults_on PERCENT: from now on, PERCENT % of the slab and page
# allocations of tasks that wrote 1 to /proc/self/make-it-fail fail
# (failslab, fail_page_alloc; test kernel). faults_off stops that.
# The allocators' failure reports (warnings with a stack dump) are
# expected meanwhile: the console shows only errors and worse, which
# KASAN, UBSAN and oops reports are; run.sh still reads every line of
# the kernel log.
faults_on() {
	echo 4 >/proc/sys/kernel/printk
	for _f in /sys/kernel/debug/failslab /sys/kernel/debug/fail_page_alloc; do
		[ -d "$_f" ] || fail "no $_f on this kernel"
		echo "$1" >"$_f/probability"
		echo 1 >"$_f/interval"
		echo -1 >"$_f/times"
		echo 0 >"$_f/space"
		echo 0 >"$_f/verbose"
		echo Y >"$_f/task-filter"
		echo N >"$_f/ignore-gfp-wait"
	done
	echo N >/sys/kernel/debug/fail_page_alloc/ignore-gfp-highmem
	echo 0 >/sys/kernel/debug/fail_page_alloc/min-order
}

faults_off() {
	echo 0 >/sys/kernel/debug/failslab/probability
	echo 0 >/sys/kernel/debug/fail_page_alloc/probability
	sleep 1		# let the last reports reach the console quietly
	echo 7 >/proc/sys/kernel/printk
}

testmod_load() {
	[ -f "$SIMA_TESTMOD" ] || fail "$SIMA_TESTMOD missing"
	! is_loaded sima_testmod || rmmod sima_testmod ||
		fail "stale sima_testmod cannot be unloaded"
	insmod "$SIMA_TESTMOD" || fail "insmod $SIMA_TESTMOD failed"
	_testmod_loaded=1
}

testmod_unload() {
	rmmod sima_testmod || fail "rmmod sima_testmod failed"
	_testmod_loaded=0
}

# A uevent helper would exec a program for every module load or device
# registration and make the counts move; run without one.
hotplug_off() {
	_hp=/proc/sys/kernel/hotplug
	[ -w "$_hp" ] || return 0
	_hotplug_saved=$(cat "$_hp")
	[ -z "$_hotplug_saved" ] ||
		log "disabling uevent helper $_hotplug_saved"
	echo >"$_hp"
}

# ---- hook counts -----------------------------------------------------------

hook_count() {	# NAME [FILE]
	awk -v h="$1" '$1 == h { print $2; f = 1 }
		END { if (!f) print "missing" }' "${2:-$SIMA_COUNTS}"
}

snap() {	# FILE: save the current counts
	cat "$SIMA_COUNTS" >"$1" || fail "cannot read $SIMA_COUNTS"
}

snap_delta() {	# BEFORE AFTER NAME
	_a=$(hook_count "$3" "$1")
	_b=$(hook_count "$3" "$2")
	case "$_a$_b" in
	*[!0-9]*) echo "missing" ;;
	*) echo $((_b - _a)) ;;
	esac
}

# _spec_for HOOK: what $_spec expects of HOOK's delta over $_n iterations:
# "eq V", "ge V" or "any"
_spec_for() {
	_r=
	for _t in $_spec; do
		case "$_t" in
		"$1>="*) _r="ge ${_t#"$1>="}" ;;
		"$1="*) _r="eq ${_t#"$1="}" ;;
		esac
	done
	if [ -z "$_r" ]; then
		_r="any"	# a hook newer than this file
		# shellcheck disable=SC2086
		! in_list "$1" $SIMA_HOOKS || _r="eq 0"
		# shellcheck disable=SC2086
		! in_list "$1" $SIMA_NOISY_HOOKS || _r="any"
	fi
	_op=${_r%% *}
	_v=${_r#* }
	case "$_v" in
	any|"*") echo "any" ;;
	*N) _k=${_v%N}; echo "$_op $((${_k:-1} * _n))" ;;
	*) echo "$_op $_v" ;;
	esac
}

# expect_op N SPEC SIMATEST-ARGS...
#
# Runs "simatest --deltas -n N ARGS" and checks every hook's delta against
# SPEC, a list of NAME=V or NAME>=V where V is a number, N or kN (k times
# the iteration count), or NAME=* (anything).  Hooks of the contract that
# SPEC does not name must not move, except the noisy inode_free; hooks
# unknown to this file are ignored.
expect_op() {
	_n=$1
	_spec=$2
	shift 2
	_desc="simatest -n $_n $*"
	_out=$E2E_TMP/deltas
	if ! simatest --deltas -n "$_n" "$@" >"$_out" 2>"$_out.err"; then
		bad "$_desc: $(cat "$_out.err")"
		return 1
	fi
	_before=$_failures
	for _h in $SIMA_HOOKS; do
		grep -q "^$_h " "$_out" || bad "$_desc: no '$_h' in hook_counts"
	done
	for _t in $_spec; do
		_h=${_t%%[>=]*}
		grep -q "^$_h " "$_out" ||
			bad "$_desc: spec names unknown '$_h'"
	done
	while read -r _h _d; do
		_e=$(_spec_for "$_h")
		case "$_e" in
		"eq "*)
			[ "$_d" -eq "${_e#eq }" ] || bad "$_desc:" \
				"$_h moved by $_d, expected ${_e#eq }"
			;;
		"ge "*)
			[ "$_d" -ge "${_e#ge }" ] || bad "$_desc:" \
				"$_h moved by $_d, expected >= ${_e#ge }"
			;;
		esac
	done <"$_out"
	if [ "$_failures" -ne "$_before" ]; then
		_all=$(awk '{ printf "%s=%s ", $1, $2 }' "$_out")
		echo "  all deltas: $_all" >&2
		return 1
	fi
	echo "ok  $_desc  [${_spec:-nothing moves}]"
}

# check_op SPEC SIMATEST-ARGS...: expect_op with each N of $SIMA_E2E_NS
check_op() {
	for _cn in $SIMA_E2E_NS; do
		expect_op "$_cn" "$@"
	done
}

# ---- files and logs --------------------------------------------------------

# scratch_dir VAR [NAME]: set VAR to a fresh directory on the ext4 scratch
# disk (removed again at exit)
scratch_dir() {
	grep -q " $SIMA_SCRATCH " /proc/mounts ||
		fail "$SIMA_SCRATCH not mounted"
	_d=$SIMA_SCRATCH/e2e-$E2E_NAME${2:+-$2}
	rm -rf "$_d"
	mkdir -p "$_d" || fail "cannot create $_d"
	_scratch_dirs="$_scratch_dirs $_d"
	eval "$1=\$_d"
}

# tmp_dir VAR: set VAR to a fresh directory on tmpfs (removed at exit)
tmp_dir() {
	_d=$E2E_TMP/files
	mkdir -p "$_d" || fail "cannot create $_d"
	eval "$1=\$_d"
}

# mk_file PATH: an 8 KiB regular file
mk_file() {
	dd if=/dev/urandom of="$1" bs=4096 count=2 2>/dev/null ||
		fail "cannot create $1"
}

# dmesg_mark: log a unique marker line and print it (no "sima" in it)
dmesg_mark() {
	_m="e2e-mark $E2E_NAME $$ $(date +%s) $(awk '{print $1}' /proc/uptime)"
	echo "$_m" >/dev/kmsg
	echo "$_m"
}

# dmesg_since MARK: kernel log lines after the marker
dmesg_since() {
	dmesg | awk -v m="$1" 'f { print } index($0, m) { f = 1 }'
}

_e2e_cleanup() {
	_rc=$?
	trap - EXIT
	if [ "$_testmod_loaded" = 1 ] && is_loaded sima_testmod; then
		rmmod sima_testmod 2>/dev/null
	fi
	if [ "$_sima_loaded" = 1 ] && [ -z "$SIMA_KEEP_LOADED" ] &&
	    is_loaded sima; then
		rmmod sima 2>/dev/null ||
			echo "# cleanup: rmmod sima failed" >&2
	fi
	if [ -n "$_hotplug_saved" ]; then
		echo "$_hotplug_saved" >/proc/sys/kernel/hotplug
	fi
	for _d in $_scratch_dirs; do
		rm -rf "$_d"
	done
	rm -rf "$E2E_TMP"
	exit $_rc
}
trap _e2e_cleanup EXIT
trap 'exit 130' INT TERM

hotplug_off
