#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 14-close: file_free counts final closes (__fput) of regular files, not
# close() calls:
#   dup + close of the copy (original open outside the window)	nothing
#   open, dup, dup, close all three				1 open, 1 free
#   open, mmap, close, munmap (the munmap drops the last ref)	1 open, 1 free
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

scratch_dir W
mk_file "$W/f"

sima_load

check_op "" dup-close "$W/f"
check_op "file_open=N file_free=N" open-dup-close "$W/f"
check_op "file_open=N file_free=N" close-mmap "$W/f"

sima_unload
pass
