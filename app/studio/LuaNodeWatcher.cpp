#include "LuaNodeWatcher.hpp"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace taskloom::studio {

LuaNodeWatcher::LuaNodeWatcher(const QString& folder, QObject* parent, int settleMs)
    : QObject(parent), m_folder(folder), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(settleMs);
    connect(m_settle, &QTimer::timeout, this, &LuaNodeWatcher::scanNow);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle, qOverload<>(&QTimer::start));
    watchFolder();
    m_known = snapshot();
    watchFiles();
}

// The folder, or while it does not exist yet its parent, so creating the folder is noticed too.
void LuaNodeWatcher::watchFolder()
{
    if (m_folder.isEmpty())
        return;
    const QString parent = QFileInfo(m_folder).absolutePath();
    if (QFileInfo(m_folder).isDir()) {
        if (!m_watcher->directories().contains(m_folder))
            m_watcher->addPath(m_folder);
        if (m_watcher->directories().contains(parent))
            m_watcher->removePath(parent);
    } else if (QFileInfo(parent).isDir() && !m_watcher->directories().contains(parent)) {
        m_watcher->addPath(parent);
    }
}

QHash<QString, LuaNodeWatcher::Stamp> LuaNodeWatcher::snapshot() const
{
    QHash<QString, Stamp> files;
    if (m_folder.isEmpty())
        return files;
    const QDir dir(m_folder);
    for (const QFileInfo& f : dir.entryInfoList({QStringLiteral("*.lua")}, QDir::Files | QDir::Readable, QDir::Name))
        files.insert(f.absoluteFilePath(), {f.lastModified(), f.size()});
    return files;
}

void LuaNodeWatcher::watchFiles()
{
    const QStringList watched = m_watcher->files();
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (!watched.contains(it.key()))
            m_watcher->addPath(it.key());
    }
}

void LuaNodeWatcher::scanNow()
{
    m_settle->stop();
    watchFolder();
    const QHash<QString, Stamp> now = snapshot();
    QStringList changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto before = m_known.constFind(it.key());
        if (before == m_known.cend() || !(before.value() == it.value()))
            changed.append(it.key());
    }
    m_known = now;
    watchFiles();
    if (changed.isEmpty())
        return;
    changed.sort();
    Q_EMIT filesChanged(changed);
}

} // namespace taskloom::studio
