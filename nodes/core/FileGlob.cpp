#include "FileGlob.hpp"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace taskloom::nodes::core {

namespace {

const QRegularExpression::PatternOptions caseOption =
#ifdef Q_OS_WIN
    QRegularExpression::CaseInsensitiveOption;
#else
    QRegularExpression::NoPatternOption;
#endif

class Walker {
public:
    explicit Walker(QStringList segments) : m_segments(std::move(segments)) {}

    QStringList run(const QString& base)
    {
        walk(base, 0);
        std::sort(m_found.begin(), m_found.end());
        m_found.erase(std::unique(m_found.begin(), m_found.end()), m_found.end());
        return m_found;
    }

private:
    void walk(const QString& dir, int i)
    {
        const QString& segment = m_segments[i];
        const bool last = i + 1 == m_segments.size();
        if (segment == u"**") {
            walk(dir, i + 1); // zero folders
            for (const QFileInfo& sub : entries(dir, QStringLiteral("*"), QDir::Dirs))
                if (!sub.isSymLink())
                    walk(sub.absoluteFilePath(), i); // one more folder, still inside **
            return;
        }
        if (!FileGlob::isPattern(segment)) {
            const QFileInfo info(QDir(dir).filePath(segment));
            if (last && info.isFile())
                m_found.append(info.absoluteFilePath());
            else if (!last && info.isDir())
                walk(info.absoluteFilePath(), i + 1);
            return;
        }
        for (const QFileInfo& entry : entries(dir, segment, last ? QDir::Files : QDir::Dirs)) {
            if (last)
                m_found.append(entry.absoluteFilePath());
            else
                walk(entry.absoluteFilePath(), i + 1);
        }
    }

    QFileInfoList entries(const QString& dir, const QString& segment, QDir::Filters kind)
    {
        QDir::Filters filters = kind | QDir::NoDotAndDotDot;
        if (segment.startsWith(u'.'))
            filters |= QDir::Hidden;
        const QRegularExpression re(FileGlob::segmentRegex(segment), caseOption);
        QFileInfoList out;
        for (const QFileInfo& e : QDir(dir).entryInfoList(filters, QDir::Name)) {
            if (re.match(e.fileName()).hasMatch())
                out.append(e);
        }
        return out;
    }

    QStringList m_segments;
    QStringList m_found;
};

} // namespace

bool FileGlob::isPattern(QStringView path)
{
    return path.contains(u'*') || path.contains(u'?') || path.contains(u'[') || path.contains(u'{');
}

QString FileGlob::segmentRegex(QStringView segment)
{
    QString re = QStringLiteral("^");
    int braces = 0;
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const QChar c = segment[i];
        if (c == u'*') {
            re += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            re += QStringLiteral("[^/]");
        } else if (c == u'[' && segment.indexOf(u']', i + 2) > i) {
            const qsizetype close = segment.indexOf(u']', i + 2);
            QString set = segment.mid(i + 1, close - i - 1).toString();
            if (set.startsWith(u'!'))
                set[0] = u'^';
            set.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
            re += u'[' + set + u']';
            i = close;
        } else if (c == u'{') {
            ++braces;
            re += QStringLiteral("(?:");
        } else if (c == u',' && braces > 0) {
            re += u'|';
        } else if (c == u'}' && braces > 0) {
            --braces;
            re += u')';
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    while (braces-- > 0)
        re += u')';
    return re + u'$';
}

QStringList FileGlob::expand(const QString& pattern)
{
    QStringList segments = pattern.split(u'/');
    qsizetype first = 0;
    while (first < segments.size() && !isPattern(segments[first]))
        ++first;
    if (first == segments.size()) // no wildcard after all
        return QFileInfo(pattern).isFile() ? QStringList{QFileInfo(pattern).absoluteFilePath()} : QStringList{};
    if (segments.last() == u"**")
        segments.append(QStringLiteral("*")); // "data/**" means every file below data
    QString base = segments.mid(0, first).join(u'/');
    if (base.isEmpty())
        base = QStringLiteral("/");
    if (!QFileInfo(base).isDir())
        return {};
    return Walker(segments.mid(first)).run(base);
}

} // namespace taskloom::nodes::core
