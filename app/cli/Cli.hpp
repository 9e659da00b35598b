#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

namespace taskloom::app {
class Runtime;
}

namespace taskloom::cli {

/// `taskloom` exit codes (ARCHITECTURE.md): 0 succeeded, 1 a node failed, 2 invalid flow or usage,
/// 3 cancelled, 4 timed out.
enum ExitCode { Ok = 0, NodeFailed = 1, Usage = 2, Cancelled = 3, TimedOut = 4 };

/// Writes one line to stderr.
void err(const QString& line);
/// Writes text to stdout as UTF-8 (no newline added).
void out(const QString& text);
void out(const QByteArray& bytes);
/// "taskloom: <message>" on stderr; returns `code`.
int fail(int code, const QString& message);

/// --nodes-dir DIR: the folder of the user's Lua node types (run, validate, nodes).
QCommandLineOption nodesDirOption();
/// Prints one warning per Lua node file that did not load (the nodes that loaded are usable).
void reportLuaNodeProblems(const app::Runtime& runtime);

/// Every command has the same shape: arguments after the command name (argv[0] is "taskloom <command>").
int runCommand(const QStringList& args);
int validateCommand(const QStringList& args);
int nodesCommand(const QStringList& args);
int runsCommand(const QStringList& args);
int credentialsCommand(const QStringList& args);
int daemonCommand(const QStringList& args);
int scheduleCommand(const QStringList& args);
int ocrCommand(const QStringList& args);
int summarizeCommand(const QStringList& args);
int recordCommand(const QStringList& args);
int replayCommand(const QStringList& args);

} // namespace taskloom::cli
