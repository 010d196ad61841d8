# SPDX-License-Identifier: GPL-2.0
#
# sima - top-level entry points
#
#   make                build sima.ko against KDIR
#   make demo           boot a VM with swtpm and show sima at work
#                       (KERNEL=distro-6.12 etc.: another kernel flavour)
#   make build-FLAVOUR  sima.ko, the test module and the guest helpers for a
#                       kernel flavour (scripts/kernels.sh: test, distro,
#                       test-6.12, distro-6.12; aliases test-6.1, distro-6.1)
#                       into build/FLAVOUR/
#   make kernel-SERIES  the cached test kernel of a series (6.1, 6.12)
#   make smoke-FLAVOUR  boot a flavour, check it is usable (qemu/kernel-smoke.sh:
#                       version, TPM, securityfs, disks, distro modules and
#                       native IMA); needs no sima module
#   make check          every test; last line "N passed, N failed, N skipped"
#   make bench          overhead ratios vs no engine and native IMA (distro
#                       kernel, QEMU -icount); prints a table, never fails on
#                       timing
#   make stress         tests/e2e/86-stress.sh for STRESS_SECS (default 300)
#                       per phase on both kernels (make check runs 20 s)
#   make parity         the parity suite alone: native IMA and sima on the
#                       distro kernel, outcomes compared (tests/parity/)
#   make fuzz           every libFuzzer target of tests/fuzz for
#                       FUZZ_LONG_RUNS executions (default 10 million) each;
#                       prints executions and seconds per target (make check
#                       runs 20 s smoke runs)
#
# KDIR defaults to the running kernel's build tree, else the project's test
# kernel (built once, cached in ~/.cache/sima). Kbuild holds the object list.

KDIR ?= $(shell if [ -d /lib/modules/$$(uname -r)/build ]; then \
		echo /lib/modules/$$(uname -r)/build; \
	else echo "$$(scripts/kernel-test.sh)/build"; fi)

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

clean:
	$(MAKE) -C tests/unit clean
	rm -rf build *.ko *.o *.mod *.mod.c .*.cmd modules.order Module.symvers \
		src/*.o src/*/*.o src/*/*/*.o src/.*.cmd src/*/.*.cmd \
		src/*/*/.*.cmd tests/kunit/*.o tests/kunit/.*.cmd

deps:
	scripts/deps.sh

# Pieces of "make check", runnable alone.
checkpatch:
	scripts/checkpatch.sh

# One-way dependencies between the subsystems of src/ (includes; calls
# too once "make build-distro" has built the objects).
layering:
	scripts/layering.py $(wildcard build/distro/mod)

unit:
	$(MAKE) -s -C tests/unit

fuzz:
	$(MAKE) -s -C tests/fuzz fuzz

# Kernel flavours and series, from scripts/kernels.sh.
FLAVOURS := $(shell . scripts/kernels.sh && echo $$SIMA_FLAVOURS) test-6.1 distro-6.1
SERIES := $(shell . scripts/kernels.sh && echo $$SIMA_SERIES)

$(addprefix build-,$(FLAVOURS)): build-%:
	scripts/build.sh $*

$(addprefix kernel-,$(SERIES)): kernel-%:
	scripts/kernel-test.sh $*

$(addprefix smoke-,$(FLAVOURS)): smoke-%:
	qemu/run --kernel $* --timeout 1200 -- qemu/kernel-smoke.sh

kunit: build-test
	qemu/run --kernel test --export build/test/kunit -- tests/kunit/guest.sh

# The whole suite in one boot: make check splits the test kernel's in two.
e2e-test e2e-distro: e2e-%: build-%
	qemu/run --kernel $* --timeout 5400 --export build/$*/e2e -- \
		tests/e2e/run.sh

check:
	scripts/check.sh

parity: build-distro
	python3 tests/parity/compare.py readme README.md
	tests/parity/host.sh

# Three phases of STRESS_SECS each, and the boot: 4x the phases of headroom.
STRESS_SECS ?= 300
stress: build-test build-distro
	for k in test distro; do \
		qemu/run --kernel $$k --timeout $$(( $(STRESS_SECS) * 12 + 600 )) \
			--append "sima_stress=$(STRESS_SECS) sima_e2e_timeout=$$(( $(STRESS_SECS) * 12 ))" \
			--export build/$$k/stress -- tests/e2e/run.sh 86-stress || exit 1; \
	done

bench: build-distro
	SIMA_BENCH_NOBUILD=1 scripts/bench.sh $(BENCH_ARGS)

demo:
	scripts/demo.sh $(KERNEL)

.PHONY: modules clean deps checkpatch layering unit fuzz $(addprefix build-,$(FLAVOURS)) \
	$(addprefix kernel-,$(SERIES)) $(addprefix smoke-,$(FLAVOURS)) \
	kunit e2e-test e2e-distro check parity stress bench demo
