#pragma once

// The independent reference for tst_scanengine and tst_clihash: Python's hashlib and zlib, a table CRC-32C, the
// xxhsum tool for XXH3 (Debian package xxhash), and a plain Python entropy per block, over a range of a file with
// edits applied. Input (stdin, JSON): {"path", "offset", "length", "block", "pattern" (hex, may be ""), "edits":
// [[offset, "hex"]...]}. Output (stdout, JSON): {"hashes": {name: hex}, "histogram": [256], "entropy": [...],
// "classes": "ZTH...", "matches": [...]}.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace scantest {

inline const char *kReferenceScript = R"PY(
import collections, hashlib, json, math, os, subprocess, sys, tempfile, zlib
req = json.load(sys.stdin)
with open(req["path"], "rb") as f:
    data = bytearray(f.read())
for off, hx in req["edits"]:
    b = bytes.fromhex(hx)
    data[off:off + len(b)] = b
data = bytes(data[req["offset"]:req["offset"] + req["length"]])
out = {"hashes": {}}
for name, algo in (("md5", "md5"), ("sha1", "sha1"), ("sha256", "sha256"), ("sha512", "sha512"),
                   ("sha3-256", "sha3_256"), ("blake2b-512", "blake2b")):
    out["hashes"][name] = hashlib.new(algo, data).hexdigest()
out["hashes"]["crc32"] = "%08x" % zlib.crc32(data)
out["hashes"]["adler32"] = "%08x" % zlib.adler32(data)
table = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    table.append(c)
crc = 0xFFFFFFFF
for b in data:
    crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
out["hashes"]["crc32c"] = "%08x" % (crc ^ 0xFFFFFFFF)
with tempfile.NamedTemporaryFile(delete=False) as t:
    t.write(data)
try:
    for name, flag in (("xxh3-64", "-H3"), ("xxh3-128", "-H2")):
        line = subprocess.run(["xxhsum", flag, t.name], capture_output=True, text=True, check=True).stdout
        out["hashes"][name] = line.split(" = ")[1].strip() if " = " in line else line.split()[0]
finally:
    os.unlink(t.name)
out["histogram"] = [data.count(bytes([b])) for b in range(256)]
ent, classes = [], ""
bs = req["block"]
for i in range(0, len(data), bs):
    blk = data[i:i + bs]
    n = len(blk)
    counter = collections.Counter(blk)
    counts = [counter.get(b, 0) for b in range(256)]
    h = -sum(c / n * math.log2(c / n) for c in counts if c)
    ent.append(h)
    printable = sum(counts[c] for c in range(0x20, 0x7F)) + counts[9] + counts[10] + counts[13]
    if counts[0] == n: classes += "Z"
    elif counts[255] == n: classes += "F"
    elif printable * 10 >= n * 9: classes += "T"
    elif n >= 16 and h >= 0.9 * math.log2(min(n, 256)): classes += "H"
    else: classes += "O"
out["entropy"] = ent
out["classes"] = classes
pat = bytes.fromhex(req["pattern"])
matches = []
if pat:
    i = data.find(pat)
    while i >= 0:
        matches.append(req["offset"] + i)
        i = data.find(pat, i + 1)
out["matches"] = matches
json.dump(out, sys.stdout)
)PY";

// Runs the script; an empty object when python3 failed (the caller's QVERIFY names it).
inline QJsonObject reference(const QJsonObject &request, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kReferenceScript)});
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("python3 did not start");
        return {};
    }
    p.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QStringLiteral("python3 failed: ") + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace scantest
