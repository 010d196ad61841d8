// SPDX-License-Identifier: GPL-2.0
/*
 * unload_attack - ways a root process may try to remove a locked module
 *
 *   unload_attack ia32 NAME        delete_module(NAME, O_TRUNC|O_NONBLOCK)
 *                                  through the i386 entry (int $0x80)
 *   unload_attack x32 NAME         the same through the x32 entry
 *   unload_attack race NAME SECS   the x86-64 entry, forced, while a second
 *                                  thread flips NAME's first byte, so that
 *                                  a check reading user memory again sees
 *                                  another name than the syscall
 *
 * Prints what each attempt returned ("refused: " and the errno's text).
 * Exit status: 0 the module was removed (the attack worked), 1 every
 * attempt was refused, 3 usage or setup error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define IA32_NR_DELETE_MODULE	129
#define X32_SYSCALL_BIT		0x40000000UL

/*
 * The i386 entry takes 32-bit pointers: the name lives in this static,
 * non-PIE program's data, below 4 GiB.
 */
static char name_buf[64];
static int racing = 1;

static long ia32_delete_module(const char *name, unsigned int flags)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "0"((long)IA32_NR_DELETE_MODULE),
			   "b"((long)(unsigned long)name), "c"((long)flags)
			 : "memory");
	return ret;
}

static long x32_delete_module(const char *name, unsigned int flags)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"((long)(X32_SYSCALL_BIT | SYS_delete_module)),
			   "D"(name), "S"((long)flags)
			 : "rcx", "r11", "memory");
	return ret;
}

static int verdict(const char *how, long ret)
{
	if (ret == 0) {
		printf("%s: removed\n", how);
		return 0;
	}
	printf("%s: refused: %s\n", how, strerror((int)-ret));
	return 1;
}

static void *flipper(void *arg)
{
	char other = *(char *)arg;
	char orig = name_buf[0];

	while (__atomic_load_n(&racing, __ATOMIC_RELAXED)) {
		__atomic_store_n(&name_buf[0], other, __ATOMIC_RELAXED);
		__atomic_store_n(&name_buf[0], orig, __ATOMIC_RELAXED);
	}
	return NULL;
}

static int flip_race(double secs)
{
	char other = name_buf[0] == 'x' ? 'y' : 'x';
	unsigned long tries = 0, refused = 0, enoent = 0;
	struct timespec t0, t;
	int last_refusal = 0;
	pthread_t th;
	long ret;

	if (pthread_create(&th, NULL, flipper, &other))
		return 3;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		ret = syscall(SYS_delete_module, name_buf, O_TRUNC | O_NONBLOCK);
		tries++;
		if (ret == 0)
			break;
		if (errno == ENOENT) {
			enoent++;
		} else {
			refused++;
			last_refusal = errno;
		}
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec + (t.tv_nsec - t0.tv_nsec) / 1e9 < secs);
	__atomic_store_n(&racing, 0, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
	printf("race: %lu tries, %lu refused, %lu saw the other name\n",
	       tries, refused, enoent);
	if (ret == 0) {
		printf("race: removed\n");
		return 0;
	}
	printf("race: refused: %s\n", strerror(last_refusal));
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 3 || strlen(argv[2]) >= sizeof(name_buf))
		goto usage;
	strcpy(name_buf, argv[2]);
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (!strcmp(argv[1], "ia32") && argc == 3)
		return verdict("ia32",
			       ia32_delete_module(name_buf,
						  O_TRUNC | O_NONBLOCK));
	if (!strcmp(argv[1], "x32") && argc == 3)
		return verdict("x32",
			       x32_delete_module(name_buf,
						 O_TRUNC | O_NONBLOCK));
	if (!strcmp(argv[1], "race") && argc == 4)
		return flip_race(atof(argv[3]));
usage:
	fprintf(stderr, "usage: unload_attack ia32|x32 NAME | race NAME SECS\n");
	return 3;
}
