#pragma once

// The fixture every `taskloom` end-to-end test shares: a temporary folder holding the data folder, the vault's key
// file, a home folder and the flows of the test, and helpers that run the real binary in it.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

// gtest prints QStrings in failure messages through this.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace taskloom::tests {

/// What one `taskloom` call did.
struct CliResult {
    int exitCode = -1;
    bool crashed = false;  ///< ended by a signal, or did not finish in time (then killed)
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    /// Standard error split into lines, without the empty one after the last newline.
    QStringList errLines() const;
    /// For failure messages: the exit code and both streams.
    std::string describe() const;
};

/// Parses JSON text; a failed parse fails the calling test with the parser's error and the text.
QJsonDocument parseJson(const QByteArray& text);

class CliTest : public ::testing::Test {
protected:
    void SetUp() override;

    /// A path inside the test's temporary folder.
    QString path(const QString& relative) const { return m_tmp.filePath(relative); }
    /// The data folder every call uses (TASKLOOM_HOME); it does not exist until a command creates it.
    QString dataDir() const { return path(QStringLiteral("data")); }
    /// The vault's key file (TASKLOOM_VAULT_KEY_FILE): key-file mode, no keyring is ever asked.
    QString keyFile() const { return path(QStringLiteral("keys/vault.key")); }

    /// The environment of every call: the data folder, the key file, a home folder of the test's own.
    QProcessEnvironment environment() const;

    /// Runs `taskloom args...` to completion, feeding `input` to its standard input.
    CliResult run(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 30000) const;
    /// Starts `taskloom args...` and returns at once (for signals); standard input is closed.
    std::unique_ptr<QProcess> start(const QStringList& args) const;
    /// Reads the process's standard output until a line containing every one of `needles` arrives; false after
    /// `timeoutMs`. What was read is appended to `seen`.
    static bool waitForLine(QProcess& process, const QStringList& needles, QByteArray& seen, int timeoutMs = 10000);

    /// Writes a file below the temporary folder (creating folders); returns its absolute path.
    QString writeFile(const QString& relative, const QByteArray& bytes) const;
    /// A flow file: a Manual Trigger (id "t", name "Run") followed by `nodes` (JSON objects), wired by
    /// `connections`, with `extra` top-level members (`"settings": {...}`, `"variables": {...}`) when given.
    QString writeFlow(const QString& relative, const QStringList& nodes, const QStringList& connections,
                      const QString& extra = {}) const;
    /// Copies a folder recursively, leaving out sub-folders named in `skip`.
    static bool copyFolder(const QString& from, const QString& to, const QStringList& skip = {});
    /// Every file below `folder`, relative to it, sorted.
    static QStringList filesBelow(const QString& folder);

    /// `taskloom runs list --json` in the test's data folder, as an array (fails the test otherwise).
    QJsonArray listRuns() const;
    /// `taskloom runs show ID --json`.
    QJsonObject showRun(const QString& id) const;

    QTemporaryDir m_tmp;
};

} // namespace taskloom::tests
