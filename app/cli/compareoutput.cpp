#include "app/cli/compareoutput.h"

#include "app/cli/commandline.h"

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <span>
#include <tuple>
#include <vector>

namespace hexmap::cli {
namespace {

constexpr std::size_t kFlushAt = 1u << 16;
constexpr std::size_t kReadBlock = 1u << 16;

int digits(std::uint64_t n)
{
    int d = 1;
    while (n /= 10)
        ++d;
    return d;
}

} // namespace

bool CompareOutput::put(const char *text, std::size_t n)
{
    m_out.append(text, n);
    return flush(false);
}

bool CompareOutput::flush(bool last)
{
    if (m_out.size() < kFlushAt && !last)
        return true;
    const bool ok = std::fwrite(m_out.data(), 1, m_out.size(), stdout) == m_out.size();
    m_out.clear();
    if (!ok || (last && std::fflush(stdout) != 0)) {
        m_error = QStringLiteral("cannot write to standard output");
        return false;
    }
    return true;
}

bool CompareOutput::writeRuns()
{
    char line[48];
    for (const CompareRun &r : m_result.runs) {
        const int n = std::snprintf(line, sizeof line, "0x%llx %llu\n", static_cast<unsigned long long>(r.offset),
                                    static_cast<unsigned long long>(r.length));
        if (!put(line, static_cast<std::size_t>(n)))
            return false;
    }
    return flush(true);
}

bool CompareOutput::writeJson(const QByteArray &head)
{
    const auto u = [](std::uint64_t v) { return std::to_string(v); };
    const auto b = [](bool v) { return std::string(v ? "true" : "false"); };
    std::string text(head.constData(), static_cast<std::size_t>(head.size()));
    if (!text.empty() && text.back() == '}')
        text.pop_back();
    if (text.size() > 1)
        text += ',';
    text += "\"equal\":" + b(m_result.equal()) + ",\"size_a\":" + u(m_result.sizeA) + ",\"size_b\":" +
            u(m_result.sizeB) + ",\"offset_a\":" + u(m_result.offsetA) + ",\"offset_b\":" + u(m_result.offsetB) +
            ",\"length\":" + u(m_result.length) + ",\"same_file\":" + b(m_result.sameFile) + ",\"capped\":" +
            b(m_result.capped) + ",\"runs\":[";
    if (!put(text.data(), text.size()))
        return false;
    char item[64];
    for (std::size_t i = 0; i < m_result.runs.size(); ++i) {
        const CompareRun &r = m_result.runs[i];
        const int n = std::snprintf(item, sizeof item, "%s[%llu,%llu]", i ? "," : "",
                                    static_cast<unsigned long long>(r.offset),
                                    static_cast<unsigned long long>(r.length));
        if (!put(item, static_cast<std::size_t>(n)))
            return false;
    }
    return put("]}\n", 3) && flush(true);
}

bool CompareOutput::writeCmp()
{
    // cmp pads the byte number to the width of the largest one it could print: the compared length.
    const int width = digits(m_result.length);
    std::vector<std::byte> bufA(kReadBlock);
    std::vector<std::byte> bufB(kReadBlock);
    char line[64];
    const std::uint64_t shift = m_result.offsetB - m_result.offsetA; // modular: offsets on B = offset on A + shift
    for (const CompareRun &r : m_result.runs) {
        for (std::uint64_t done = 0; done < r.length;) {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kReadBlock, r.length - done));
            const std::uint64_t at = r.offset + done;
            for (auto [source, offset, buffer] : {std::tuple{&m_a, at, &bufA}, std::tuple{&m_b, at + shift, &bufB}}) {
                if (auto status = source->readExactly(offset, std::span(buffer->data(), n)); !status) {
                    flush(true);
                    m_error = CommandLine::fromStd(status.message());
                    return false;
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (bufA[i] == bufB[i])
                    continue; // a run holds only differing bytes without a merge gap; kept exact anyway
                const int len = std::snprintf(
                    line, sizeof line, "%*llu %3o %3o\n", width,
                    static_cast<unsigned long long>(at + i - m_result.offsetA + 1),
                    static_cast<unsigned>(bufA[i]), static_cast<unsigned>(bufB[i]));
                if (!put(line, static_cast<std::size_t>(len)))
                    return false;
            }
            done += n;
        }
    }
    return flush(true);
}

} // namespace hexmap::cli
