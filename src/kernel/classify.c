// SPDX-License-Identifier: GPL-2.0
/*
 * sima - pure decisions about what a hooked operation means to IMA
 *
 * Kept free of kernel state so that tests/unit and KUnit check the very
 * code the hooks run.
 */

#include "sima/classify.h"

/**
 * sima_mmap_prot - the protection IMA sees for an mmap request
 * @prot: PROT_* bits the caller asked for
 * @flags: SIMA_MMAP_* facts about the caller and the file
 *
 * A READ_IMPLIES_EXEC personality turns a readable mapping executable
 * unless the file sits on a noexec mount, exactly as security_mmap_file()
 * adjusts it before it calls IMA.
 *
 * Return: @prot, with PROT_EXEC added where the kernel adds it.
 */
unsigned long sima_mmap_prot(unsigned long prot, unsigned int flags)
{
	if ((prot & (PROT_READ | PROT_EXEC)) != PROT_READ)
		return prot;
	if (!(flags & SIMA_MMAP_READ_IMPLIES_EXEC))
		return prot;
	if ((flags & SIMA_MMAP_HAS_FILE) && (flags & SIMA_MMAP_NOEXEC_MOUNT))
		return prot;
	return prot | PROT_EXEC;
}

/**
 * sima_mmap_is_exec - is this mmap an MMAP_CHECK event
 * @prot: PROT_* bits the caller asked for
 * @flags: SIMA_MMAP_* facts about the caller and the file
 *
 * Return: true for an executable mapping of a file.
 */
bool sima_mmap_is_exec(unsigned long prot, unsigned int flags)
{
	if (!(flags & SIMA_MMAP_HAS_FILE))
		return false;
	return sima_mmap_prot(prot, flags) & PROT_EXEC;
}

/**
 * sima_mprotect_adds_exec - does mprotect make a file mapping executable
 * @prot: the new protection, after the READ_IMPLIES_EXEC adjustment
 * @vma_exec: the mapping already has VM_EXEC
 * @has_file: the mapping is file backed
 *
 * Return: true when IMA must look at the mapping's file.
 */
bool sima_mprotect_adds_exec(unsigned long prot, bool vma_exec, bool has_file)
{
	return has_file && (prot & PROT_EXEC) && !vma_exec;
}

/**
 * sima_read_id_func - the IMA func of a kernel_read_file() reason
 * @id: enum kernel_read_file_id
 *
 * Return: the func; reads of unknown purpose count as FILE_CHECK.
 */
enum sima_func sima_read_id_func(int id)
{
	switch (id) {
	case READING_FIRMWARE:
		return SIMA_FUNC_FIRMWARE_CHECK;
	case READING_MODULE:
		return SIMA_FUNC_MODULE_CHECK;
	case READING_KEXEC_IMAGE:
		return SIMA_FUNC_KEXEC_KERNEL_CHECK;
	case READING_KEXEC_INITRAMFS:
		return SIMA_FUNC_KEXEC_INITRAMFS_CHECK;
	case READING_POLICY:
		return SIMA_FUNC_POLICY_CHECK;
	default:
		return SIMA_FUNC_FILE_CHECK;
	}
}

/**
 * sima_load_id_func - the IMA func of a kernel_load_data() reason
 * @id: enum kernel_load_data_id
 *
 * Return: the func; loads that IMA does not check give SIMA_FUNC_NONE.
 */
enum sima_func sima_load_id_func(int id)
{
	switch (id) {
	case LOADING_FIRMWARE:
		return SIMA_FUNC_FIRMWARE_CHECK;
	case LOADING_MODULE:
		return SIMA_FUNC_MODULE_CHECK;
	case LOADING_KEXEC_IMAGE:
		return SIMA_FUNC_KEXEC_KERNEL_CHECK;
	case LOADING_KEXEC_INITRAMFS:
		return SIMA_FUNC_KEXEC_INITRAMFS_CHECK;
	case LOADING_POLICY:
		return SIMA_FUNC_POLICY_CHECK;
	default:
		return SIMA_FUNC_NONE;
	}
}
