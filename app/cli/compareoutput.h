#pragma once

#include "core/comparerun.h"
#include "core/scansource.h"

#include <QString>

#include <cstdio>
#include <string>

namespace hexmap::cli {

// Writes a compare's result on stdout in one of hexmap-cli compare's three forms, in blocks of about 64 KiB (the
// memory beyond the runs themselves stays bounded). Each returns false when stdout or a read failed; `error`
// then says which.
// Thread: the main thread only.
class CompareOutput {
public:
    CompareOutput(const ScanSource &a, const ScanSource &b, const CompareResult &result)
        : m_a(a), m_b(b), m_result(result) {}

    // One line per run: "0xOFFSET LENGTH" (offset on side A in hex, length in decimal).
    bool writeRuns();
    // One object {"equal", "size_a", "size_b", "offset_a", "offset_b", "length", "same_file", "capped", "runs":
    // [[offset, length]...]} plus the fields in `head` (a compact JSON object's text, e.g. ok, command, files).
    bool writeJson(const QByteArray &head);
    // What `cmp -l A B` prints on stdout: per differing byte "NUMBER OCTAL_A OCTAL_B" (NUMBER 1-based from the
    // start offsets, padded to the width of the compared length); the bytes are read again from both files.
    bool writeCmp();

    const QString &error() const { return m_error; }

private:
    bool put(const char *text, std::size_t n);
    bool flush(bool last);

    const ScanSource &m_a;
    const ScanSource &m_b;
    const CompareResult &m_result;
    std::string m_out;
    QString m_error;
};

} // namespace hexmap::cli
