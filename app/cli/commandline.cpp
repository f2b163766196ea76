#include "app/cli/commandline.h"

#include "app/cli/devicegate.h"
#include "app/cli/exitcode.h"
#include "core/journalrecovery.h"
#include "core/numberparser.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace hexmap::cli {

void printErr(const QString &line)
{
    const QByteArray bytes = shown(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void printOut(const QString &line)
{
    const QByteArray bytes = shown(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

QString mappingDescription(const MappedFile &file)
{
    return file.isMapped() ? QStringLiteral("whole file")
                           : QStringLiteral("none (too large to map: reads and writes use pread/pwrite)");
}

CommandLine::CommandLine(const QString &command, const QString &description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print one machine-readable JSON result object.")});
}

CommandLine::~CommandLine()
{
    if (m_deviceClaim >= 0)
        ::close(m_deviceClaim);
}

void CommandLine::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
    m_usage += (m_usage.isEmpty() ? QString() : QStringLiteral(" ")) + (syntax.isEmpty() ? name : syntax);
}

void CommandLine::addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

void CommandLine::addRangeOptions()
{
    m_parser.addOption({QStringLiteral("offset"),
                        QStringLiteral("Start of the range: decimal, 0x hex, K/M/G/T (1024) or KB/MB/GB/TB (1000) "
                                       "suffix; negative counts from the end of the file. Default 0."),
                        QStringLiteral("O")});
    m_parser.addOption({QStringLiteral("length"),
                        QStringLiteral("Length of the range (same syntax). Default: up to the end of the file."),
                        QStringLiteral("L")});
}

void CommandLine::addJobOptions()
{
    m_parser.addOption({QStringLiteral("threads"),
                        QStringLiteral("Worker threads (default: the number of cores)."), QStringLiteral("N")});
    m_parser.addOption({QStringLiteral("chunk"),
                        QStringLiteral("Bytes each worker writes between progress updates and cancel checks "
                                       "(default 8M)."),
                        QStringLiteral("SIZE")});
    m_parser.addOption({QStringLiteral("sync"), QStringLiteral("Sync the range to stable storage when done.")});
    m_parser.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    m_parser.addOption({QStringLiteral("force"),
                        QStringLiteral("Allow writing to a block device (refused without it, and refused even with it "
                                       "while the device or one of its partitions is mounted or in use).")});
}

std::optional<int> CommandLine::parse(const QStringList &arguments, int minPositionals, int maxPositionals)
{
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("hexmap-cli ") + m_command);
    m_json = arguments.contains(QStringLiteral("--json")); // also for errors the parser itself reports
    if (!m_parser.parse(argv)) {
        // "-1" as a value is read as the option "-1": say what was typed instead of "Unknown option '1'".
        for (const QString &name : m_parser.unknownOptionNames()) {
            bool number = false;
            name.toULongLong(&number);
            if (number)
                return fail(ExitUsage, QStringLiteral("negative value '-%1' (values are 0 or more)").arg(name));
        }
        return fail(ExitUsage, m_parser.errorText());
    }
    m_json = m_parser.isSet(QStringLiteral("json"));
    if (m_parser.isSet(QStringLiteral("help"))) {
        QString help = m_parser.helpText();
        const QString self = QCoreApplication::arguments().value(0);
        if (!self.isEmpty())
            help.replace(QStringLiteral("Usage: ") + self, QStringLiteral("Usage: hexmap-cli ") + m_command);
        printOut(help);
        return ExitOk;
    }
    const auto count = m_parser.positionalArguments().size();
    if (count < minPositionals) {
        return fail(ExitUsage, QStringLiteral("missing argument (usage: hexmap-cli %1 %2)")
                                   .arg(m_command, m_usage.isEmpty() ? QStringLiteral("...") : m_usage));
    }
    if (count > maxPositionals)
        return fail(ExitUsage, QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().at(maxPositionals)));
    return std::nullopt;
}

std::optional<ByteRange> CommandLine::range(std::uint64_t fileSize, int *exitCode, const QString &file) const
{
    const std::string offset = toBytes(m_parser.value(QStringLiteral("offset")));
    const std::string length = toBytes(m_parser.value(QStringLiteral("length")));
    const bool hasOffset = m_parser.isSet(QStringLiteral("offset"));
    const bool hasLength = m_parser.isSet(QStringLiteral("length"));
    auto r = resolveRange(hasOffset ? std::optional<std::string_view>(offset) : std::nullopt,
                          hasLength ? std::optional<std::string_view>(length) : std::nullopt, fileSize);
    if (!r) {
        QString what = QStringLiteral("bad range");
        if (r.code() == Errc::InvalidArgument)
            what = QStringLiteral("empty range (zero length)");
        else if (r.code() == Errc::OutOfBounds)
            what = QStringLiteral("range past the end of the file (%1 bytes)").arg(fileSize);
        else if (r.code() == Errc::ParseError)
            what = QStringLiteral("malformed offset or length");
        if (!file.isEmpty())
            what = file + QStringLiteral(": ") + what;
        *exitCode = fail(ExitUsage, what + QStringLiteral(": ") + fromStd(r.message()));
        return std::nullopt;
    }
    return r.value();
}

std::optional<std::uint64_t> CommandLine::count(const QString &name, std::uint64_t fallback, std::uint64_t max,
                                                int *exitCode) const
{
    if (!isSet(name))
        return fallback;
    const QString text = value(name);
    auto n = parseSize(toBytes(text));
    if (!n || *n == 0 || *n > max) {
        *exitCode = fail(ExitUsage, QStringLiteral("bad --%1 value '%2': expected a whole number from 1 to %3")
                                        .arg(name, text).arg(max));
        return std::nullopt;
    }
    return *n;
}

std::optional<MappedFile> CommandLine::openFile(const QString &path, bool writable, int *exitCode) const
{
    if (path.isEmpty()) {
        *exitCode = fail(ExitUsage, QStringLiteral("empty file name"));
        return std::nullopt;
    }
    const std::string p = toBytes(path);
    const JournalRecovery recovered = recoverSaveJournal(p); // a journal left by an interrupted Save (GUI or CLI)
    if (recovered.happened())
        printErr(QStringLiteral("hexmap-cli %1: %2").arg(m_command, fromStd(recovered.message())));
    if (writable && recovered.leavesFilePending()) {
        *exitCode = fail(ExitIoError, QStringLiteral("not writing a file whose interrupted save is still pending"));
        return std::nullopt;
    }
    bool device = false;
    if (writable) {
        if (auto refused = devicegate::refuseWrite(*this, p, &device, &m_deviceClaim)) {
            *exitCode = *refused;
            return std::nullopt;
        }
    }
    const OpenMode mode = !writable ? OpenMode::ReadOnly : device ? OpenMode::ReadWriteDevice : OpenMode::ReadWrite;
    auto file = MappedFile::open(p, mode);
    if (!file) {
        *exitCode = fail(file.code() == Errc::WriteLocked ? ExitLocked : ExitIoError,
                         QStringLiteral("cannot open: ") + fromStd(file.message()));
        return std::nullopt;
    }
    return std::move(file).value();
}

int CommandLine::exitCodeFor(const std::error_code &code)
{
    if (code == Errc::ParseError || code == Errc::InvalidArgument || code == Errc::OutOfBounds)
        return ExitUsage;
    if (code == Errc::Cancelled)
        return ExitCancelled;
    return ExitIoError;
}

int CommandLine::fail(const Error &error, const QString &what) const
{
    const QString text = fromStd(error.message());
    return fail(exitCodeFor(error.code), what.isEmpty() ? text : what + QStringLiteral(": ") + text);
}

int CommandLine::fail(int exitCode, const QString &message) const
{
    printErr(QStringLiteral("hexmap-cli %1: %2").arg(m_command, message));
    if (m_json) {
        QJsonObject o;
        o.insert(QStringLiteral("ok"), false);
        o.insert(QStringLiteral("command"), m_command);
        o.insert(QStringLiteral("error"), shown(message));
        o.insert(QStringLiteral("exitCode"), exitCode);
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    return exitCode;
}

void CommandLine::printJson(QJsonObject result) const
{
    if (!m_json)
        return;
    for (auto it = result.begin(); it != result.end(); ++it) {
        if (it.value().isString())
            it.value() = shown(it.value().toString());
    }
    result.insert(QStringLiteral("ok"), true);
    result.insert(QStringLiteral("command"), m_command);
    printOut(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
}

} // namespace hexmap::cli
