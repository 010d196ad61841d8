// SPDX-License-Identifier: GPL-2.0
/*
 * parityop - one system call of a parity probe, its outcome on stdout
 *
 * Usage: parityop [-u UID] OP ARGS...
 *
 * Prints "ok", or "CALL:ERRNAME" for the first call that failed (e.g.
 * "open:EACCES", "read:EIO"), and exits 0: the outcome is data, compared
 * between native IMA and sima by tests/parity/compare.py.  Exit 2 on a
 * usage error.  -u UID drops to that uid (and gid) first.
 *
 *   open PATH FLAGS [r|w]   open(2) with FLAGS, a comma list of rdonly,
 *                           wronly, rdwr, trunc, append, creat, direct;
 *                           then read the file whole (r) or write one
 *                           4 KiB block (w); then close
 *   tmpfile DIR [LINK]      O_TMPFILE|O_RDWR in DIR, write a block, read
 *                           it back, link it as LINK if given
 *   exec PATH               fork, execve(PATH, [PATH, "true"]), wait:
 *                           "ok" only if the program ran and exited 0
 *   mmap PATH               mmap(PROT_READ|PROT_EXEC, MAP_PRIVATE)
 *   mprotect PATH           mmap(PROT_READ), then mprotect adding PROT_EXEC
 *   mmap-writable PATH      map PATH shared and writable, then as mmap
 *   setxattr PATH NAME HEX  setxattr with the value given in hex
 *   removexattr PATH NAME
 *   finit PATH              finit_module(2), no parameters
 *   init PATH               init_module(2) of the file's bytes
 *   kexec KERNEL INITRD CMD kexec_file_load(2), then unload it again
 *   kexec-load              kexec_load(2) with no segments (an unload)
 *   policy PATH TEXT        open PATH for write, write TEXT (a newline
 *                           ends each rule; partial writes resumed), close
 *   read PATH               open PATH read-only and read it whole
 *   now                     CLOCK_REALTIME_COARSE as SECONDS.MILLISECONDS,
 *                           the clock audit records are stamped with
 *   true                    exit 0 (what a copy of parityop runs as)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kexec.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#define BLOCK		4096
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* one block, aligned for O_DIRECT */
static char *block;

static int outcome(const char *call, int err)
{
	if (err)
		printf("%s:%s\n", call, strerrorname_np(err) ?: "E?");
	else
		printf("ok\n");
	return 0;
}

static int bad_usage(void)
{
	fprintf(stderr, "parityop [-u UID] OP ARGS...: see its source\n");
	return 2;
}

static int read_all(int fd)
{
	ssize_t n;

	while ((n = read(fd, block, BLOCK)) > 0)
		;
	return n < 0 ? errno : 0;
}

static int parse_flags(const char *s, int *flags)
{
	static const struct {
		const char *name;
		int flag;
	} tab[] = {
		{ "rdonly", O_RDONLY }, { "wronly", O_WRONLY },
		{ "rdwr", O_RDWR }, { "trunc", O_TRUNC },
		{ "append", O_APPEND }, { "creat", O_CREAT },
		{ "direct", O_DIRECT },
	};
	char *copy = strdup(s), *tok, *save;
	size_t k;

	*flags = 0;
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (k = 0; k < ARRAY_SIZE(tab); k++)
			if (!strcmp(tok, tab[k].name))
				break;
		if (k == ARRAY_SIZE(tab)) {
			free(copy);
			return -1;
		}
		*flags |= tab[k].flag;
	}
	free(copy);
	return 0;
}

static int op_open(int argc, char **argv)
{
	int flags, fd, err = 0;
	const char *what = argc > 2 ? argv[2] : "";

	if (argc < 2 || parse_flags(argv[1], &flags))
		return bad_usage();
	memset(block, 'w', BLOCK);
	fd = open(argv[0], flags | O_CLOEXEC, 0644);
	if (fd < 0)
		return outcome("open", errno);
	if (*what == 'r')
		err = read_all(fd);
	else if (*what == 'w' && write(fd, block, BLOCK) != BLOCK)
		err = errno ? errno : EIO;
	if (err) {
		close(fd);
		return outcome(*what == 'r' ? "read" : "write", err);
	}
	return outcome("close", close(fd) ? errno : 0);
}

static int op_tmpfile(int argc, char **argv)
{
	char proc[64];
	int fd;

	memset(block, 't', BLOCK);
	fd = open(argv[0], O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
	if (fd < 0)
		return outcome("open", errno);
	if (write(fd, block, BLOCK) != BLOCK)
		return outcome("write", errno ? errno : EIO);
	if (lseek(fd, 0, SEEK_SET) < 0 || read_all(fd))
		return outcome("read", errno);
	if (argc > 1) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, argv[1],
			   AT_SYMLINK_FOLLOW))
			return outcome("linkat", errno);
	}
	return outcome("close", close(fd) ? errno : 0);
}

/* The child reports a failed execve() through a close-on-exec pipe. */
static int op_exec(char **argv)
{
	int p[2], err = 0, status;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC))
		return outcome("pipe", errno);
	pid = fork();
	if (pid < 0)
		return outcome("fork", errno);
	if (!pid) {
		execl(argv[0], argv[0], "true", (char *)NULL);
		err = errno;
		if (write(p[1], &err, sizeof(err)) != sizeof(err))
			_exit(126);
		_exit(127);
	}
	close(p[1]);
	if (read(p[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	if (waitpid(pid, &status, 0) < 0)
		return outcome("waitpid", errno);
	if (err)
		return outcome("execve", err);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return outcome("run", WIFSIGNALED(status) ? EINTR : EIO);
	return outcome("exec", 0);
}

static int op_map(char **argv, int protect)
{
	int fd = open(argv[0], O_RDONLY | O_CLOEXEC);
	void *m;

	if (fd < 0)
		return outcome("open", errno);
	m = mmap(NULL, BLOCK, protect ? PROT_READ : PROT_READ | PROT_EXEC,
		 MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED)
		return outcome("mmap", errno);
	if (protect && mprotect(m, BLOCK, PROT_READ | PROT_EXEC))
		return outcome("mprotect", errno);
	munmap(m, BLOCK);
	close(fd);
	return outcome("mmap", 0);
}

/* A shared writable mapping of PATH, kept while PATH is mapped to exec. */
static int op_map_writable(char **argv)
{
	int fd = open(argv[0], O_RDWR | O_CLOEXEC);
	void *w;

	if (fd < 0)
		return outcome("open", errno);
	w = mmap(NULL, BLOCK, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (w == MAP_FAILED)
		return outcome("mmap", errno);
	return op_map(argv, 0);
}

static int hexval(const char *hex, unsigned char *out, size_t max)
{
	size_t n = 0;
	unsigned int b;

	if (!strncmp(hex, "0x", 2))
		hex += 2;
	while (hex[0] && hex[1] && n < max && sscanf(hex, "%2x", &b) == 1) {
		out[n++] = b;
		hex += 2;
	}
	return *hex ? -1 : (int)n;
}

static int op_setxattr(char **argv)
{
	unsigned char val[1024];
	int n = hexval(argv[2], val, sizeof(val));

	if (n < 0)
		return bad_usage();
	return outcome("setxattr",
		       setxattr(argv[0], argv[1], val, n, 0) ? errno : 0);
}

static int op_finit(char **argv, int whole)
{
	int fd = open(argv[0], O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *img;
	long rc;

	if (fd < 0)
		return outcome("open", errno);
	if (!whole)
		return outcome("finit_module",
			       syscall(SYS_finit_module, fd, "", 0) ? errno : 0);
	if (fstat(fd, &st))
		return outcome("fstat", errno);
	img = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (img == MAP_FAILED)
		return outcome("mmap", errno);
	rc = syscall(SYS_init_module, img, st.st_size, "");
	return outcome("init_module", rc ? errno : 0);
}

static int op_kexec(char **argv)
{
	int k = open(argv[0], O_RDONLY | O_CLOEXEC);
	int i = open(argv[1], O_RDONLY | O_CLOEXEC);

	if (k < 0 || i < 0)
		return outcome("open", errno);
	if (syscall(SYS_kexec_file_load, k, i, strlen(argv[2]) + 1, argv[2],
		    0UL))
		return outcome("kexec_file_load", errno);
	syscall(SYS_kexec_file_load, -1, -1, 0, NULL, KEXEC_FILE_UNLOAD);
	return outcome("kexec_file_load", 0);
}

static int op_policy(char **argv)
{
	const char *p = argv[1];
	size_t left = strlen(p);
	int fd = open(argv[0], O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return outcome("open", errno);
	while (left) {
		n = write(fd, p, left);
		if (n <= 0) {
			n = n ? errno : EIO;
			close(fd);
			return outcome("write", n);
		}
		/* native IMA counts the newline a last rule lacks */
		if ((size_t)n > left)
			n = left;
		p += n;
		left -= n;
	}
	return outcome("close", close(fd) ? errno : 0);
}

int main(int argc, char **argv)
{
	const char *op;
	uid_t uid;

	if (argc > 2 && !strcmp(argv[1], "-u")) {
		uid = strtoul(argv[2], NULL, 0);
		if (setresgid(uid, uid, uid) || setresuid(uid, uid, uid))
			return outcome("setresuid", errno);
		argc -= 2;
		argv += 2;
	}
	if (argc < 2)
		return bad_usage();
	block = aligned_alloc(BLOCK, BLOCK);
	if (!block)
		return outcome("aligned_alloc", ENOMEM);
	op = argv[1];
	argc -= 2;
	argv += 2;
	if (!strcmp(op, "true"))
		return 0;
	if (!strcmp(op, "now")) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME_COARSE, &ts);
		printf("%lld.%03ld\n", (long long)ts.tv_sec,
		       ts.tv_nsec / 1000000);
		return 0;
	}
	if (!strcmp(op, "open"))
		return op_open(argc, argv);
	if (!strcmp(op, "tmpfile") && argc >= 1)
		return op_tmpfile(argc, argv);
	if (!strcmp(op, "exec") && argc == 1)
		return op_exec(argv);
	if (!strcmp(op, "mmap") && argc == 1)
		return op_map(argv, 0);
	if (!strcmp(op, "mprotect") && argc == 1)
		return op_map(argv, 1);
	if (!strcmp(op, "mmap-writable") && argc == 1)
		return op_map_writable(argv);
	if (!strcmp(op, "setxattr") && argc == 3)
		return op_setxattr(argv);
	if (!strcmp(op, "removexattr") && argc == 2)
		return outcome("removexattr",
			       removexattr(argv[0], argv[1]) ? errno : 0);
	if (!strcmp(op, "finit") && argc == 1)
		return op_finit(argv, 0);
	if (!strcmp(op, "init") && argc == 1)
		return op_finit(argv, 1);
	if (!strcmp(op, "kexec") && argc == 3)
		return op_kexec(argv);
	if (!strcmp(op, "kexec-load") && argc == 0)
		return outcome("kexec_load",
			       syscall(SYS_kexec_load, 0UL, 0UL, NULL,
				       KEXEC_ARCH_DEFAULT) ? errno : 0);
	if (!strcmp(op, "policy") && argc == 2)
		return op_policy(argv);
	if (!strcmp(op, "read") && argc == 1)
		return op_open(2, (char *[]){ argv[0], "rdonly", "r" });
	return bad_usage();
}
