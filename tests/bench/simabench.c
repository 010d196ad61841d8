// SPDX-License-Identifier: GPL-2.0
/*
 * simabench - time one kernel operation for the sima benchmark
 *
 * Usage: simabench [-n ITERATIONS] [-r RUNS] [-w WARMUP] [-u UID] OP PATH
 *
 *   exec PATH	fork + execve(PATH) + waitpid, the child's exit status
 *		must be 0
 *   open PATH	open(PATH, O_RDONLY) + close
 *   relabel PATH	set security.ima to the value it has (as root): sima
 *		forgets the file's digest and verdicts
 *   exec-relabel PATH	relabel, then exec: an appraisal cache miss
 *
 * WARMUP operations are done first and not timed.  Then RUNS runs of
 * ITERATIONS operations each are timed with clock_gettime(CLOCK_MONOTONIC)
 * around the whole run.  One line goes to stdout:
 *
 *	MEDIAN MIN MAX
 *
 * in nanoseconds per operation, with one decimal, over the RUNS runs.
 * With -u UID the process drops to that uid (and gid) for good before
 * anything else, so it also loses every capability.
 *
 * Single-threaded by design: the figures are meant to be compared as
 * ratios between phases of one boot, under QEMU -icount (guest time then
 * counts instructions).  Exit status: 0 ok, 1 an operation failed, 2 usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS	99

static const char *prog = "simabench";

static void die(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
	exit(1);
}

static void bad_usage(void)
{
	fprintf(stderr,
		"usage: %s [-n ITERATIONS] [-r RUNS] [-w WARMUP] [-u UID] exec|open|relabel|exec-relabel PATH\n",
		prog);
	exit(2);
}

static long number(const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		bad_usage();
	return v;
}

static void do_exec(const char *path)
{
	char *const argv[] = { (char *)path, NULL };
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execve(path, argv, environ);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "%s: %s: child status 0x%x\n", prog, path,
			status);
		exit(1);
	}
}

static void do_open(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		die(path);
	if (close(fd))
		die("close");
}

static void do_relabel(const char *path)
{
	static char value[4096];
	static ssize_t len = -1;

	if (len < 0) {
		len = getxattr(path, "security.ima", value, sizeof(value));
		if (len <= 0)
			die("getxattr security.ima");
	}
	if (setxattr(path, "security.ima", value, len, 0))
		die("setxattr security.ima");
}

static void do_exec_relabel(const char *path)
{
	do_relabel(path);
	do_exec(path);
}

static double now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		die("clock_gettime");
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long iterations = 1000, runs = 5, warmup = 100, uid = -1, i, r;
	void (*op)(const char *path);
	double per_op[MAX_RUNS], t0;
	const char *path;
	int c;

	while ((c = getopt(argc, argv, "n:r:u:w:")) != -1) {
		switch (c) {
		case 'n':
			iterations = number(optarg, 1, 100000000);
			break;
		case 'r':
			runs = number(optarg, 1, MAX_RUNS);
			break;
		case 'u':
			uid = number(optarg, 1, 65535);
			break;
		case 'w':
			warmup = number(optarg, 0, 100000000);
			break;
		default:
			bad_usage();
		}
	}
	if (argc - optind != 2)
		bad_usage();
	if (!strcmp(argv[optind], "exec"))
		op = do_exec;
	else if (!strcmp(argv[optind], "open"))
		op = do_open;
	else if (!strcmp(argv[optind], "relabel"))
		op = do_relabel;
	else if (!strcmp(argv[optind], "exec-relabel"))
		op = do_exec_relabel;
	else
		bad_usage();
	path = argv[optind + 1];

	if (uid > 0 && (setresgid(uid, uid, uid) || setresuid(uid, uid, uid)))
		die("setresuid");

	for (i = 0; i < warmup; i++)
		op(path);
	for (r = 0; r < runs; r++) {
		t0 = now_ns();
		for (i = 0; i < iterations; i++)
			op(path);
		per_op[r] = (now_ns() - t0) / iterations;
	}
	qsort(per_op, runs, sizeof(per_op[0]), cmp_double);
	printf("%.1f %.1f %.1f\n", per_op[runs / 2], per_op[0],
	       per_op[runs - 1]);
	return 0;
}
