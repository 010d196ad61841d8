// SPDX-License-Identifier: GPL-2.0
/*
 * simabench-nop - the program the warm-exec benchmark runs: no libc, one
 * exit_group(0) system call, so an exec of it is almost nothing but the
 * kernel's own fork/exec/exit work.  x86_64 only.
 */
void _start(void)
{
	asm volatile("syscall" : : "a" (231), "D" (0));
	for (;;)
		;
}
