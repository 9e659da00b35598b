#include "Cli.hpp"

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

} // namespace taskloom::cli
