#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""relist - render binary_runtime_measurements as ASCII, independently

Usage: relist.py BINARY-LIST [ASCII-LIST]

Written from the list format alone (upstream IMA 6.1's
ima_measurements_show/ima_ascii_measurements_show, as the golden captures
show it), sharing no code with sima. It also checks every template digest
(SHA-1 over the template data; for the "ima" template over the digest and
the name padded to 256 bytes; zeros for a violation). With ASCII-LIST it
compares line by line and exits 1 on the first difference; otherwise it
prints the rendering.
"""
import hashlib
import struct
import sys

BUILTIN = {
    "ima": "d|n",
    "ima-ng": "d-ng|n-ng",
    "ima-ngv2": "d-ngv2|n-ng",
    "ima-sig": "d-ng|n-ng|sig",
    "ima-sigv2": "d-ngv2|n-ng|sig",
    "ima-buf": "d-ng|n-ng|buf",
    "ima-modsig": "d-ng|n-ng|sig|d-modsig|modsig",
    "evm-sig": "d-ng|n-ng|evmsig|xattrnames|xattrlengths|xattrvalues|"
               "iuid|igid|imode",
}
HEX = {"sig", "buf", "modsig", "evmsig", "xattrlengths", "xattrvalues"}
UINT = {"iuid", "igid", "imode"}


def digest_ng(data):
    # "<algo>:\0" then the digest; d-ngv2 "<type>:<algo>:\0" likewise
    cut = data.index(b"\0")
    return data[:cut].decode() + data[cut + 1:].hex()


def show(field, data):
    if field in ("d-ng", "d-ngv2", "d-modsig"):
        return digest_ng(data) if data else ""
    if field == "d":
        return data.hex()
    if field in ("n", "n-ng", "xattrnames"):
        return data.rstrip(b"\0").decode(errors="surrogateescape")
    if field in HEX:
        return data.hex()
    if field in UINT:
        return str(int.from_bytes(data, "little")) if data else ""
    raise ValueError("unknown field " + field)


def records(blob):
    off = 0
    while off < len(blob):
        pcr, = struct.unpack_from("<I", blob, off)
        tdigest = blob[off + 4:off + 24]
        nlen, = struct.unpack_from("<I", blob, off + 24)
        name = blob[off + 28:off + 28 + nlen].decode()
        off += 28 + nlen
        if name == "ima":
            # no total length: 20-byte digest, then a length-prefixed name
            digest = blob[off:off + 20]
            flen, = struct.unpack_from("<I", blob, off + 20)
            fname = blob[off + 24:off + 24 + flen]
            off += 24 + flen
            yield pcr, tdigest, name, [("d", digest), ("n", fname)]
            continue
        tlen, = struct.unpack_from("<I", blob, off)
        data = blob[off + 4:off + 4 + tlen]
        off += 4 + tlen
        fields, pos = [], 0
        for field in BUILTIN.get(name, name).split("|"):
            flen, = struct.unpack_from("<I", data, pos)
            fields.append((field, data[pos + 4:pos + 4 + flen]))
            pos += 4 + flen
        if pos != len(data):
            raise ValueError("template data of %s has %d extra bytes"
                             % (name, len(data) - pos))
        yield pcr, tdigest, name, fields


def template_digest(name, fields, blob_fields):
    if name == "ima":
        digest, fname = fields[0][1], fields[1][1]
        return hashlib.sha1(digest + fname.ljust(256, b"\0")[:256]).digest()
    return hashlib.sha1(blob_fields).digest()


def render(blob):
    lines = []
    for pcr, tdigest, name, fields in records(blob):
        packed = b"".join(struct.pack("<I", len(d)) + d for _, d in fields)
        if tdigest != bytes(20) and \
                template_digest(name, fields, packed) != tdigest:
            raise ValueError("bad template digest in PCR %d entry %s"
                             % (pcr, show(fields[1][0], fields[1][1])))
        cols = [str(pcr), tdigest.hex(), name]
        cols += [show(f, d) for f, d in fields]
        lines.append(" ".join(cols))
    return lines


def main():
    blob = open(sys.argv[1], "rb").read()
    got = render(blob)
    if len(sys.argv) < 3:
        print("\n".join(got))
        return 0
    want = open(sys.argv[2], encoding="utf-8",
                errors="surrogateescape").read().splitlines()
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            print("line %d differs:\n  rendered %r\n  listed   %r"
                  % (i + 1, g, w))
            return 1
    if len(got) != len(want):
        print("%d rendered lines, %d listed" % (len(got), len(want)))
        return 1
    print("%s: %d entries match" % (sys.argv[2], len(got)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
