#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace taskloom::daemon {

/// Watches one folder for files matching globs. New and changed files are reported once their size and
/// modification time have stayed the same for the debounce time (a file being copied in keeps growing);
/// deleted files are reported at once. Files present when watching starts are the baseline, not news, unless a
/// baseline saved earlier is given: then what changed while nobody watched (the daemon was down) is reported.
/// QFileSystemWatcher wakes it; a slow poll while files are settling covers writes inotify coalesces.
class FileWatcher : public QObject {
public:
    struct Event {
        QString kind; ///< "new", "changed", "deleted"
        QString path;
        qint64 size = 0;
        QDateTime modified;
    };
    using Callback = std::function<void(const Event&)>;
    struct FileState {
        qint64 size = -1;
        QDateTime modified;
    };
    using Snapshot = QHash<QString, FileState>; ///< absolute path -> what was last reported

    FileWatcher(QString folder, QStringList patterns, int debounceMs, Callback callback, QObject* parent = nullptr);

    /// Before start(): compare with this instead of the folder as it is now (entries outside the folder or not
    /// matching the patterns are ignored).
    void setBaseline(Snapshot baseline);
    /// Called with the files known so far whenever that changes (and once at start), to save for next time.
    void setSnapshotCallback(std::function<void(const Snapshot&)> callback);
    /// Takes the baseline and starts watching; false with a message when the folder does not exist.
    bool start(QString* error);
    const QString& folder() const { return m_folder; }

private:
    using Seen = FileState;
    struct Pending {
        QString kind;
        qint64 size = -1;
        QDateTime modified;
        qint64 stableSinceMs = 0;
    };
    QHash<QString, Seen> scan() const;
    void rescan();
    void settle();

    QString m_folder;
    QStringList m_patterns;
    int m_debounceMs;
    Callback m_callback;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_settle = nullptr;
    QHash<QString, Seen> m_known;
    std::optional<Snapshot> m_baseline;
    std::function<void(const Snapshot&)> m_snapshot;
    QHash<QString, Pending> m_pending;
};

} // namespace taskloom::daemon
