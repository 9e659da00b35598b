#pragma once

#include "Value.hpp"

#include <QByteArray>
#include <QString>

#include <expected>

namespace taskloom::engine {

/// Where and why JSON text failed to parse. Line and column are 1-based; column counts bytes.
struct JsonError {
    qsizetype offset = 0;
    int line = 1;
    int column = 1;
    QString message;

    /// "line 3, column 14: expected ',' or '}'"
    QString toString() const;
};

/// Order-preserving JSON reading and writing for Value. Qt's QJsonDocument sorts object keys, which would
/// reorder users' fields and CSV columns; this keeps them as written.
class Json {
public:
    struct WriteOptions {
        bool indent = false; ///< two spaces per level, one key per line
        /// With indent: an array or object whose one-line form fits in this many characters stays on one line
        /// (0: never), which keeps flow files short and their diffs readable.
        int inlineWidth = 0;
    };

    /// Nesting deeper than this is an error rather than a stack overflow.
    static constexpr int maxDepth = 256;

    static std::expected<Value, JsonError> parse(QByteArrayView text);
    static QByteArray serialize(const Value& value);
    static QByteArray serialize(const Value& value, const WriteOptions& options);
    static QByteArray serialize(const Object& object, const WriteOptions& options);
    /// Shortest text that reads back to the same double; NaN and infinities have no JSON form and become "null".
    static QString formatDouble(double d);
};

} // namespace taskloom::engine
