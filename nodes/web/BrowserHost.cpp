#include "BrowserHost.hpp"

#include "CookieJar.hpp"

#include "engine/NodeError.hpp"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>

namespace taskloom::nodes::web {

using engine::NodeError;

struct BrowserHost::Profile {
    QString name;
    std::unique_ptr<QWebEngineProfile> profile;
};

namespace {

QString key(const QString& runId, const QString& session)
{
    return runId + u'\n' + session;
}

} // namespace

BrowserHost& BrowserHost::instance()
{
    static BrowserHost host;
    return host;
}

void BrowserHost::setDataDir(const QString& dataDir)
{
    m_dataDir = dataDir;
}

QString BrowserHost::profilesFolder() const
{
    QString data = m_dataDir;
    if (data.isEmpty())
        data = qEnvironmentVariable("TASKLOOM_HOME");
    if (data.isEmpty())
        data = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("taskloom"));
    return QDir(data).filePath(QStringLiteral("browser"));
}

BrowserSession* BrowserHost::find(const QString& runId, const QString& session) const
{
    auto it = m_sessions.constFind(key(runId, session));
    return it == m_sessions.cend() ? nullptr : it.value().get();
}

BrowserHost::Profile& BrowserHost::profile(const QString& name)
{
    if (auto it = m_profiles.find(name); it != m_profiles.end())
        return **it;
    auto p = std::make_shared<Profile>();
    p->name = name;
    const QString folder = QDir(profilesFolder()).filePath(name);
    if (!QDir().mkpath(folder))
        throw NodeError::param(QStringLiteral("profile"), name, QStringLiteral("cannot create the profile folder %1").arg(folder));
    p->profile = std::make_unique<QWebEngineProfile>(QStringLiteral("taskloom-") + name);
    p->profile->setPersistentStoragePath(folder);
    p->profile->setCachePath(QDir(folder).filePath(QStringLiteral("cache")));
    // Keep session cookies too: a login done once in a profile should still hold in the next run.
    p->profile->setPersistentCookiesPolicy(QWebEngineProfile::ForcePersistentCookies);
    m_profiles.insert(name, p);
    return *p;
}

CookieJar& BrowserHost::cookies(QWebEngineProfile* profile)
{
    auto it = m_jars.find(profile);
    if (it == m_jars.end())
        it = m_jars.insert(profile, std::make_shared<CookieJar>(profile));
    return **it;
}

BrowserSession& BrowserHost::open(const QString& runId, const QString& session, const QString& profileName,
                                  const BrowserSession::Options& options)
{
    if (BrowserSession* s = find(runId, session)) {
        const bool same = profileName.isEmpty() ? !s->profile()->storageName().startsWith(QStringLiteral("taskloom-"))
                                                : s->profile()->storageName() == QStringLiteral("taskloom-") + profileName;
        if (!same)
            throw NodeError::param(QStringLiteral("profile"), profileName,
                                   QStringLiteral("session \"%1\" is already open with another profile").arg(session));
        return *s;
    }
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!profileName.isEmpty() && !valid.match(profileName).hasMatch())
        throw NodeError::param(QStringLiteral("profile"), profileName, QStringLiteral("use up to 64 letters, digits, '_' and '-'"));
    QWebEngineProfile* profile = nullptr;
    std::unique_ptr<QWebEngineProfile> owned;
    if (profileName.isEmpty()) {
        owned = std::make_unique<QWebEngineProfile>(); // off the record
        profile = owned.get();
    } else {
        profile = this->profile(profileName).profile.get();
    }
    if (!m_jars.contains(profile)) {
        cookies(profile);
        QObject::connect(profile, &QWebEngineProfile::downloadRequested, profile, [this](QWebEngineDownloadRequest* request) {
            for (const auto& s : std::as_const(m_sessions)) {
                if (s->offerDownload(request))
                    return;
            }
        });
    }
    auto s = std::make_shared<BrowserSession>(session, profile, std::move(owned), options);
    m_sessions.insert(key(runId, session), s);
    return *s;
}

void BrowserHost::close(const QString& runId, const QString& session)
{
    auto s = m_sessions.take(key(runId, session));
    if (!s)
        return;
    QWebEngineProfile* profile = s->profile();
    const bool privateProfile = !profile->storageName().startsWith(QStringLiteral("taskloom-"));
    s.reset();
    if (privateProfile)
        m_jars.remove(profile); // the profile died with the session
}

void BrowserHost::closeRun(const QString& runId)
{
    const QString prefix = runId + u'\n';
    QStringList names;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it.key().startsWith(prefix))
            names.append(it.key().mid(prefix.size()));
    }
    for (const QString& n : names)
        close(runId, n);
}

void BrowserHost::closeAll()
{
    // Named profiles stay open between the runs of one process (a profile reopened at once may find its files still
    // held by the one just closed); they close here, at exit, which writes their cookies to disk.
    QStringList keys = m_sessions.keys();
    for (const QString& k : keys) {
        const qsizetype nl = k.indexOf(u'\n');
        close(k.left(nl), k.mid(nl + 1));
    }
    releaseUnusedProfiles();
}

void BrowserHost::releaseUnusedProfiles()
{
    QStringList unused;
    for (auto it = m_profiles.cbegin(); it != m_profiles.cend(); ++it) {
        bool used = false;
        for (const auto& s : std::as_const(m_sessions))
            used = used || s->profile() == it.value()->profile.get();
        if (!used)
            unused.append(it.key());
    }
    for (const QString& name : unused) {
        auto p = m_profiles.take(name);
        QWebEngineProfile* raw = p->profile.get();
        p->profile.reset(); // writes its cookies to disk
        m_jars.remove(raw);
    }
}

} // namespace taskloom::nodes::web
