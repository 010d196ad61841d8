#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 10-exec: bprm_check counts every security_bprm_check call.
#
# A static ELF exec (fork+execve+wait) costs, per exec: bprm_check 1,
# file_open 1 (open_exec) and file_free 1 (its last reference goes when the
# child exits), mmap_file once per executable PT_LOAD segment the ELF
# loader maps (simatest elf-xsegs), nothing else.  A #! script doubles
# bprm_check, file_open and file_free (script + interpreter).  A failing
# exec still counts what ran before it failed.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
cp /sima/bin/simatest "$W/prog" || fail "cannot copy simatest"
chmod 755 "$W/prog"
x=$(simatest elf-xsegs "$W/prog") || fail "elf-xsegs failed"
[ "$x" -ge 1 ] || fail "simatest has no executable segment?"
printf '#!%s true\n' "$W/prog" >"$W/script"
chmod 755 "$W/script"
printf 'hello world\n' >"$W/text"	# printable: no binfmt module request
chmod 755 "$W/text"
cp "$W/prog" "$W/noperm"
chmod 644 "$W/noperm"

sima_load

# on ext4 and on the initramfs
check_op "bprm_check=N file_open=N file_free=N mmap_file=${x}N" \
	exec "$W/prog" true
check_op "bprm_check=N file_open=N file_free=N mmap_file=${x}N" \
	exec /sima/bin/simatest true
check_op "bprm_check=2N file_open=2N file_free=2N mmap_file=${x}N" \
	exec "$W/script"
# ENOEXEC: opened and checked, then no binfmt takes it
check_op "bprm_check=N file_open=N file_free=N" \
	--expect-errno ENOEXEC exec "$W/text"
# EACCES: the open for exec fails, nothing is counted
check_op "" --expect-errno EACCES exec "$W/noperm"

sima_unload
pass
