#pragma once

#include "engine/ExecutionContext.hpp"
#include "engine/NodeSpec.hpp"

#include <QStringDecoder>
#include <QStringEncoder>

namespace taskloom::nodes::core {

/// What the file, CSV and JSON nodes share: path checks with the errors users should see, encodings by name,
/// and the parameters every one of them offers in the same words.
namespace FileAccess {

/// `parameter "path" = "orders.csv": no such file (/abs/orders.csv)`
engine::NodeError pathError(const QString& param, const QString& value, const QString& problem, const QString& absolute,
                            const QString& code);

/// Resolves a path parameter's value and checks that it names a readable file; throws FILE_NOT_FOUND or
/// FILE_READ_FAILED naming the parameter, the value and the absolute path.
QString existingFile(engine::ExecutionContext& ctx, const QString& param, const QString& value);

/// Resolves a path to write and makes sure its folder exists (creating it when `createFolders`); throws
/// FILE_WRITE_FAILED, or FILE_EXISTS when the file exists and `mode` (a writeModeParam value) is "failIfExists".
QString fileToWrite(engine::ExecutionContext& ctx, const QString& param, const QString& value, bool createFolders,
                    const QString& mode);

/// A decoder for an encoding parameter; "auto" looks at the file's first bytes. Throws INVALID_PARAMETER.
QStringDecoder decoder(const QString& param, const QString& name, QByteArrayView head = {});
QStringEncoder encoder(const QString& param, const QString& name);

/// Validation for checkParams: an encoding parameter that names no encoding (expressions are checked at run time).
void checkEncoding(const engine::Object& params, const QString& param, QList<std::pair<QString, QString>>& problems);

// Parameters with the same name, words and defaults in every node.
engine::ParamSpec encodingParam(const QString& defaultName);
engine::ParamSpec createFoldersParam();
engine::ParamSpec writeModeParam(bool withAppend);

engine::ErrorSpec fileNotFoundError();
engine::ErrorSpec fileReadError();
engine::ErrorSpec fileWriteError();
engine::ErrorSpec fileExistsError();
engine::ErrorSpec invalidParameterError();
engine::ErrorSpec expressionError();

} // namespace FileAccess

} // namespace taskloom::nodes::core
