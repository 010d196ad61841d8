#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare the parity probes' outcomes under native IMA and under sima.

  compare.py diff NATIVE-DIR SIMA-DIR [GROUP...]
      Reads parity-native-GROUP.txt and parity-sima-GROUP.txt (written by
      tests/parity/run.sh in the guest) and prints one line per probe,
      "PASS parity:GROUP/PROBE" or "FAIL parity:GROUP/PROBE (...)", with
      the differing fields below a failure. A field may differ only where
      tests/parity/allowlist names it; an allowlist entry for a probe that
      no longer differs fails too, so that entries go when fixes land.
      Exit 1 on any failure.
  compare.py readme README.md [--update]
      Checks (or rewrites) the generated list of README.md's section
      "Differences from upstream IMA": it must be the allowlist, rendered.

Allowlist lines: KEY KIND: REASON, where KEY is GROUP:PROBE:FIELD (shell
patterns; FIELD is rc, list, viol, audit or xattr),
normalise:NAME (a difference compare.py removes from every outcome) or
scope:NAME (a difference no probe can show, listed for the README), and
KIND is "deliberate" or "bug(12: TOPIC)" (sima is wrong; the entry goes
when the fix lands).
"""
import fnmatch
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWLIST = os.path.join(HERE, 'allowlist')
FIELDS = ('rc', 'list', 'viol', 'audit', 'xattr')
GROUPS = ('enforce', 'fix', 'log')
BEGIN = '<!-- generated from tests/parity/allowlist by ' \
    '"tests/parity/compare.py readme README.md --update" -->'
END = '<!-- end of the generated list -->'


def load_allowlist(path=ALLOWLIST):
    entries = []
    line_re = re.compile(r'^(\S+)\s+(deliberate|bug\(12: [^)]+\)):\s+(.+)$')
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            m = line_re.match(line)
            if not m:
                sys.exit(f'{path}:{n}: not "KEY KIND: REASON": {line}')
            key, kind, reason = m.groups()
            if not key.startswith(('normalise:', 'scope:')):
                parts = key.split(':')
                if len(parts) != 3 or not any(
                        fnmatch.fnmatchcase(f, parts[2]) for f in FIELDS):
                    sys.exit(f'{path}:{n}: bad key {key}')
            entries.append({'key': key, 'kind': kind, 'reason': reason})
    return entries


def load_outcomes(path):
    probes = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            fields = {}
            for p in parts[1:]:
                k, _, v = p.partition('=')
                fields[k] = v
            probes[parts[0]] = fields
    return probes


def normalise(field, value, names):
    if field == 'audit' and value:
        # swtpm on a busy host can time out (ETIME) in either boot: the
        # measurement is listed all the same, only its record differs
        value = value.replace('cause=TPM_error(-62) res=1',
                              'cause=hash_added res=1')
    if field == 'list' and 'pcr' in names and value:
        # the PCR column: sima extends its own PCR beside native IMA
        value = ';'.join(e.split(' ', 1)[1] if ' ' in e else e
                         for e in value.split(';'))
    return value


def diff(native_dir, sima_dir, groups):
    allow = load_allowlist()
    names = {e['key'].split(':', 1)[1] for e in allow
             if e['key'].startswith('normalise:')}
    probe_keys = [e for e in allow
                  if not e['key'].startswith(('normalise:', 'scope:'))]
    used = set()
    failed = 0
    compared = []
    for g in groups:
        paths = [os.path.join(d, f'parity-{e}-{g}.txt')
                 for d, e in ((native_dir, 'native'), (sima_dir, 'sima'))]
        missing = [p for p in paths if not os.path.isfile(p)]
        if missing:
            print(f'FAIL parity:{g} (no {", ".join(missing)})')
            failed += 1
            continue
        compared.append(g)
        native, sima = (load_outcomes(p) for p in paths)
        for probe in list(native) + [p for p in sima if p not in native]:
            name = f'parity:{g}/{probe}'
            if probe not in native or probe not in sima:
                side = 'native' if probe not in native else 'sima'
                print(f'FAIL {name} (no outcome under {side})')
                failed += 1
                continue
            bad, allowed = [], []
            for field in FIELDS:
                a = normalise(field, native[probe].get(field), names)
                b = normalise(field, sima[probe].get(field), names)
                if a == b:
                    continue
                hit = [e for e in probe_keys
                       if fnmatch.fnmatchcase(f'{g}:{probe}:{field}',
                                              e['key'])]
                for e in hit:
                    used.add(e['key'])
                (allowed if hit else bad).append((field, a, b))
            if bad:
                print(f'FAIL {name}')
                for field, a, b in bad:
                    print(f'    {field} native: {a}')
                    print(f'    {field} sima:   {b}')
                failed += 1
            elif allowed:
                print(f'PASS {name} (allowlisted: '
                      f'{", ".join(f for f, _, _ in allowed)})')
            else:
                print(f'PASS {name}')
    for e in probe_keys:
        g = e['key'].split(':')[0]
        if e['key'] in used or not any(fnmatch.fnmatchcase(c, g)
                                       for c in compared):
            continue
        print(f'FAIL parity:allowlist/{e["key"]} (no longer differs: '
              'remove the entry and its README line)')
        failed += 1
    return 1 if failed else 0


def render(allow):
    out = []
    for title, bug in (('Deliberate, documented differences:', False),
                       ('Known bugs, each being fixed (issue 12); the '
                        'entry goes when its fix lands:', True)):
        rows = [e for e in allow if e['kind'].startswith('bug') == bug]
        if not rows:
            continue
        out += ['', title, '']
        for e in rows:
            kind = '' if not bug else f' ({e["kind"][4:-1]})'
            out.append(f'- `{e["key"]}`{kind}: {e["reason"]}')
    return out[1:]


def readme(path, update):
    with open(path, encoding='utf-8') as f:
        text = f.read().split('\n')
    try:
        b, e = text.index(BEGIN), text.index(END)
    except ValueError:
        sys.exit(f'{path}: no generated list (markers {BEGIN} ... {END})')
    want = render(load_allowlist())
    if text[b + 1:e] == want:
        print('PASS parity:readme')
        return 0
    if update:
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(text[:b + 1] + want + text[e:]))
        print(f'{path}: list updated')
        return 0
    print('FAIL parity:readme (README.md "Differences from upstream IMA" '
          'and tests/parity/allowlist disagree; run '
          'tests/parity/compare.py readme README.md --update)')
    return 1


def main(argv):
    if len(argv) >= 3 and argv[0] == 'diff':
        return diff(argv[1], argv[2], argv[3:] or GROUPS)
    if len(argv) in (2, 3) and argv[0] == 'readme':
        return readme(argv[1], argv[2:] == ['--update'])
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
