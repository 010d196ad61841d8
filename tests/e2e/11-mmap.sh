#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 11-mmap: mmap_file counts file mappings that are executable: PROT_EXEC,
# or PROT_READ under READ_IMPLIES_EXEC.  PROT_READ mappings and anonymous
# PROT_EXEC mappings are not counted.  The file is opened before and
# closed after the measured window, so mmap_file is the only hook to move.
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/data"
tmp_dir T
mk_file "$T/data"

sima_load

check_op "mmap_file=N" mmap-exec "$W/data"
check_op "" mmap-read "$W/data"
check_op "mmap_file=N" mmap-read-rie "$W/data"
check_op "" mmap-anon-exec
# tmpfs: PROT_READ is never counted, whatever the mount options
check_op "" mmap-read "$T/data"

sima_unload
pass
