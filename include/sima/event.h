/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sima - one integrity event per hooked kernel operation
 *
 * Every hook wrapper fills a struct sima_event from its arguments and hands
 * it to sima_dispatch() (sima/dispatch.h), the single place that decides
 * what to do.
 */
#ifndef _SIMA_EVENT_H
#define _SIMA_EVENT_H

#include <linux/types.h>

#include "sima/func.h"

struct cred;
struct dentry;
struct file;
struct iattr;
struct inode;
struct kimage;

enum sima_hook_id {
#define SIMA_HOOK_DEF(id, name) SIMA_EV_##id,
#include "sima/hooks.def"
#undef SIMA_HOOK_DEF
	SIMA_NR_HOOKS
};

/**
 * struct sima_event - what a hook saw
 * @hook: which hook point fired
 * @func: the IMA func the operation maps to (SIMA_FUNC_NONE if none)
 * @mask: MAY_* access bits for file events
 * @cred: credentials to judge the access with
 * @bprm_cred: for exec, the credentials the program will run with
 *	(CREDS_CHECK judges by them)
 * @file: the file involved, if any
 * @dentry: the dentry involved (xattr, attribute and create events)
 * @inode: the inode involved; set for every file and inode event
 * @buf: contents read or loaded by the kernel, or the kexec command line
 * @size: length of @buf
 * @id: kernel_read_file_id or kernel_load_data_id
 * @contents: the kernel will pass the whole contents to a post hook
 * @xattr_name: name of the extended attribute being changed
 * @xattr_value: its new value (setxattr)
 * @xattr_size: length of @xattr_value
 * @attr: the attribute change (setattr)
 * @keyring: description of the keyring a key was added to
 * @label: the label of a critical-data event (label= matches it)
 * @data_name: the name of a critical-data event, as the list shows it
 * @hash_buf: measure the digest of @buf rather than @buf itself
 * @truncating: an O_TRUNC open checked inside its truncation, which holds
 *	one write access of its own on the inode
 *
 * Pointers are borrowed from the hooked call and valid only during
 * sima_dispatch().
 */
struct sima_event {
	enum sima_hook_id hook;
	enum sima_func func;
	int mask;
	const struct cred *cred;
	const struct cred *bprm_cred;
	struct file *file;
	struct dentry *dentry;
	struct inode *inode;
	const void *buf;
	loff_t size;
	int id;
	bool contents;
	const char *xattr_name;
	const void *xattr_value;
	size_t xattr_size;
	const struct iattr *attr;
	const char *keyring;
	const char *label;
	const char *data_name;
	bool hash_buf;
	bool truncating;
};

#endif /* _SIMA_EVENT_H */
