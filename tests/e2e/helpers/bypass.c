// SPDX-License-Identifier: GPL-2.0
/*
 * bypass - appraisal bypass attempts the shell cannot make
 *
 *   bypass memfd-exec UID FILE [ARGS...]
 *	copy FILE (and its security.ima, if any) into a memfd created with
 *	fsuid UID, so that the memfd is owned by UID, and fexecve() it
 *
 * Exit status: the program's when it ran; 1 with "refused: <errno text>"
 * when the exec failed; 3 usage or setup error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

extern char **environ;

static int copy_fd(int from, int to)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(from, buf, sizeof(buf))) > 0)
		if (write(to, buf, n) != n)
			return -1;
	return n < 0 ? -1 : 0;
}

static int memfd_exec(unsigned int uid, const char *path, char **argv)
{
	char sig[8192];
	ssize_t siglen;
	int in, mfd;

	in = open(path, O_RDONLY);
	if (in < 0) {
		perror(path);
		return 3;
	}
	siglen = fgetxattr(in, "security.ima", sig, sizeof(sig));
	setfsuid(uid);
	mfd = memfd_create("sima-bypass", 0);
	setfsuid(0);
	if (mfd < 0 || copy_fd(in, mfd) || fchmod(mfd, 0755)) {
		perror("memfd");
		return 3;
	}
	close(in);
	if (siglen > 0 && fsetxattr(mfd, "security.ima", sig, siglen, 0)) {
		perror("fsetxattr security.ima");
		return 3;
	}
	fexecve(mfd, argv, environ);
	printf("refused: %s\n", strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "memfd-exec"))
		return memfd_exec(strtoul(argv[2], NULL, 10), argv[3],
				  argv + 3);
	fprintf(stderr, "usage: bypass memfd-exec UID FILE [ARGS...]\n");
	return 3;
}
