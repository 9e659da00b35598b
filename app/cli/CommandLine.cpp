#include "CommandLine.hpp"

#include "Cli.hpp"

#include <QCoreApplication>

namespace taskloom::cli {

CommandLine::CommandLine(const QString& command, const QString& description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

std::optional<int> CommandLine::parse(const QStringList& args, int minPositional, int maxPositional)
{
    QStringList argv = args;
    argv.prepend(QStringLiteral("taskloom ") + m_command);
    if (!m_parser.parse(argv))
        return fail(Usage, QStringLiteral("%1: %2 (see taskloom %1 --help)").arg(m_command, m_parser.errorText()));
    if (m_parser.isSet(QStringLiteral("help"))) {
        // Qt names the program by argv[0] (a full path) and knows nothing of sub-commands.
        QString help = m_parser.helpText();
        const QString qtUsage = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        if (help.startsWith(qtUsage))
            help.replace(0, qtUsage.size(), QStringLiteral("Usage: taskloom ") + m_command);
        out(help);
        return Ok;
    }
    const qsizetype n = m_parser.positionalArguments().size();
    if (n < minPositional)
        return fail(Usage, QStringLiteral("%1: missing argument (see taskloom %1 --help)").arg(m_command));
    if (maxPositional >= 0 && n > maxPositional)
        return fail(Usage, QStringLiteral("%1: unexpected argument \"%2\" (see taskloom %1 --help)")
                               .arg(m_command, m_parser.positionalArguments().at(maxPositional)));
    return std::nullopt;
}

} // namespace taskloom::cli
