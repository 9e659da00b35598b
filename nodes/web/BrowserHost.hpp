#pragma once

#include "BrowserSession.hpp"

#include <QHash>
#include <QString>

#include <memory>

class QWebEngineProfile;

namespace taskloom::nodes::web {

class CookieJar;

/// The browser of this process: the named sessions of every running run and the profiles they use. A session
/// belongs to one run ("run id / session name") and is closed when the run ends (closeRun). A named profile
/// keeps cookies, storage and cache under <data folder>/browser/<name> across runs; a session without a profile
/// is private (off the record) and forgets everything when it closes. Main thread only.
class BrowserHost {
public:
    static BrowserHost& instance();

    /// Where named profiles live: <dataDir>/browser. Empty: $TASKLOOM_HOME, else the XDG data folder's taskloom.
    void setDataDir(const QString& dataDir);
    QString profilesFolder() const;

    BrowserSession* find(const QString& runId, const QString& session) const;
    /// The session, opened with `options` and `profile` when it does not exist yet. Throws NodeError
    /// INVALID_PARAMETER for a bad profile name, or when the session exists with another profile.
    BrowserSession& open(const QString& runId, const QString& session, const QString& profile, const BrowserSession::Options& options);
    void close(const QString& runId, const QString& session);
    /// Closes every session of the run (a private session's profile goes with it).
    void closeRun(const QString& runId);
    /// Closes everything, named profiles too, which writes their cookies to disk (before the application goes away).
    void closeAll();

    /// The cookies a profile holds right now (kept up to date from its cookie store's signals).
    CookieJar& cookies(QWebEngineProfile* profile);

private:
    BrowserHost() = default;
    struct Profile;
    Profile& profile(const QString& name);
    void releaseUnusedProfiles();

    QString m_dataDir;
    QHash<QString, std::shared_ptr<BrowserSession>> m_sessions; ///< "runId\nname"
    QHash<QString, std::shared_ptr<Profile>> m_profiles;         ///< named profiles
    QHash<QWebEngineProfile*, std::shared_ptr<CookieJar>> m_jars;
};

} // namespace taskloom::nodes::web
