#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace taskloom::studio {

/// Watches the user's Lua node folder for node files (*.lua) that are added or saved, and reports them once
/// the writes settle (editors save in several steps, or write a new file and rename it over the old one,
/// which ends a plain file watch: the folder watch catches that and the file is watched again). A folder that
/// does not exist yet is noticed when it is created.
class LuaNodeWatcher : public QObject {
    Q_OBJECT
public:
    explicit LuaNodeWatcher(const QString& folder, QObject* parent = nullptr, int settleMs = 300);

    const QString& folder() const { return m_folder; }
    /// Checks the folder now instead of after the settle delay (tests).
    void scanNow();

Q_SIGNALS:
    /// Node files that appeared or changed since the last scan, in name order.
    void filesChanged(const QStringList& paths);

private:
    struct Stamp {
        QDateTime modified;
        qint64 size = -1;
        bool operator==(const Stamp&) const = default;
    };
    QHash<QString, Stamp> snapshot() const;
    void watchFiles();
    void watchFolder();

    QString m_folder;
    QFileSystemWatcher* m_watcher;
    QTimer* m_settle;
    QHash<QString, Stamp> m_known;
};

} // namespace taskloom::studio
