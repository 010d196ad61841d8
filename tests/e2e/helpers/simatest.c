// SPDX-License-Identifier: GPL-2.0
/*
 * simatest - perform one kernel operation N times for the sima e2e tests
 *
 * Usage: simatest [--deltas] [-n N] [--expect-errno E] SUBCMD ARGS...
 *
 * Each sub-command does its set-up (opening files, pre-setting xattrs...),
 * then repeats one operation N times, then tears down.  With --deltas the
 * hook counters in /sys/kernel/security/sima/hook_counts (or
 * $SIMA_HOOK_COUNTS) are read three times: A and B back to back before the
 * loop, C right after it.  Reading the file is itself a file_open and a
 * file_free, and B - A measures exactly that, so (C - B) - (B - A) is what
 * the N operations caused.  Set-up and tear-down are outside the window.
 * One "NAME DELTA" line per counter is printed, in the file's order.
 *
 * --expect-errno E (a number or a name such as ENOENT) makes the main call
 * of every iteration have to fail with E; success is then an error.
 *
 * Exit status: 0 ok, 1 an operation failed unexpectedly (message on
 * stderr), 2 usage error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/kexec.h>
#include <linux/openat2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define MAX_HOOKS	64
#define MAP_LEN		4096
#define MAP_ANON_OP	0x10000	/* op->arg flag: anonymous mapping */

struct snapshot {
	int nr;
	char name[MAX_HOOKS][64];
	long long val[MAX_HOOKS];
};

struct ctx {
	const struct op *op;
	char **argv;		/* sub-command arguments */
	int argc;
	long n;			/* iterations */
	long i;			/* current iteration */
	const char *what;	/* main call that failed */
	int fd;			/* set-up file descriptors */
	int fd2;
	void *buf;		/* set-up buffer (module image, handle) */
	size_t len;
	int old_pers;
	char path[PATH_MAX];
};

struct op {
	const char *name;
	const char *usage;
	int min_args;
	int max_args;
	int (*setup)(struct ctx *c);
	int (*run)(struct ctx *c);	/* 0 or errno of the main call */
	void (*teardown)(struct ctx *c);
	long arg;			/* op specific: open flags, mode... */
};

static const struct {
	const char *name;
	int val;
} errnames[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "ENOEXEC", ENOEXEC },
	{ "EACCES", EACCES }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "EINVAL", EINVAL }, { "EFBIG", EFBIG }, { "ENODATA", ENODATA },
	{ "EOPNOTSUPP", EOPNOTSUPP },
	{ "EISDIR", EISDIR }, { "ENOTDIR", ENOTDIR }, { "EROFS", EROFS },
	{ "ENODEV", ENODEV }, { "EKEYREJECTED", EKEYREJECTED },
};

static const char *errname(int e)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(errnames); k++)
		if (errnames[k].val == e)
			return errnames[k].name;
	return "?";
}

static noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("simatest: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* A helper syscall (not the measured one) failed: always fatal. */
static noreturn void die_errno(const char *call, const char *arg)
{
	int e = errno;

	die("%s(%s): %s [errno %d %s]", call, arg ? arg : "", strerror(e), e,
	    errname(e));
}

/* The main call failed: report errno to the loop. */
static int failed(struct ctx *c, const char *call)
{
	c->what = call;
	return errno ? errno : EIO;
}

static const char *arg(struct ctx *c, int k, const char *dflt)
{
	return k < c->argc ? c->argv[k] : dflt;
}

/* Name number i of a series: NAME, NAME.1, NAME.2 ... */
static const char *nth_name(struct ctx *c, const char *base, long i)
{
	if (i == 0)
		return base;
	snprintf(c->path, sizeof(c->path), "%s.%ld", base, i);
	return c->path;
}

/* ---- snapshots ------------------------------------------------------ */

static void snapshot(struct snapshot *s)
{
	const char *path = getenv("SIMA_HOOK_COUNTS");
	char buf[8192], *line, *save = NULL;
	ssize_t r;
	size_t len = 0;
	int fd;

	if (!path)
		path = "/sys/kernel/security/sima/hook_counts";
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die_errno("open", path);
	while ((r = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += r;
	if (r < 0)
		die_errno("read", path);
	close(fd);
	buf[len] = '\0';
	s->nr = 0;
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (s->nr == MAX_HOOKS)
			die("%s: more than %d lines", path, MAX_HOOKS);
		if (sscanf(line, "%63s %lld", s->name[s->nr],
			   &s->val[s->nr]) != 2)
			die("%s: bad line '%s'", path, line);
		s->nr++;
	}
	if (!s->nr)
		die("%s: empty", path);
}

static long long lookup(const struct snapshot *s, const char *name)
{
	int k;

	for (k = 0; k < s->nr; k++)
		if (!strcmp(s->name[k], name))
			return s->val[k];
	die("hook '%s' disappeared from hook_counts", name);
}

static void print_deltas(const struct snapshot *a, const struct snapshot *b,
			 const struct snapshot *c)
{
	int k;

	for (k = 0; k < c->nr; k++) {
		const char *h = c->name[k];
		long long cal = lookup(b, h) - lookup(a, h);

		printf("%s %lld\n", h, c->val[k] - lookup(b, h) - cal);
	}
}

/* ---- set-up helpers ------------------------------------------------- */

static int setup_open_ro(struct ctx *c)
{
	c->fd = open(c->argv[0], O_RDONLY | O_CLOEXEC);
	if (c->fd < 0)
		die_errno("open", c->argv[0]);
	return 0;
}

static int setup_open_wr(struct ctx *c)
{
	c->fd = open(c->argv[0], O_WRONLY | O_CLOEXEC);
	if (c->fd < 0)
		die_errno("open", c->argv[0]);
	return 0;
}

/* fd: read-write, fd2: read-only */
static int setup_open_rw_ro(struct ctx *c)
{
	c->fd = open(c->argv[0], O_RDWR | O_CLOEXEC);
	if (c->fd < 0)
		die_errno("open", c->argv[0]);
	c->fd2 = open(c->argv[0], O_RDONLY | O_CLOEXEC);
	if (c->fd2 < 0)
		die_errno("open", c->argv[0]);
	return 0;
}

static void teardown_close(struct ctx *c)
{
	if (c->fd >= 0)
		close(c->fd);
	if (c->fd2 >= 0)
		close(c->fd2);
	free(c->buf);
}

/* ---- exec ----------------------------------------------------------- */

static int run_exec(struct ctx *c)
{
	int pfd[2], st, e = 0;
	ssize_t r;
	pid_t pid;

	if (pipe2(pfd, O_CLOEXEC))
		die_errno("pipe2", NULL);
	pid = fork();
	if (pid < 0)
		die_errno("fork", NULL);
	if (pid == 0) {
		execv(c->argv[0], c->argv);
		e = errno;
		if (write(pfd[1], &e, sizeof(e)) < 0)
			_exit(126);
		_exit(127);
	}
	close(pfd[1]);
	r = read(pfd[0], &e, sizeof(e));
	close(pfd[0]);
	if (waitpid(pid, &st, 0) != pid)
		die_errno("waitpid", NULL);
	if (r == sizeof(e)) {
		errno = e;
		return failed(c, "execve");
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		die("exec %s: child status 0x%x", c->argv[0], st);
	return 0;
}

/* Number of executable PT_LOAD segments the ELF loader maps from FILE. */
static int elf_xsegs(const char *file)
{
	struct elf64_hdr eh;
	struct elf64_phdr ph;
	int fd, k, nr = 0;

	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die_errno("open", file);
	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64)
		die("%s: not a 64-bit ELF file", file);
	for (k = 0; k < eh.e_phnum; k++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff + k * eh.e_phentsize)
		    != sizeof(ph))
			die("%s: short program header", file);
		if (ph.p_type == PT_INTERP)
			die("%s: dynamically linked", file);
		if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) &&
		    ph.p_filesz)
			nr++;
	}
	close(fd);
	return nr;
}

/* ---- mmap / mprotect -------------------------------------------------- */

/* op->arg: PROT_READ plus these prot bits, | MAP_ANON_OP for anonymous */
static int run_mmap(struct ctx *c)
{
	int prot = PROT_READ | (c->op->arg & 0xff);
	int anon = c->op->arg & MAP_ANON_OP;
	void *p;

	if (anon)
		p = mmap(NULL, MAP_LEN, prot, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	else
		p = mmap(NULL, MAP_LEN, prot, MAP_PRIVATE, c->fd, 0);
	if (p == MAP_FAILED)
		return failed(c, "mmap");
	if (munmap(p, MAP_LEN))
		die_errno("munmap", NULL);
	return 0;
}

static int setup_rie(struct ctx *c)
{
	setup_open_ro(c);
	c->old_pers = personality(0xffffffff);
	if (personality(c->old_pers | READ_IMPLIES_EXEC) < 0)
		die_errno("personality", NULL);
	return 0;
}

static void teardown_rie(struct ctx *c)
{
	personality(c->old_pers);
	teardown_close(c);
}

/* op->arg: initial prot | new prot << 8, | MAP_ANON_OP for anonymous */
static int run_mprotect(struct ctx *c)
{
	int prot0 = c->op->arg & 0xff, prot1 = (c->op->arg >> 8) & 0xff;
	int anon = c->op->arg & MAP_ANON_OP;
	void *p;
	int e = 0;

	p = mmap(NULL, MAP_LEN, prot0, MAP_PRIVATE | (anon ? MAP_ANONYMOUS : 0),
		 anon ? -1 : c->fd, 0);
	if (p == MAP_FAILED)
		die_errno("mmap", anon ? NULL : c->argv[0]);
	if (mprotect(p, MAP_LEN, prot1))
		e = failed(c, "mprotect");
	if (munmap(p, MAP_LEN))
		die_errno("munmap", NULL);
	return e;
}

/* ---- open / close --------------------------------------------------- */

/* op->arg: open flags */
static int run_open(struct ctx *c)
{
	int fd = open(c->argv[0], c->op->arg | O_CLOEXEC, 0600);

	if (fd < 0)
		return failed(c, "open");
	close(fd);
	return 0;
}

static int run_creat(struct ctx *c)
{
	int fd = creat(c->argv[0], 0600);

	if (fd < 0)
		return failed(c, "creat");
	close(fd);
	return 0;
}

static int run_openat2(struct ctx *c)
{
	struct open_how how = { .flags = O_RDONLY | O_CLOEXEC };
	int fd = syscall(SYS_openat2, AT_FDCWD, c->argv[0], &how, sizeof(how));

	if (fd < 0)
		return failed(c, "openat2");
	close(fd);
	return 0;
}

static int setup_handle(struct ctx *c)
{
	struct file_handle *fh;
	int mnt_id;

	setup_open_ro(c);	/* any fd on the file's mount will do */
	fh = malloc(sizeof(*fh) + MAX_HANDLE_SZ);
	if (!fh)
		die("out of memory");
	fh->handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, c->argv[0], fh, &mnt_id, 0))
		die_errno("name_to_handle_at", c->argv[0]);
	c->buf = fh;
	return 0;
}

static int run_open_by_handle(struct ctx *c)
{
	int fd = open_by_handle_at(c->fd, c->buf, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return failed(c, "open_by_handle_at");
	close(fd);
	return 0;
}

/* dup the set-up fd and close the copy: never a final close */
static int run_dup_close(struct ctx *c)
{
	int fd = dup(c->fd);

	if (fd < 0)
		return failed(c, "dup");
	close(fd);
	return 0;
}

/* open, two dups, close all three: one final close */
static int run_open_dup_close(struct ctx *c)
{
	int fd = open(c->argv[0], O_RDONLY), d1, d2;

	if (fd < 0)
		return failed(c, "open");
	d1 = dup(fd);
	d2 = dup(fd);
	if (d1 < 0 || d2 < 0)
		die_errno("dup", NULL);
	close(fd);
	close(d1);
	close(d2);
	return 0;
}

/* open, mmap, close the fd, munmap: the final close is the munmap */
static int run_close_mmap(struct ctx *c)
{
	int fd = open(c->argv[0], O_RDONLY | O_CLOEXEC);
	void *p;

	if (fd < 0)
		return failed(c, "open");
	p = mmap(NULL, MAP_LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		die_errno("mmap", c->argv[0]);
	close(fd);
	if (munmap(p, MAP_LEN))
		die_errno("munmap", NULL);
	return 0;
}

/* open a fifo for reading (blocks until a writer comes), copy to stdout */
static int run_sleep_open(struct ctx *c)
{
	char buf[512];
	ssize_t r;
	int fd = open(c->argv[0], O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return failed(c, "open");
	while ((r = read(fd, buf, sizeof(buf))) > 0)
		if (fwrite(buf, 1, r, stdout) != (size_t)r)
			die_errno("fwrite", NULL);
	if (r < 0)
		die_errno("read", c->argv[0]);
	close(fd);
	fflush(stdout);
	return 0;
}

static int run_unlink_create(struct ctx *c)
{
	char p[PATH_MAX];
	int fd;

	snprintf(p, sizeof(p), "%s/simatest.uc.%d.%ld", c->argv[0],
		 (int)getpid(), c->i);
	fd = open(p, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0)
		return failed(c, "open");
	close(fd);
	if (unlink(p))
		die_errno("unlink", p);
	return 0;
}

/* ---- tmpfile / mknod ------------------------------------------------ */

static int run_tmpfile(struct ctx *c)
{
	int fd = open(c->argv[0], O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);

	if (fd < 0)
		return failed(c, "open(O_TMPFILE)");
	close(fd);
	return 0;
}

/*
 * tmpfile-link DIR NAME [UID]: as UID, an O_TMPFILE in DIR gets eight
 * bytes and is linked in as DIR/NAME before its close.
 */
static int run_tmpfile_link(struct ctx *c)
{
	char proc[64], path[PATH_MAX];
	uid_t id;
	int fd;

	if (c->argc > 2) {
		id = strtoul(c->argv[2], NULL, 0);
		if (setresuid(id, id, id))
			return failed(c, "setresuid");
	}
	fd = open(c->argv[0], O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
	if (fd < 0)
		return failed(c, "open(O_TMPFILE)");
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	snprintf(path, sizeof(path), "%s/%s", c->argv[0], c->argv[1]);
	if (write(fd, "tmpfile\n", 8) != 8) {
		close(fd);
		return failed(c, "write");
	}
	if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW)) {
		close(fd);
		return failed(c, "linkat");
	}
	return close(fd) ? failed(c, "close") : 0;
}

/*
 * mmap-exec-beside-writer FILE: FILE mapped shared and writable, then an
 * executable mapping of it through another descriptor.
 */
static int run_mmap_exec_beside_writer(struct ctx *c)
{
	size_t len = 4096;
	void *w, *x;
	int rc = 0;

	w = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, c->fd, 0);
	if (w == MAP_FAILED)
		return failed(c, "mmap(PROT_WRITE, MAP_SHARED)");
	x = mmap(NULL, len, PROT_READ | PROT_EXEC, MAP_PRIVATE, c->fd2, 0);
	if (x == MAP_FAILED)
		rc = failed(c, "mmap(PROT_EXEC)");
	else
		munmap(x, len);
	munmap(w, len);
	return rc;
}

/* op->arg: file type; the node is unlinked again after a success */
static int run_mknod(struct ctx *c)
{
	dev_t dev = c->op->arg == S_IFCHR ? makedev(1, 3) : 0;

	if (mknod(c->argv[0], c->op->arg | 0600, dev))
		return failed(c, "mknod");
	if (unlink(c->argv[0]))
		die_errno("unlink", c->argv[0]);
	return 0;
}

/* Freeze or thaw the file system of a path (FIFREEZE, FITHAW). */
static int run_freeze(struct ctx *c)
{
	int fd = open(c->argv[0], O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return failed(c, "open");
	if (ioctl(fd, c->op->arg, 0)) {
		close(fd);
		return failed(c, c->op->arg == FIFREEZE ? "FIFREEZE" : "FITHAW");
	}
	close(fd);
	return 0;
}

/* ---- modules, firmware, kexec --------------------------------------- */

static void module_name(struct ctx *c, const char *file)
{
	const char *b = strrchr(file, '/');
	char *p;

	snprintf(c->path, sizeof(c->path), "%s", b ? b + 1 : file);
	p = strstr(c->path, ".ko");
	if (p)
		*p = '\0';
	for (p = c->path; *p; p++)
		if (*p == '-')
			*p = '_';
}

static int setup_finit(struct ctx *c)
{
	setup_open_ro(c);
	module_name(c, c->argv[0]);
	return 0;
}

static int setup_init(struct ctx *c)
{
	struct stat st;

	setup_finit(c);
	if (fstat(c->fd, &st))
		die_errno("fstat", c->argv[0]);
	c->len = st.st_size;
	c->buf = malloc(c->len);
	if (!c->buf)
		die("out of memory");
	if (pread(c->fd, c->buf, c->len, 0) != (ssize_t)c->len)
		die_errno("pread", c->argv[0]);
	return 0;
}

static void unload_module(struct ctx *c)
{
	if (syscall(SYS_delete_module, c->path, O_NONBLOCK))
		die_errno("delete_module", c->path);
}

static int run_finit(struct ctx *c)
{
	if (syscall(SYS_finit_module, c->fd, "", 0))
		return failed(c, "finit_module");
	unload_module(c);
	return 0;
}

static int run_init(struct ctx *c)
{
	if (syscall(SYS_init_module, c->buf, c->len, ""))
		return failed(c, "init_module");
	unload_module(c);
	return 0;
}

static int run_write(struct ctx *c)
{
	size_t len = strlen(c->argv[1]);

	if (pwrite(c->fd, c->argv[1], len, 0) != (ssize_t)len)
		return failed(c, "write");
	return 0;
}

static int setup_kexec(struct ctx *c)
{
	setup_open_ro(c);
	c->fd2 = open(c->argv[1], O_RDONLY | O_CLOEXEC);
	if (c->fd2 < 0)
		die_errno("open", c->argv[1]);
	return 0;
}

static int run_kexec(struct ctx *c)
{
	const char *cmdline = arg(c, 2, "");

	if (syscall(SYS_kexec_file_load, c->fd, c->fd2, strlen(cmdline) + 1,
		    cmdline, 0UL))
		return failed(c, "kexec_file_load");
	if (syscall(SYS_kexec_file_load, -1, -1, 0UL, NULL,
		    (unsigned long)KEXEC_FILE_UNLOAD))
		die_errno("kexec_file_load", "KEXEC_FILE_UNLOAD");
	return 0;
}

/* ---- xattr / setattr ------------------------------------------------ */

/* op->arg: setxattr flags; XATTR_CREATE also walks NAME, NAME.1 ... */
static int run_setxattr(struct ctx *c)
{
	const char *v = c->argv[2];
	const char *name = c->op->arg ? nth_name(c, c->argv[1], c->i)
				      : c->argv[1];

	if (setxattr(c->argv[0], name, v, strlen(v), c->op->arg))
		return failed(c, "setxattr");
	return 0;
}

/* pre-set NAME, NAME.1 ... NAME.(N-1) so that every removal succeeds */
static int setup_removexattr(struct ctx *c)
{
	long i;

	for (i = 0; i < c->n; i++) {
		const char *name = nth_name(c, c->argv[1], i);

		if (setxattr(c->argv[0], name, "sima", 4, 0))
			die_errno("setxattr", name);
	}
	return 0;
}

static int run_removexattr(struct ctx *c)
{
	if (removexattr(c->argv[0], nth_name(c, c->argv[1], c->i)))
		return failed(c, "removexattr");
	return 0;
}

/* op->arg: which notify_change to make */
enum { SA_CHMOD, SA_CHOWN, SA_TRUNCATE, SA_FTRUNCATE, SA_UTIMES };

static int run_setattr(struct ctx *c)
{
	const char *f = c->argv[0];
	int r = -1;

	switch (c->op->arg) {
	case SA_CHMOD:
		r = chmod(f, c->i & 1 ? 0600 : 0644);
		break;
	case SA_CHOWN:
		r = chown(f, getuid(), getgid());
		break;
	case SA_TRUNCATE:
		r = truncate(f, strtoll(arg(c, 1, "0"), NULL, 0));
		break;
	case SA_FTRUNCATE:
		r = ftruncate(c->fd, 0);
		break;
	case SA_UTIMES:
		r = utimensat(AT_FDCWD, f, NULL, 0);
		break;
	}
	return r ? failed(c, c->op->name) : 0;
}

static noreturn void bad_usage(void);

/*
 * open-seq STEP...: one task, pinned to the CPU it starts on, takes the
 * steps in order with no other file access in between, so that each
 * access's policy decision directly follows the one before on that CPU:
 *   r:FILE  w:FILE   open (read / write) and close FILE
 *   uid:N, gid:N     make every uid (real, effective, saved) or every
 *                    gid N: after uid:, no way back
 *   pol:FILE         open FILE (a policy file) for writing
 *   rule:LINE        write LINE and a newline to it
 *   load             close it: the rules become active
 */
static int run_open_seq(struct ctx *c)
{
	cpu_set_t cpus;
	int k, fd, pol = -1;

	CPU_ZERO(&cpus);
	CPU_SET(sched_getcpu(), &cpus);
	if (sched_setaffinity(0, sizeof(cpus), &cpus))
		return failed(c, "sched_setaffinity");
	for (k = 0; k < c->argc; k++) {
		const char *s = c->argv[k], *v = strchr(s, ':');
		char line[512];
		uid_t id;

		v = v ? v + 1 : "";
		if (!strncmp(s, "r:", 2) || !strncmp(s, "w:", 2)) {
			fd = open(v, (*s == 'r' ? O_RDONLY : O_WRONLY) |
				  O_CLOEXEC);
			if (fd < 0)
				return failed(c, s);
			close(fd);
		} else if (!strncmp(s, "uid:", 4)) {
			id = strtoul(v, NULL, 0);
			if (setresuid(id, id, id))
				return failed(c, s);
		} else if (!strncmp(s, "gid:", 4)) {
			id = strtoul(v, NULL, 0);
			if (setresgid(id, id, id))
				return failed(c, s);
		} else if (!strncmp(s, "pol:", 4)) {
			pol = open(v, O_WRONLY | O_CLOEXEC);
			if (pol < 0)
				return failed(c, s);
		} else if (!strncmp(s, "rule:", 5)) {
			snprintf(line, sizeof(line), "%s\n", v);
			if (write(pol, line, strlen(line)) != (ssize_t)strlen(line))
				return failed(c, s);
		} else if (!strcmp(s, "load")) {
			if (close(pol))
				return failed(c, s);
			pol = -1;
		} else {
			bad_usage();
		}
	}
	return 0;
}

static int run_true(struct ctx *c)
{
	(void)c;
	return 0;
}

/* ---- the table ------------------------------------------------------ */

#define RX	(PROT_READ | PROT_EXEC)
#define RW	(PROT_READ | PROT_WRITE)

/* one FILE/DIR/PATH argument, no set-up */
#define OP1(name, usage, run, arg) { name, usage, 1, 1, NULL, run, NULL, arg }
/* one FILE argument opened by @setup before the window */
#define OPFD(name, setup, run, arg) \
	{ name, "FILE", 1, 1, setup, run, teardown_close, arg }

static const struct op ops[] = {
	{ "true", "", 0, 99, NULL, run_true, NULL, 0 },
	{ "open-seq", "STEP...", 1, 99, NULL, run_open_seq, NULL, 0 },
	{ "exec", "PATH [ARGS...]", 1, 99, NULL, run_exec, NULL, 0 },
	OPFD("mmap-exec", setup_open_ro, run_mmap, PROT_EXEC),
	OPFD("mmap-read", setup_open_ro, run_mmap, 0),
	{ "mmap-read-rie", "FILE", 1, 1, setup_rie, run_mmap, teardown_rie, 0 },
	{ "mmap-anon-exec", "", 0, 0, NULL, run_mmap, NULL,
	  PROT_EXEC | MAP_ANON_OP },
	OPFD("mprotect-exec", setup_open_ro, run_mprotect, PROT_READ | RX << 8),
	OPFD("mprotect-reexec", setup_open_ro, run_mprotect, RX | RX << 8),
	OPFD("mprotect-write", setup_open_ro, run_mprotect, PROT_READ | RW << 8),
	{ "mprotect-anon", "", 0, 0, NULL, run_mprotect, NULL,
	  PROT_READ | RX << 8 | MAP_ANON_OP },
	OP1("open-read", "FILE", run_open, O_RDONLY),
	OP1("open-write", "FILE", run_open, O_WRONLY),
	OP1("open-rdwr", "FILE", run_open, O_RDWR),
	OP1("open-trunc", "FILE", run_open, O_WRONLY | O_TRUNC),
	OP1("open-dir", "DIR", run_open, O_RDONLY | O_DIRECTORY),
	OP1("open-path", "FILE", run_open, O_PATH),
	OP1("creat", "FILE", run_creat, 0),
	OP1("openat2", "FILE", run_openat2, 0),
	OPFD("open-by-handle", setup_handle, run_open_by_handle, 0),
	OPFD("dup-close", setup_open_ro, run_dup_close, 0),
	OP1("open-dup-close", "FILE", run_open_dup_close, 0),
	OP1("close-mmap", "FILE", run_close_mmap, 0),
	OP1("sleep-open", "FIFO", run_sleep_open, 0),
	OP1("unlink-create", "DIR", run_unlink_create, 0),
	OP1("tmpfile", "DIR", run_tmpfile, 0),
	{ "tmpfile-link", "DIR NAME [UID]", 2, 3, NULL, run_tmpfile_link,
	  NULL, 0 },
	{ "mmap-exec-beside-writer", "FILE", 1, 1, setup_open_rw_ro,
	  run_mmap_exec_beside_writer, teardown_close, 0 },
	OP1("mknod-reg", "PATH", run_mknod, S_IFREG),
	OP1("mknod-fifo", "PATH", run_mknod, S_IFIFO),
	OP1("mknod-chr", "PATH", run_mknod, S_IFCHR),
	OP1("freeze", "PATH", run_freeze, FIFREEZE),
	OP1("thaw", "PATH", run_freeze, FITHAW),
	{ "finit", "MODULE.ko", 1, 1, setup_finit, run_finit, teardown_close,
	  0 },
	{ "init", "MODULE.ko", 1, 1, setup_init, run_init, teardown_close, 0 },
	{ "write", "FILE STRING", 2, 2, setup_open_wr, run_write,
	  teardown_close, 0 },
	{ "kexec", "KERNEL INITRD [CMDLINE]", 2, 3, setup_kexec, run_kexec,
	  teardown_close, 0 },
	{ "setxattr", "FILE NAME VALUE", 3, 3, NULL, run_setxattr, NULL, 0 },
	{ "setxattr-create", "FILE NAME VALUE", 3, 3, NULL, run_setxattr,
	  NULL, XATTR_CREATE },
	{ "removexattr", "FILE NAME", 2, 2, setup_removexattr,
	  run_removexattr, NULL, 0 },
	{ "rmxattr", "FILE NAME", 2, 2, NULL, run_removexattr, NULL, 0 },
	OP1("chmod", "FILE", run_setattr, SA_CHMOD),
	OP1("chown", "FILE", run_setattr, SA_CHOWN),
	{ "truncate", "FILE [SIZE]", 1, 2, NULL, run_setattr, NULL,
	  SA_TRUNCATE },
	OPFD("ftruncate", setup_open_wr, run_setattr, SA_FTRUNCATE),
	OP1("utimes", "FILE", run_setattr, SA_UTIMES),
};

#define NR_OPS	ARRAY_SIZE(ops)

static noreturn void bad_usage(void)
{
	size_t k;

	fputs("usage: simatest [--deltas] [-n N] [--expect-errno E] SUBCMD ARGS\n"
	      "       simatest elf-xsegs ELF\n"
	      "sub-commands:\n", stderr);
	for (k = 0; k < NR_OPS; k++)
		fprintf(stderr, "  %s %s\n", ops[k].name, ops[k].usage);
	exit(2);
}

static int parse_errno(const char *s)
{
	size_t k;
	char *end;
	long v;

	for (k = 0; k < ARRAY_SIZE(errnames); k++)
		if (!strcmp(errnames[k].name, s))
			return errnames[k].val;
	v = strtol(s, &end, 0);
	if (*end || v <= 0)
		bad_usage();
	return v;
}

int main(int argc, char **argv)
{
	struct snapshot sa, sb, sc;
	struct ctx c = { .n = 1, .fd = -1, .fd2 = -1 };
	int deltas = 0, expect = 0, a = 1, rc;
	size_t k;

	for (; a < argc && argv[a][0] == '-'; a++) {
		if (!strcmp(argv[a], "--deltas")) {
			deltas = 1;
		} else if (!strcmp(argv[a], "-n") && a + 1 < argc) {
			c.n = strtol(argv[++a], NULL, 0);
			if (c.n < 1)
				bad_usage();
		} else if (!strcmp(argv[a], "--expect-errno") && a + 1 < argc) {
			expect = parse_errno(argv[++a]);
		} else {
			bad_usage();
		}
	}
	if (a >= argc)
		bad_usage();
	if (!strcmp(argv[a], "elf-xsegs") && a + 1 < argc) {
		printf("%d\n", elf_xsegs(argv[a + 1]));
		return 0;
	}
	for (k = 0; k < NR_OPS && strcmp(ops[k].name, argv[a]); k++)
		;
	if (k == NR_OPS)
		bad_usage();
	c.op = &ops[k];
	c.argv = argv + a + 1;
	c.argc = argc - a - 1;
	if (c.argc < c.op->min_args || c.argc > c.op->max_args)
		bad_usage();

	if (c.op->setup)
		c.op->setup(&c);
	if (deltas) {
		snapshot(&sa);
		snapshot(&sb);
	}
	for (c.i = 0; c.i < c.n; c.i++) {
		errno = 0;
		rc = c.op->run(&c);
		if (expect && !rc)
			die("%s: iteration %ld succeeded, expected %s",
			    c.op->name, c.i, errname(expect));
		if (expect && rc != expect)
			die("%s: %s: %s [errno %d %s], expected %s", c.op->name,
			    c.what, strerror(rc), rc, errname(rc),
			    errname(expect));
		if (!expect && rc)
			die("%s: %s: %s [errno %d %s]", c.op->name, c.what,
			    strerror(rc), rc, errname(rc));
	}
	if (deltas)
		snapshot(&sc);
	if (c.op->teardown)
		c.op->teardown(&c);
	if (deltas)
		print_deltas(&sa, &sb, &sc);
	return 0;
}
