#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that sima's subsystems depend on each other one way only.

  scripts/layering.py [--graph] [OBJDIR]

LAYERS below is the declared order, lowest first: a file may use its own
subsystem and the ones before it, never one after it. Two sources of
edges between subsystems are checked against it:

  includes  every '#include "sub/x.h"' of a private header (one that lives
            beside its sources in src/sub/), from src/ and include/sima/;
            a private header is also only for its own subsystem and
            main.c (what several subsystems share goes to include/sima/)
  calls     with OBJDIR (a module build dir, e.g. build/distro/mod): each
            object of sima.ko (OBJDIR/sima.mod) and its undefined symbols
            that another of them defines, from nm; inline functions count
            where they are inlined

Any cycle between subsystems breaks the order, so it fails too. Every
source file must belong to a known subsystem. --graph prints the
subsystem graph the calls give. Exit status 1 on any violation.
"""

import os
import re
import subprocess
import sys

# Lowest first. kernel/<series>/ is the hook table of one kernel series:
# the kernel calls in there, so it sits on top of the engine it calls.
LAYERS = ['kernel', 'integrity', 'measure', 'policy', 'appraise', 'core',
          'hooks', 'main']

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z0-9_]+)/([^"]+)"', re.M)


def layer_of(path):
    """The layer of a file path relative to src/ (or a header spelling)."""
    parts = path.split('/')
    if len(parts) == 1:
        return 'main' if parts[0].startswith('main.') else None
    if parts[0] == 'kernel' and len(parts) > 2:
        return 'hooks'
    return parts[0] if parts[0] in LAYERS else None


def subsystem_of(path):
    """The src/ directory a file path relative to src/ lies in."""
    parts = path.split('/')
    return 'main' if len(parts) == 1 else parts[0]


def source_files():
    out = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard',
                          'src', 'include/sima'], cwd=TOP, check=True,
                         capture_output=True, text=True).stdout.split()
    return [f for f in out if f.endswith(('.c', '.h', '.S'))]


def check_includes(errors):
    for f in source_files():
        rel = f[len('src/'):] if f.startswith('src/') else None
        if rel is not None and layer_of(rel) is None:
            errors.append(f'{f}: not in a known subsystem ({LAYERS})')
            continue
        # Shared headers are below every subsystem.
        layer = layer_of(rel) if rel else LAYERS[0]
        with open(os.path.join(TOP, f), encoding='utf-8') as fh:
            text = fh.read()
        for sub, name in INCLUDE.findall(text):
            if sub == 'sima':
                continue
            hdr = f'{sub}/{name}'
            if not os.path.exists(os.path.join(TOP, 'src', hdr)):
                errors.append(f'{f}: includes "{hdr}", not a file of src/')
                continue
            hl = layer_of(hdr)
            if LAYERS.index(hl) > LAYERS.index(layer):
                errors.append(f'{f}: {layer} includes "{hdr}" of {hl}, '
                              f'a layer above it')
            if rel is None or subsystem_of(rel) not in (sub, 'main'):
                errors.append(f'{f}: includes "{hdr}", private to '
                              f'src/{sub}/ (shared headers go to '
                              f'include/sima/)')


def nm(obj, *args):
    return subprocess.run(['nm', *args, obj], check=True,
                          capture_output=True, text=True).stdout


def call_edges(objdir, errors):
    """{(from layer, to layer): ['caller.o -> symbol (callee.o)', ...]}"""
    srcdir = os.path.join(objdir, 'src')
    # The objects linked into sima.ko, as Kbuild lists them (a build dir
    # may hold stale objects of files since moved).
    try:
        with open(os.path.join(objdir, 'sima.mod'), encoding='utf-8') as fh:
            objs = fh.read().split()
    except OSError as e:
        errors.append(f'{objdir}: no sima.mod (build first): {e}')
        return {}
    defs = {}
    for o in objs:
        for line in nm(o, '--defined-only').splitlines():
            f = line.split()
            if len(f) == 3 and f[1].isupper():
                defs[f[2]] = o
    edges = {}
    for o in objs:
        rel = os.path.relpath(o, srcdir)
        lo = layer_of(rel)
        if lo is None:
            errors.append(f'{rel}: not in a known subsystem')
            continue
        for line in nm(o, '--undefined-only').splitlines():
            sym = line.split()[-1]
            d = defs.get(sym)
            if not d or d == o:
                continue
            drel = os.path.relpath(d, srcdir)
            ld = layer_of(drel)
            if ld is None or ld == lo:
                continue
            edges.setdefault((lo, ld), []).append(f'{rel} -> {sym} '
                                                  f'({drel})')
    for (lo, ld), why in sorted(edges.items()):
        if LAYERS.index(ld) > LAYERS.index(lo):
            for w in why:
                errors.append(f'{lo} calls up into {ld}: {w}')
    return edges


def main():
    args = sys.argv[1:]
    graph = '--graph' in args
    args = [a for a in args if a != '--graph']
    errors = []
    check_includes(errors)
    if args:
        edges = call_edges(args[0], errors)
        if graph:
            for lo in LAYERS:
                to = [ld for ld in LAYERS if (lo, ld) in edges]
                if to:
                    print(f'{lo} -> {" ".join(to)}')
    for e in errors:
        print(f'layering: {e}')
    what = 'includes and calls' if args else 'includes'
    if errors:
        print(f'layering: {len(errors)} violation(s) of '
              f'{" < ".join(LAYERS)}')
        return 1
    print(f'layering: {what} follow {" < ".join(LAYERS)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
