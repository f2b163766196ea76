#include "ui/analysis/informationmodel.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace hexmap {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("hexmap::InformationModel", text); }

int percent(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? 0 : int(std::lround(100.0 * double(part) / double(whole)));
}
} // namespace

Result<std::unique_ptr<StatsConsumer>> InformationModel::makeConsumer(ByteRange range)
{
    return StatsConsumer::create(range, EntropyPyramid::baseBlockSize(range.size));
}

void InformationModel::collect(const StatsConsumer &stats, ByteRange range)
{
    m_histogram = stats.histogram();
    m_pyramid = EntropyPyramid::fromStats(stats, range);
}

void InformationModel::set(const std::array<std::uint64_t, 256> &histogram, EntropyPyramid pyramid)
{
    m_histogram = histogram;
    m_pyramid = std::move(pyramid);
}

void InformationModel::clear()
{
    m_histogram = {};
    m_pyramid = EntropyPyramid();
}

double InformationModel::totalEntropy() const
{
    const std::uint64_t n = std::accumulate(m_histogram.begin(), m_histogram.end(), std::uint64_t{0});
    return StatsConsumer::entropyOf(m_histogram.data(), n);
}

QString InformationModel::className(ByteClass c)
{
    switch (c) {
    case ByteClass::Zero: return tr("zero bytes");
    case ByteClass::Erased: return tr("0xFF (erased flash)");
    case ByteClass::Text: return tr("text");
    case ByteClass::HighEntropy: return tr("high entropy");
    case ByteClass::Other: return tr("other data");
    }
    return {};
}

QString InformationModel::summary() const
{
    if (!hasData())
        return {};
    const std::vector<std::uint64_t> bytes = m_pyramid.bytesPerClass();
    const std::uint64_t total = m_pyramid.range().size;
    std::vector<int> order{0, 1, 2, 3, 4};
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return bytes[std::size_t(a)] > bytes[std::size_t(b)]; });
    const auto top = static_cast<ByteClass>(order[0]);
    const int share = percent(bytes[std::size_t(order[0])], total);
    if (share >= 50) {
        QString meaning;
        switch (top) {
        case ByteClass::HighEntropy: meaning = tr("likely compressed or encrypted"); break;
        case ByteClass::Zero: meaning = tr("mostly empty: padding, sparse or unused space"); break;
        case ByteClass::Erased: meaning = tr("likely an erased flash image"); break;
        case ByteClass::Text: meaning = tr("mostly readable text"); break;
        case ByteClass::Other: meaning = tr("structured binary data (code, tables, media)"); break;
        }
        return tr("%1 % %2 \u2014 %3").arg(share).arg(className(top), meaning);
    }
    return tr("Mixed content: %1 % %2, %3 % %4")
        .arg(share)
        .arg(className(top))
        .arg(percent(bytes[std::size_t(order[1])], total))
        .arg(className(static_cast<ByteClass>(order[1])));
}

QString InformationModel::breakdown() const
{
    if (!hasData())
        return {};
    const std::vector<std::uint64_t> bytes = m_pyramid.bytesPerClass();
    QStringList lines;
    for (int c = 0; c < 5; ++c)
        if (bytes[std::size_t(c)] > 0)
            lines << tr("%1: %2 %").arg(className(static_cast<ByteClass>(c))).arg(percent(bytes[std::size_t(c)], m_pyramid.range().size));
    lines << tr("Entropy of the whole: %1 bits per byte").arg(totalEntropy(), 0, 'f', 3);
    return lines.join(QLatin1Char('\n'));
}

} // namespace hexmap
