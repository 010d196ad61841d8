#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 12-mprotect: file_mprotect counts an mprotect that adds PROT_EXEC to a
# file mapping that was not executable.  Per iteration the helper maps one
# page, mprotects it and unmaps it (file opened outside the window):
#   PROT_READ -> PROT_READ|PROT_EXEC		file_mprotect 1
#   PROT_READ|PROT_EXEC -> same		mmap_file 1 (the mmap), mprotect 0
#   PROT_READ -> PROT_READ|PROT_WRITE	nothing
#   anonymous PROT_READ -> PROT_READ|PROT_EXEC	nothing
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/data"

sima_load

check_op "file_mprotect=N" mprotect-exec "$W/data"
check_op "mmap_file=N" mprotect-reexec "$W/data"
check_op "" mprotect-write "$W/data"
check_op "" mprotect-anon

sima_unload
pass
