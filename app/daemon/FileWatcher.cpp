#include "FileWatcher.hpp"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace taskloom::daemon {

FileWatcher::FileWatcher(QString folder, QStringList patterns, int debounceMs, Callback callback, QObject* parent)
    : QObject(parent), m_folder(std::move(folder)), m_patterns(std::move(patterns)), m_debounceMs(debounceMs),
      m_callback(std::move(callback))
{
}

void FileWatcher::setBaseline(Snapshot baseline)
{
    m_baseline = std::move(baseline);
}

void FileWatcher::setSnapshotCallback(std::function<void(const Snapshot&)> callback)
{
    m_snapshot = std::move(callback);
}

bool FileWatcher::start(QString* error)
{
    if (!QFileInfo(m_folder).isDir()) {
        if (error)
            *error = QStringLiteral("the folder %1 does not exist").arg(m_folder);
        return false;
    }
    if (m_baseline) {
        // Only what this watch would have seen: the folder or patterns may have changed in the flow since.
        const QString folder = QFileInfo(m_folder).absoluteFilePath();
        m_known.clear();
        for (auto it = m_baseline->cbegin(); it != m_baseline->cend(); ++it) {
            const QFileInfo f(it.key());
            if (f.absolutePath() == folder && QDir::match(m_patterns, f.fileName()))
                m_known.insert(it.key(), *it);
        }
        m_baseline.reset();
        QTimer::singleShot(0, this, [this] { rescan(); }); // report what changed meanwhile, debounced as usual
    } else {
        m_known = scan();
    }
    if (m_snapshot)
        m_snapshot(m_known);
    m_watcher = new QFileSystemWatcher(this);
    m_watcher->addPath(m_folder);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { rescan(); });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { rescan(); });
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    connect(m_settle, &QTimer::timeout, this, [this] { settle(); });
    return true;
}

QHash<QString, FileWatcher::Seen> FileWatcher::scan() const
{
    QHash<QString, Seen> out;
    const QFileInfoList files = QDir(m_folder).entryInfoList(m_patterns, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& f : files)
        out.insert(f.absoluteFilePath(), Seen{f.size(), f.lastModified()});
    return out;
}

void FileWatcher::rescan()
{
    const QHash<QString, Seen> now = scan();
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    for (auto it = now.begin(); it != now.end(); ++it) {
        const auto known = m_known.constFind(it.key());
        const bool isNew = known == m_known.constEnd();
        if (!isNew && known->size == it->size && known->modified == it->modified)
            continue;
        Pending& p = m_pending[it.key()];
        if (p.kind.isEmpty())
            p.kind = isNew ? QStringLiteral("new") : QStringLiteral("changed");
        if (p.size != it->size || p.modified != it->modified) {
            p.size = it->size;
            p.modified = it->modified;
            p.stableSinceMs = t;
        }
        // Watch the file itself too, so appends wake us while it grows.
        if (m_watcher && !m_watcher->files().contains(it.key()))
            m_watcher->addPath(it.key());
    }
    bool deleted = false;
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (now.contains(it.key())) {
            ++it;
            continue;
        }
        const QString path = it.key();
        it = m_known.erase(it);
        const bool wasPendingNew = m_pending.value(path).kind == u"new";
        m_pending.remove(path);
        if (m_watcher)
            m_watcher->removePath(path);
        if (!wasPendingNew) {
            m_callback(Event{QStringLiteral("deleted"), path, 0, {}});
            deleted = true;
        }
    }
    if (deleted && m_snapshot)
        m_snapshot(m_known); // once for the whole scan: a folder emptied at once is one write, not one per file
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!now.contains(it.key())) // a new file deleted again before it settled
            it = m_pending.erase(it);
        else
            ++it;
    }
    if (!m_pending.isEmpty() && !m_settle->isActive())
        m_settle->start(std::max(50, m_debounceMs / 4));
}

void FileWatcher::settle()
{
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    // Look again: inotify may have merged the last writes into an event we already handled.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        const QFileInfo f(it.key());
        if (f.exists() && (f.size() != it->size || f.lastModified() != it->modified)) {
            it->size = f.size();
            it->modified = f.lastModified();
            it->stableSinceMs = t;
        }
    }
    QList<Event> ready;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!QFileInfo::exists(it.key())) {
            it = m_pending.erase(it);
            continue;
        }
        if (t - it->stableSinceMs >= m_debounceMs) {
            ready.append(Event{it->kind, it.key(), it->size, it->modified});
            m_known.insert(it.key(), Seen{it->size, it->modified});
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (const Event& e : ready)
        m_callback(e);
    if (!ready.isEmpty() && m_snapshot)
        m_snapshot(m_known);
    if (!m_pending.isEmpty())
        m_settle->start(std::max(50, m_debounceMs / 4));
}

} // namespace taskloom::daemon
