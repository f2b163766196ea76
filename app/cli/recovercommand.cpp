// hexmap-cli recover FILE
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "core/journalrecovery.h"

#include <QJsonObject>

#include <sys/stat.h>

namespace hexmap::cli {
namespace {

const char *outcomeName(JournalOutcome o)
{
    switch (o) {
    case JournalOutcome::None: return "none";
    case JournalOutcome::Replayed: return "completed";
    case JournalOutcome::Discarded: return "discarded";
    case JournalOutcome::Refused: return "refused";
    case JournalOutcome::Busy: return "busy";
    case JournalOutcome::Failed: return "failed";
    }
    return "?";
}

} // namespace

int runRecover(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("recover"),
                    QStringLiteral("Complete an interrupted save of FILE (an overwrite, insert or delete) from its "
                                   "journal, or discard a journal that was never committed, and say what happened. "
                                   "Every other command does this first too."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file whose interrupted save to complete."));
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    const QString file = cli.positionals().at(0);
    if (file.isEmpty())
        return cli.fail(ExitUsage, QStringLiteral("empty file name"));
    const std::string path = toBytes(file);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return cli.fail(Error::fromErrno(errno, path), QStringLiteral("cannot open"));
    const JournalRecovery r = recoverSaveJournal(path);
    const QString message = r.happened() ? CommandLine::fromStd(r.message())
                                         : QStringLiteral("No interrupted save of %1 is pending").arg(file);
    if (r.outcome == JournalOutcome::Busy)
        return cli.fail(ExitLocked, message);
    if (r.leavesFilePending())
        return cli.fail(ExitIoError, message);
    if (cli.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("outcome"), QString::fromLatin1(outcomeName(r.outcome)));
        o.insert(QStringLiteral("insertDelete"), r.insertDelete);
        o.insert(QStringLiteral("message"), message);
        cli.printJson(o);
    } else {
        printOut(message);
    }
    return ExitOk;
}

} // namespace hexmap::cli
