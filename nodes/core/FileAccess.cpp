#include "FileAccess.hpp"

#include "TextCodec.hpp"

#include "engine/Template.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::nodes::core::FileAccess {

using namespace engine;

NodeError pathError(const QString& param, const QString& value, const QString& problem, const QString& absolute,
                    const QString& code)
{
    return NodeError::param(param, value, QStringLiteral("%1 (%2)").arg(problem, QDir::toNativeSeparators(absolute)), code);
}

QString existingFile(ExecutionContext& ctx, const QString& param, const QString& value)
{
    if (value.trimmed().isEmpty())
        throw NodeError::param(param, value, QStringLiteral("no file given"), QStringLiteral("INVALID_PARAMETER"));
    const QString path = ctx.resolvePath(value);
    const QFileInfo info(path);
    if (!info.exists())
        throw pathError(param, value, QStringLiteral("no such file"), path, QStringLiteral("FILE_NOT_FOUND"));
    if (info.isDir())
        throw pathError(param, value, QStringLiteral("is a folder; for the files in it, use a pattern like %1/*").arg(value),
                        path, QStringLiteral("FILE_NOT_FOUND"));
    if (!info.isReadable())
        throw pathError(param, value, QStringLiteral("not readable (permission denied)"), path, QStringLiteral("FILE_READ_FAILED"));
    return path;
}

QString fileToWrite(ExecutionContext& ctx, const QString& param, const QString& value, bool createFolders,
                    const QString& mode)
{
    if (value.trimmed().isEmpty())
        throw NodeError::param(param, value, QStringLiteral("no file given"), QStringLiteral("INVALID_PARAMETER"));
    const QString path = ctx.resolvePath(value);
    const QFileInfo info(path);
    if (info.isDir())
        throw pathError(param, value, QStringLiteral("is a folder, not a file"), path, QStringLiteral("FILE_WRITE_FAILED"));
    if (mode == u"failIfExists" && info.exists())
        throw pathError(param, value, QStringLiteral("the file exists"), path, QStringLiteral("FILE_EXISTS"));
    const QString folder = info.absolutePath();
    if (QFileInfo(folder).isDir())
        return path;
    if (!createFolders)
        throw pathError(param, value, QStringLiteral("the folder does not exist (turn on \"Create folders\")"), path,
                        QStringLiteral("FILE_WRITE_FAILED"));
    if (!QDir().mkpath(folder))
        throw pathError(param, value, QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)),
                        path, QStringLiteral("FILE_WRITE_FAILED"));
    return path;
}

QStringDecoder decoder(const QString& param, const QString& name, QByteArrayView head)
{
    auto d = TextCodec::decoder(name, head);
    if (!d)
        throw NodeError::param(param, name, TextCodec::unknownMessage());
    return std::move(*d);
}

QStringEncoder encoder(const QString& param, const QString& name)
{
    auto e = TextCodec::encoder(name);
    if (!e)
        throw NodeError::param(param, name, TextCodec::unknownMessage());
    return std::move(*e);
}

void checkEncoding(const Object& params, const QString& param, QList<std::pair<QString, QString>>& problems)
{
    const Value& v = params.value(param);
    if (v.isString() && !Template::containsExpression(v.stringRef()) && !TextCodec::isKnown(v.stringRef()))
        problems.append({param, QStringLiteral("\"%1\": %2").arg(v.stringRef(), TextCodec::unknownMessage())});
}

ParamSpec encodingParam(const QString& defaultName)
{
    return ParamSpec::string(QStringLiteral("encoding"), QStringLiteral("Encoding"))
        .defaults(defaultName)
        .hint(QStringLiteral("utf-8, utf-16, latin1, windows-1252, ..."))
        .describe(defaultName == u"auto"
                      ? QStringLiteral("The text encoding. \"auto\" reads a byte order mark and otherwise assumes UTF-8.")
                      : QStringLiteral("The text encoding, by name (utf-8, utf-16, utf-16le, latin1, windows-1252, shift_jis, ...)."));
}

ParamSpec createFoldersParam()
{
    return ParamSpec::boolean(QStringLiteral("createFolders"), QStringLiteral("Create folders"), true)
        .describe(QStringLiteral("Create the file's folder (and its parents) when it does not exist."));
}

ParamSpec writeModeParam(bool withAppend)
{
    QList<ParamOption> options = {{QStringLiteral("overwrite"), QStringLiteral("Replace the file"),
                                   QStringLiteral("Written to a temporary file first and renamed: never half-written.")}};
    if (withAppend)
        options.append({QStringLiteral("append"), QStringLiteral("Append to the file"), {}});
    options.append({QStringLiteral("failIfExists"), QStringLiteral("Fail if the file exists"), {}});
    return ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("If the file exists"), options);
}

ErrorSpec fileNotFoundError()
{
    return {QStringLiteral("FILE_NOT_FOUND"), QStringLiteral("The file does not exist (or is a folder)."), false};
}

ErrorSpec fileReadError()
{
    return {QStringLiteral("FILE_READ_FAILED"), QStringLiteral("The file cannot be read."), false};
}

ErrorSpec fileWriteError()
{
    return {QStringLiteral("FILE_WRITE_FAILED"),
            QStringLiteral("The file cannot be written: no permission, no such folder, or the disk is full."), false};
}

ErrorSpec fileExistsError()
{
    return {QStringLiteral("FILE_EXISTS"), QStringLiteral("The file exists and \"Fail if the file exists\" is chosen."), false};
}

ErrorSpec invalidParameterError()
{
    return {QStringLiteral("INVALID_PARAMETER"), QStringLiteral("A parameter has a value the node cannot use."), false};
}

ErrorSpec expressionError()
{
    return {QStringLiteral("EXPRESSION_ERROR"), QStringLiteral("An expression in a parameter failed."), false};
}

} // namespace taskloom::nodes::core::FileAccess
