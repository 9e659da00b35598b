#include "Cli.hpp"

#include "app/runtime/Runtime.hpp"

#include <cstdio>

namespace taskloom::cli {

void err(const QString& line)
{
    const QByteArray b = line.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void out(const QString& text)
{
    out(text.toUtf8());
}

void out(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(int code, const QString& message)
{
    err(QStringLiteral("taskloom: ") + message);
    return code;
}

QCommandLineOption nodesDirOption()
{
    return QCommandLineOption(QStringLiteral("nodes-dir"),
                              QStringLiteral("Folder of Lua node types (default $TASKLOOM_NODES_DIR, settings lua.nodesFolder, or <data dir>/nodes)."),
                              QStringLiteral("dir"));
}

void reportLuaNodeProblems(const app::Runtime& runtime)
{
    for (const QString& problem : runtime.luaNodeProblems())
        err(QStringLiteral("taskloom: warning: Lua node not loaded: %1").arg(problem));
}

} // namespace taskloom::cli
