/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - cases for src/kernel/classify.c, shared by KUnit and tests/unit
 *
 * Each row is one hooked operation and the decision native IMA 6.1 takes
 * for it (security_mmap_file, ima_file_mprotect, do_open, ima_read_file).
 */
#ifndef _SIMA_CLASSIFY_CASES_H
#define _SIMA_CLASSIFY_CASES_H

#include "sima/classify.h"

struct mmap_case {
	const char *name;
	unsigned long prot;
	unsigned int flags;
	unsigned long want_prot;
	bool want_exec;
};

#define RIE SIMA_MMAP_READ_IMPLIES_EXEC
#define FILE SIMA_MMAP_HAS_FILE
#define NOEXEC SIMA_MMAP_NOEXEC_MOUNT

static const struct mmap_case mmap_cases[] = {
	{ "file read", PROT_READ, FILE, PROT_READ, false },
	{ "file exec", PROT_READ | PROT_EXEC, FILE,
	  PROT_READ | PROT_EXEC, true },
	{ "file exec only", PROT_EXEC, FILE, PROT_EXEC, true },
	{ "file write", PROT_READ | PROT_WRITE, FILE,
	  PROT_READ | PROT_WRITE, false },
	{ "anon exec", PROT_READ | PROT_EXEC, 0, PROT_READ | PROT_EXEC, false },
	{ "anon read, read-implies-exec", PROT_READ, RIE,
	  PROT_READ | PROT_EXEC, false },
	{ "file read, read-implies-exec", PROT_READ, FILE | RIE,
	  PROT_READ | PROT_EXEC, true },
	{ "file rw, read-implies-exec", PROT_READ | PROT_WRITE, FILE | RIE,
	  PROT_READ | PROT_WRITE | PROT_EXEC, true },
	{ "noexec file read, read-implies-exec", PROT_READ,
	  FILE | RIE | NOEXEC, PROT_READ, false },
	{ "noexec file exec", PROT_READ | PROT_EXEC, FILE | NOEXEC,
	  PROT_READ | PROT_EXEC, true },
	{ "file none, read-implies-exec", PROT_NONE, FILE | RIE,
	  PROT_NONE, false },
	{ "file write only, read-implies-exec", PROT_WRITE, FILE | RIE,
	  PROT_WRITE, false },
};

#undef RIE
#undef FILE
#undef NOEXEC

struct mprotect_case {
	const char *name;
	unsigned long prot;
	bool vma_exec;
	bool has_file;
	bool want;
};

static const struct mprotect_case mprotect_cases[] = {
	{ "file read to exec", PROT_READ | PROT_EXEC, false, true, true },
	{ "file already exec", PROT_READ | PROT_EXEC, true, true, false },
	{ "file to read", PROT_READ, false, true, false },
	{ "anon to exec", PROT_READ | PROT_EXEC, false, false, false },
	{ "file exec only", PROT_EXEC, false, true, true },
};

struct open_case {
	const char *name;
	int acc_mode;
	int want;
};

static const struct open_case open_cases[] = {
	{ "O_RDONLY", MAY_OPEN | MAY_READ, MAY_READ },
	{ "O_WRONLY", MAY_OPEN | MAY_WRITE, MAY_WRITE },
	{ "O_RDWR", MAY_OPEN | MAY_READ | MAY_WRITE, MAY_READ | MAY_WRITE },
	{ "O_RDONLY|O_TRUNC", MAY_OPEN | MAY_READ | MAY_WRITE,
	  MAY_READ | MAY_WRITE },
	{ "O_WRONLY|O_APPEND", MAY_OPEN | MAY_WRITE | MAY_APPEND,
	  MAY_WRITE | MAY_APPEND },
	{ "open_exec", MAY_OPEN | MAY_EXEC, MAY_EXEC },
	{ "access bits only", MAY_ACCESS | MAY_OPEN, 0 },
};

struct id_case {
	const char *name;
	int id;
	enum sima_func want;
};

static const struct id_case read_id_cases[] = {
	{ "unknown", READING_UNKNOWN, SIMA_FUNC_FILE_CHECK },
	{ "firmware", READING_FIRMWARE, SIMA_FUNC_FIRMWARE_CHECK },
	{ "module", READING_MODULE, SIMA_FUNC_MODULE_CHECK },
	{ "kexec image", READING_KEXEC_IMAGE, SIMA_FUNC_KEXEC_KERNEL_CHECK },
	{ "kexec initramfs", READING_KEXEC_INITRAMFS,
	  SIMA_FUNC_KEXEC_INITRAMFS_CHECK },
	{ "policy", READING_POLICY, SIMA_FUNC_POLICY_CHECK },
	{ "x509", READING_X509_CERTIFICATE, SIMA_FUNC_FILE_CHECK },
	{ "out of range", READING_MAX_ID + 7, SIMA_FUNC_FILE_CHECK },
	{ "negative", -1, SIMA_FUNC_FILE_CHECK },
};

static const struct id_case load_id_cases[] = {
	{ "unknown", LOADING_UNKNOWN, SIMA_FUNC_NONE },
	{ "firmware", LOADING_FIRMWARE, SIMA_FUNC_FIRMWARE_CHECK },
	{ "module", LOADING_MODULE, SIMA_FUNC_MODULE_CHECK },
	{ "kexec image", LOADING_KEXEC_IMAGE, SIMA_FUNC_KEXEC_KERNEL_CHECK },
	{ "kexec initramfs", LOADING_KEXEC_INITRAMFS,
	  SIMA_FUNC_KEXEC_INITRAMFS_CHECK },
	{ "policy", LOADING_POLICY, SIMA_FUNC_POLICY_CHECK },
	{ "x509", LOADING_X509_CERTIFICATE, SIMA_FUNC_NONE },
	{ "out of range", LOADING_MAX_ID + 3, SIMA_FUNC_NONE },
};

#endif /* _SIMA_CLASSIFY_CASES_H */
