#pragma once

#include "core/byterange.h"
#include "core/hashalgorithm.h"
#include "core/scanconsumer.h"

#include <QString>

#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace hexmap {

// The Checksums dock's logic without widgets: which algorithms are chosen, the consumers for a scan, the results
// as text, and the verification of a pasted expected value against them (case, spaces, colons, dashes and a 0x
// prefix ignored; a `sha256sum` line "HEX  FILE" is taken by its first word).
// Thread: GUI thread (plain object; no signals).
class ChecksumsModel {
public:
    struct Verification {
        enum class State { Empty, NoResults, NotHex, Match, Mismatch };
        State state = State::Empty;
        std::optional<HashAlgorithm> algorithm; // the one that matched
        QString text;                           // for the verdict label
    };

    ChecksumsModel();

    // "SHA-256", "CRC-32", "BLAKE2b-512"... for the dock. Never fails.
    static QString displayName(HashAlgorithm algorithm);
    // The digest text of `value` without case, spacing and separators, or an empty string when it holds a
    // character that is not a hex digit. Never fails.
    static QString normalized(const QString &value);

    void setChosen(HashAlgorithm algorithm, bool chosen);
    bool isChosen(HashAlgorithm algorithm) const { return m_chosen.count(algorithm) != 0; }
    std::vector<HashAlgorithm> chosen() const; // in allHashAlgorithms() order

    // One HashConsumer per chosen algorithm, in chosen() order. Never fails (empty when none is chosen).
    std::vector<std::unique_ptr<ScanConsumer>> makeConsumers() const;
    // Reads the consumers of a finished scan (as made by makeConsumers) into results(); an algorithm the library
    // refused gets its error text as value. Never fails.
    void collect(const std::vector<std::unique_ptr<ScanConsumer>> &consumers, ByteRange range);
    void clear();

    const std::vector<std::pair<HashAlgorithm, QString>> &results() const { return m_results; }
    ByteRange resultRange() const { return m_range; }
    Verification verify(const QString &expected) const;

private:
    std::set<HashAlgorithm> m_chosen;
    std::vector<std::pair<HashAlgorithm, QString>> m_results;
    ByteRange m_range;
};

} // namespace hexmap
