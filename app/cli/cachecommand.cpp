// hexmap-cli cache FILE: what the kernel's page cache holds of a file (cachestat, or mincore on older kernels).
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"
#include "core/platform/pagecache.h"

#include <QJsonValue>

#include <chrono>
#include <optional>
#include <thread>

namespace hexmap::cli {
namespace {

QString bytesAndPages(std::uint64_t pages, std::uint64_t page)
{
    return QStringLiteral("%1 bytes (%2 pages, %3)")
        .arg(pages * page)
        .arg(pages)
        .arg(CommandLine::fromStd(formatSize(pages * page)));
}

QJsonObject toJson(const PageCacheState &s, ByteRange range, std::uint64_t page, const QString &path)
{
    const bool full = s.source == PageCacheSource::Cachestat;
    auto count = [full](std::uint64_t v) { return full ? QJsonValue(static_cast<qint64>(v)) : QJsonValue(); };
    QJsonObject o;
    o.insert(QStringLiteral("file"), path);
    o.insert(QStringLiteral("source"), QString::fromLatin1(pageCacheSourceName(s.source)));
    o.insert(QStringLiteral("page_size"), static_cast<qint64>(page));
    o.insert(QStringLiteral("offset"), static_cast<qint64>(range.offset));
    o.insert(QStringLiteral("length"), static_cast<qint64>(range.size));
    o.insert(QStringLiteral("pages"), static_cast<qint64>(s.pages));
    o.insert(QStringLiteral("cached"), static_cast<qint64>(s.cached));
    o.insert(QStringLiteral("dirty"), count(s.dirty)); // null: mincore cannot tell
    o.insert(QStringLiteral("writeback"), count(s.writeback));
    o.insert(QStringLiteral("evicted"), count(s.evicted));
    o.insert(QStringLiteral("recently_evicted"), count(s.recentlyEvicted));
    return o;
}

QString watchLine(const PageCacheState &s, std::uint64_t page)
{
    const QString cached = CommandLine::fromStd(formatSize(s.cached * page));
    if (s.source != PageCacheSource::Cachestat)
        return QStringLiteral("cached %1 (%2 pages) [mincore: dirty unknown]").arg(cached).arg(s.cached);
    return QStringLiteral("cached %1 (%2 pages)  dirty %3 (%4)  writeback %5 (%6)")
        .arg(cached)
        .arg(s.cached)
        .arg(CommandLine::fromStd(formatSize(s.dirty * page)))
        .arg(s.dirty)
        .arg(CommandLine::fromStd(formatSize(s.writeback * page)))
        .arg(s.writeback);
}

} // namespace

int runCache(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("cache"),
                    QStringLiteral("Show what the kernel's page cache holds of a file: cached, dirty, under writeback "
                                   "and evicted pages (cachestat, Linux 6.5+), or only cached pages (mincore) on "
                                   "older kernels. Counts are whole pages touching the range."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to examine (it is not read)."));
    cli.addRangeOptions();
    cli.addOption({QStringLiteral("watch"), QStringLiteral("Print one line (or JSON object) per second until "
                                                           "interrupted.")});
    cli.addOption({QStringLiteral("count"), QStringLiteral("With --watch: stop after N lines."), QStringLiteral("N")});
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    const QString path = cli.positionals().at(0);
    if (path.isEmpty())
        return cli.fail(ExitUsage, QStringLiteral("empty file name"));
    auto probe = PageCacheProbe::open(cli.positionalBytes(0));
    if (!probe)
        return cli.fail(ExitIoError, QStringLiteral("cannot open: ") + CommandLine::fromStd(probe.message()));
    auto size = probe->size();
    if (!size)
        return cli.fail(ExitIoError, CommandLine::fromStd(size.message()));
    int code = ExitOk;
    std::optional<ByteRange> range;
    if (*size == 0 && !cli.isSet(QStringLiteral("offset")) && !cli.isSet(QStringLiteral("length")))
        range = ByteRange{}; // an empty file holds no pages
    else
        range = cli.range(*size, &code);
    if (!range)
        return code;
    std::uint64_t lines = 0;
    if (cli.isSet(QStringLiteral("count"))) {
        auto n = parseSize(toBytes(cli.value(QStringLiteral("count"))));
        if (!n || *n == 0)
            return cli.fail(ExitUsage, QStringLiteral("--count needs a positive number: ") + cli.value(QStringLiteral("count")));
        lines = *n;
    }
    const std::uint64_t page = PageCacheProbe::pageSize();

    if (cli.isSet(QStringLiteral("watch"))) {
        // Until interrupted (Ctrl+C ends the process as for any command: the shell reports 130) or --count lines.
        for (std::uint64_t i = 0; lines == 0 || i < lines; ++i) {
            if (i > 0)
                std::this_thread::sleep_for(std::chrono::seconds(1));
            auto s = probe->probe(*range);
            if (!s)
                return cli.fail(ExitIoError, CommandLine::fromStd(s.message()));
            if (cli.json())
                cli.printJson(toJson(*s, *range, page, path));
            else
                printOut(watchLine(*s, page));
        }
        return ExitOk;
    }
    auto s = probe->probe(*range);
    if (!s)
        return cli.fail(ExitIoError, CommandLine::fromStd(s.message()));
    if (cli.json()) {
        cli.printJson(toJson(*s, *range, page, path));
        return ExitOk;
    }
    const bool full = s->source == PageCacheSource::Cachestat;
    const QString unknown = QStringLiteral("unknown (mincore tells residency only; cachestat needs Linux 6.5+)");
    printOut(QStringLiteral("file:       %1").arg(path));
    printOut(QStringLiteral("range:      %1 + %2 bytes (%3 pages of %4 bytes)")
                 .arg(range->offset)
                 .arg(range->size)
                 .arg(s->pages)
                 .arg(page));
    printOut(QStringLiteral("source:     %1").arg(QString::fromLatin1(pageCacheSourceName(s->source))));
    printOut(QStringLiteral("cached:     %1").arg(bytesAndPages(s->cached, page)));
    printOut(QStringLiteral("dirty:      %1").arg(full ? bytesAndPages(s->dirty, page) : unknown));
    printOut(QStringLiteral("writeback:  %1").arg(full ? bytesAndPages(s->writeback, page) : unknown));
    printOut(QStringLiteral("evicted:    %1").arg(full ? bytesAndPages(s->evicted, page) : unknown));
    return ExitOk;
}

} // namespace hexmap::cli
