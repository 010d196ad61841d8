// SPDX-License-Identifier: GPL-2.0
/*
 * policy_cases - feed sima's rejected-rule table to a live policy file
 *
 * Usage: policy_cases POLICY-FILE
 *
 * Every line of tests/vectors/policy_cases.h that a boot-policy parser must
 * refuse is written, one transaction each, to the securityfs policy file:
 * the write must fail with the case's errno, and the kernel log must name
 * line 1 and give the case's reason. Prints one line per mismatch and a
 * summary; exit status 1 if any case failed. Needs a fresh sima whose boot
 * policy is still active (a refused transaction keeps it that way).
 */

#include <fcntl.h>
#include <unistd.h>

#include "sima/compat.h"
#include "../../vectors/policy_cases.h"

static int kmsg = -1;

/* Whether the kernel log gained a record containing @want since last time. */
static bool log_has(const char *want)
{
	char rec[8192];
	bool found = false;
	ssize_t n;

	for (;;) {
		n = read(kmsg, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* overwritten records: skip them */
		if (n <= 0)
			break;
		rec[n] = '\0';
		if (strstr(rec, want))
			found = true;
	}
	return found;
}

/*
 * The table's environment supports imasig|modsig and fakes an LSM that
 * knows most labels; the kernel has neither, so such lines may be refused
 * for another reason first (as upstream refuses them). Whether an
 * algorithm is available depends on the kernel too: those are skipped.
 */
static bool reason_may_differ(const char *line)
{
	return strstr(line, "modsig") || strstr(line, "appraise_flag=") ||
	       strstr(line, "obj_") || strstr(line, "subj_");
}

static int write_rule(const char *path, const char *line)
{
	char buf[4096];
	size_t len = strlen(line);
	ssize_t n;
	int fd, err = 0;

	if (len + 1 > sizeof(buf))
		return -E2BIG;
	memcpy(buf, line, len);
	buf[len++] = '\n';
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	n = write(fd, buf, len);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EIO;
	close(fd);
	return err;
}

int main(int argc, char **argv)
{
	unsigned int i, run = 0, failed = 0;
	char want[1024];
	int err;

	if (argc != 2) {
		fprintf(stderr, "usage: %s POLICY-FILE\n", argv[0]);
		return 2;
	}
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg < 0 || lseek(kmsg, 0, SEEK_END) < 0) {
		perror("/dev/kmsg");
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(policy_bad_cases); i++) {
		const struct policy_bad_case *c = &policy_bad_cases[i];

		if (c->env != E_BOOT || strstr(c->why, "not available"))
			continue;
		run++;
		log_has("");	/* drain */
		err = write_rule(argv[1], c->line);
		if (reason_may_differ(c->line))
			snprintf(want, sizeof(want), "policy: line 1: ");
		else
			snprintf(want, sizeof(want), "policy: line 1: %s: ",
				 c->why);
		if (err != c->err) {
			printf("FAIL \"%s\": write returned %d, want %d\n",
			       c->line, err, c->err);
			failed++;
		} else if (!log_has(want)) {
			printf("FAIL \"%s\": log lacks \"%s\"\n", c->line,
			       want);
			failed++;
		}
	}
	printf("policy_cases: %u refused lines, %u failed\n", run, failed);
	return failed ? 1 : 0;
}
