#pragma once

#include <QCommandLineParser>

#include <optional>

namespace taskloom::cli {

/// QCommandLineParser with the conventions every command shares: --help prints the command's help and exits 0,
/// a usage error prints one line and gives exit code 2 (QCommandLineParser::process would exit 1).
class CommandLine {
public:
    CommandLine(const QString& command, const QString& description);

    QCommandLineParser& parser() { return m_parser; }
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    void addPositional(const QString& name, const QString& description, const QString& syntax = {})
    {
        m_parser.addPositionalArgument(name, description, syntax);
    }
    /// Parses; returns an exit code when the command should stop now (help shown, or a usage error).
    std::optional<int> parse(const QStringList& args, int minPositional, int maxPositional);

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace taskloom::cli
