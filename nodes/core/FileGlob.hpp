#pragma once

#include <QString>
#include <QStringList>

namespace taskloom::nodes::core {

/// File name patterns as shells know them: `*` and `?` within one name, `[abc]` / `[!abc]`, `{csv,txt}`, and
/// `**` for any number of folders (`data/**/*.csv`). Like shells, a wildcard does not match a leading dot
/// unless the pattern starts with one; `**` does not follow symbolic links into folders (no loops).
class FileGlob {
public:
    static bool isPattern(QStringView path);
    /// The files matching an absolute pattern with '/' separators, sorted by path. Folders never match.
    static QStringList expand(const QString& pattern);
    /// A regular expression for one path segment (no '/').
    static QString segmentRegex(QStringView segment);
};

} // namespace taskloom::nodes::core
