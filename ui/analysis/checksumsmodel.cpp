#include "ui/analysis/checksumsmodel.h"

#include "core/hashconsumer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hexmap {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("hexmap::ChecksumsModel", text); }
} // namespace

ChecksumsModel::ChecksumsModel()
    : m_chosen{HashAlgorithm::Crc32, HashAlgorithm::Md5, HashAlgorithm::Sha1, HashAlgorithm::Sha256}
{
}

QString ChecksumsModel::displayName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Crc32: return QStringLiteral("CRC-32");
    case HashAlgorithm::Crc32c: return QStringLiteral("CRC-32C");
    case HashAlgorithm::Adler32: return QStringLiteral("Adler-32");
    case HashAlgorithm::Md5: return QStringLiteral("MD5");
    case HashAlgorithm::Sha1: return QStringLiteral("SHA-1");
    case HashAlgorithm::Sha256: return QStringLiteral("SHA-256");
    case HashAlgorithm::Sha512: return QStringLiteral("SHA-512");
    case HashAlgorithm::Sha3_256: return QStringLiteral("SHA3-256");
    case HashAlgorithm::Blake2b512: return QStringLiteral("BLAKE2b-512");
    case HashAlgorithm::Xxh3_64: return QStringLiteral("XXH3-64");
    case HashAlgorithm::Xxh3_128: return QStringLiteral("XXH3-128");
    }
    return QString::fromLatin1(hashName(algorithm));
}

QString ChecksumsModel::normalized(const QString &value)
{
    static const QRegularExpression separators(QStringLiteral("[\\s:\\-]"));
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]+$"));
    const auto clean = [](QString text) {
        text.remove(separators);
        if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
            text = text.mid(2);
        return hex.match(text).hasMatch() ? text.toLower() : QString();
    };
    const QString text = value.trimmed();
    if (QString all = clean(text); !all.isEmpty())
        return all;
    // A checksum tool's line ("HEX  FILE", "HEX *FILE"): the digest is the first word.
    const QString first = text.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
    return first.size() >= 8 ? clean(first) : QString();
}

void ChecksumsModel::setChosen(HashAlgorithm algorithm, bool chosen)
{
    if (chosen)
        m_chosen.insert(algorithm);
    else
        m_chosen.erase(algorithm);
}

std::vector<HashAlgorithm> ChecksumsModel::chosen() const
{
    std::vector<HashAlgorithm> out;
    for (HashAlgorithm a : allHashAlgorithms())
        if (isChosen(a))
            out.push_back(a);
    return out;
}

std::vector<std::unique_ptr<ScanConsumer>> ChecksumsModel::makeConsumers() const
{
    std::vector<std::unique_ptr<ScanConsumer>> out;
    for (HashAlgorithm a : chosen())
        out.push_back(std::make_unique<HashConsumer>(a));
    return out;
}

void ChecksumsModel::collect(const std::vector<std::unique_ptr<ScanConsumer>> &consumers, ByteRange range)
{
    m_results.clear();
    m_range = range;
    for (const auto &c : consumers) {
        auto *hash = dynamic_cast<HashConsumer *>(c.get());
        if (!hash)
            continue;
        const Result<std::string> digest = hash->result();
        m_results.emplace_back(hash->algorithm(), QString::fromStdString(digest ? *digest : digest.message()));
    }
}

void ChecksumsModel::clear()
{
    m_results.clear();
    m_range = {};
}

ChecksumsModel::Verification ChecksumsModel::verify(const QString &expected) const
{
    Verification v;
    if (expected.trimmed().isEmpty()) {
        v.text = tr("Paste an expected value to verify it.");
        return v;
    }
    const QString want = normalized(expected);
    if (want.isEmpty()) {
        v.state = Verification::State::NotHex;
        v.text = tr("Not a hexadecimal value: only 0-9 and A-F (spaces, colons and case are ignored).");
        return v;
    }
    if (m_results.empty()) {
        v.state = Verification::State::NoResults;
        v.text = tr("Compute the checksums first.");
        return v;
    }
    for (const auto &[algorithm, value] : m_results) {
        if (value == want) {
            v.state = Verification::State::Match;
            v.algorithm = algorithm;
            v.text = tr("\u2714 Match: the %1 is the expected value.").arg(displayName(algorithm));
            return v;
        }
    }
    v.state = Verification::State::Mismatch;
    QStringList sameLength;
    for (const auto &[algorithm, value] : m_results)
        if (value.size() == want.size())
            sameLength << displayName(algorithm);
    v.text = sameLength.isEmpty()
                 ? tr("\u2718 Mismatch: no computed checksum has %1 hex digits.").arg(want.size())
                 : tr("\u2718 Mismatch: differs from the %1.").arg(sameLength.join(QStringLiteral(", ")));
    return v;
}

} // namespace hexmap
