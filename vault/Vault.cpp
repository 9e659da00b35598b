#include "Vault.hpp"

#include "KeyFile.hpp"
#include "KeyResolver.hpp"
#include "VaultCipher.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/Json.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutexLocker>

#include <sodium.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <optional>

namespace taskloom::vault {

namespace {

using engine::Array;
using engine::Credential;
using engine::Object;
using engine::Value;

// Long enough to wait out another process's write (milliseconds); short enough that a wedged one is reported.
constexpr int lockTimeoutMs = 10000;

constexpr auto privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool isPrintable(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        // Qt counts the Unicode line and paragraph separators as printable; in a name they would still break lines.
        const auto category = QChar::category(c);
        if (!QChar::isPrint(c) || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return false;
    }
    return true;
}

// For error messages about names we did not validate (get, remove): one line, bounded.
QString quoted(const QString& name)
{
    QString shown = name.left(Vault::maxNameLength + 8);
    for (QChar& c : shown) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

QByteArray serialize(const QMap<QString, Credential>& credentials)
{
    Array list;
    list.reserve(credentials.size());
    for (const Credential& c : credentials) {
        list.append(Object{{QStringLiteral("name"), c.name},
                           {QStringLiteral("type"), c.type},
                           {QStringLiteral("fields"), c.fields}});
    }
    return engine::Json::serialize(Object{{QStringLiteral("credentials"), list}}, engine::Json::WriteOptions{});
}

std::expected<QMap<QString, Credential>, QString> deserialize(const QByteArray& plaintext, const QString& path)
{
    const auto malformed = [&path] {
        return std::unexpected(QStringLiteral("%1: unexpected content after decryption (written by another "
                                              "program?)")
                                   .arg(path));
    };
    auto parsed = engine::Json::parse(plaintext);
    if (!parsed || !parsed->isObject())
        return malformed();
    const Value& list = parsed->objectRef().value(QStringLiteral("credentials"));
    if (!list.isArray())
        return malformed();
    QMap<QString, Credential> credentials;
    for (const Value& entry : list.arrayRef()) {
        if (!entry.isObject())
            return malformed();
        const Object& o = entry.objectRef();
        const Value& fields = o.value(QStringLiteral("fields"));
        Credential c{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("type")).toString(),
                     fields.isObject() ? fields.objectRef() : Object()};
        if (c.name.isEmpty())
            return malformed();
        credentials.insert(c.name, std::move(c));
    }
    return credentials;
}

std::expected<void, QString> ensureDirectory(const QString& dir)
{
    if (QFileInfo(dir).isDir())
        return {};
    if (!QDir().mkpath(dir))
        return std::unexpected(QStringLiteral("cannot create the data directory %1").arg(dir));
    // Only the owner needs to list a directory that holds a vault and perhaps its key.
    QFile::setPermissions(dir, privateFile | QFileDevice::ExeOwner);
    return {};
}

QString lockError(const QLockFile& lock, const QString& lockPath)
{
    switch (lock.error()) {
    case QLockFile::LockFailedError:
        return QStringLiteral("cannot lock %1: another process keeps it locked").arg(lockPath);
    case QLockFile::PermissionError:
        return QStringLiteral("cannot lock %1: permission denied").arg(lockPath);
    default:
        return QStringLiteral("cannot lock %1").arg(lockPath);
    }
}

QString lockPathFor(const QString& vaultPath)
{
    return vaultPath + QStringLiteral(".lock");
}

} // namespace

std::expected<std::unique_ptr<Vault>, QString> Vault::open(const QString& dataDir, const Options& options)
{
    if (dataDir.isEmpty())
        return std::unexpected(QStringLiteral("no data directory given for the credentials vault"));
    if (sodium_init() < 0)
        return std::unexpected(QStringLiteral("libsodium failed to initialise"));
    const QString dir = QDir::cleanPath(QFileInfo(dataDir).absoluteFilePath());
    if (auto ok = ensureDirectory(dir); !ok)
        return std::unexpected(ok.error());
    const QString path = dir + QLatin1Char('/') + fileName();

    bool vaultExists = QFileInfo::exists(path);
    std::optional<QLockFile> lock;
    if (!vaultExists) {
        // A new vault gets a new key: two processes opening it for the first time at once must agree on one.
        lock.emplace(lockPathFor(path));
        if (!lock->tryLock(lockTimeoutMs))
            return std::unexpected(lockError(*lock, lockPathFor(path)));
        vaultExists = QFileInfo::exists(path);
    }
    auto resolved = KeyResolver::resolve(dir, vaultExists, options);
    if (!resolved)
        return std::unexpected(resolved.error());

    std::unique_ptr<Vault> vault(new Vault(path, std::move(resolved->key), std::move(resolved->source)));
    // Decrypting now reports a wrong key when the vault is opened, not at the first get in the middle of a run.
    QMutexLocker locker(&vault->m_mutex);
    if (auto ok = vault->reloadIfChanged(); !ok)
        return std::unexpected(ok.error());
    locker.unlock();
    return vault;
}

Vault::Vault(QString path, VaultKey key, KeySource source)
    : m_path(std::move(path)), m_key(std::move(key)), m_keySource(std::move(source))
{
}

Vault::~Vault() = default;

std::expected<void, QString> Vault::validateName(const QString& name)
{
    if (name.isEmpty())
        return std::unexpected(QStringLiteral("a credential name must not be empty"));
    if (name.toUcs4().size() > maxNameLength) {
        return std::unexpected(QStringLiteral("credential name %1... is longer than %2 characters")
                                   .arg(quoted(name.left(32)))
                                   .arg(maxNameLength));
    }
    if (!isPrintable(name))
        return std::unexpected(QStringLiteral("credential name %1 holds unprintable characters").arg(quoted(name)));
    return {};
}

std::expected<engine::Credential, QString> Vault::get(const QString& name) const
{
    QMutexLocker locker(&m_mutex);
    if (auto ok = reloadIfChanged(); !ok)
        return std::unexpected(ok.error());
    const auto it = m_credentials.constFind(name);
    if (it == m_credentials.constEnd())
        return std::unexpected(QStringLiteral("no credential named %1 in %2").arg(quoted(name), m_path));
    return *it;
}

std::expected<QList<engine::CredentialStore::Entry>, QString> Vault::list() const
{
    QMutexLocker locker(&m_mutex);
    if (auto ok = reloadIfChanged(); !ok)
        return std::unexpected(ok.error());
    QList<Entry> entries;
    entries.reserve(m_credentials.size());
    for (const Credential& c : std::as_const(m_credentials))
        entries.append(Entry{c.name, c.type});
    return entries;
}

std::expected<void, QString> Vault::put(const engine::Credential& credential)
{
    if (auto ok = validateName(credential.name); !ok)
        return ok;
    if (credential.type.isEmpty() || !isPrintable(credential.type))
        return std::unexpected(
            QStringLiteral("credential %1 needs a printable type, e.g. \"httpBasic\"").arg(quoted(credential.name)));
    return modify([&credential](Credentials& credentials) -> std::expected<void, QString> {
        credentials.insert(credential.name, credential);
        return {};
    });
}

std::expected<void, QString> Vault::remove(const QString& name)
{
    return modify([this, &name](Credentials& credentials) -> std::expected<void, QString> {
        if (credentials.remove(name) == 0)
            return std::unexpected(QStringLiteral("no credential named %1 in %2").arg(quoted(name), m_path));
        return {};
    });
}

std::expected<void, QString> Vault::exportKeyFile(const QString& path) const
{
    auto created = KeyFile::create(QFileInfo(path).absoluteFilePath(), m_key);
    if (!created)
        return std::unexpected(created.error().message);
    return {};
}

template<typename Change>
std::expected<void, QString> Vault::modify(Change change)
{
    QMutexLocker locker(&m_mutex);
    const QString lockPath = lockPathFor(m_path);
    QLockFile lock(lockPath);
    if (!lock.tryLock(lockTimeoutMs))
        return std::unexpected(lockError(lock, lockPath));
    // Another process may have written since we last looked: change its version, not our older copy.
    if (auto ok = reloadIfChanged(); !ok)
        return ok;
    Credentials next = m_credentials;
    if (auto ok = change(next); !ok)
        return ok;
    return write(next);
}

std::expected<void, QString> Vault::write(const Credentials& next)
{
    QByteArray plaintext = serialize(next);
    const QByteArray envelope = VaultCipher::encrypt(m_key, plaintext);
    wipe(plaintext);
    // All or nothing: a failed write leaves the previous file, and our copy of it, as they were.
    // The temporary file is private before the first byte lands, whatever the umask or an old file's mode.
    if (auto ok = engine::AtomicFile::write(m_path, envelope, privateFile); !ok)
        return std::unexpected(QStringLiteral("credentials not saved: %1").arg(ok.error()));
    m_credentials = next;
    m_stamp = stampOf(m_path);
    return {};
}

std::expected<void, QString> Vault::reloadIfChanged() const
{
    const FileStamp now = stampOf(m_path);
    if (now == m_stamp)
        return {};
    if (!now.exists) {
        m_credentials.clear();
        m_stamp = now;
        return {};
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    auto plaintext = VaultCipher::decrypt(m_key, file.readAll(), m_path);
    if (!plaintext)
        return std::unexpected(plaintext.error());
    auto credentials = deserialize(*plaintext, m_path);
    wipe(*plaintext);
    if (!credentials)
        return std::unexpected(credentials.error());
    m_credentials = std::move(*credentials);
    // `now` was taken before the read: a file replaced while we read it has a newer stamp and is reloaded next time.
    m_stamp = now;
    return {};
}

Vault::FileStamp Vault::stampOf(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return FileStamp{true, qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                     quint64(st.st_ino)};
#else
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    return FileStamp{true, info.size(), info.lastModified().toMSecsSinceEpoch() * 1000000, 0};
#endif
}

} // namespace taskloom::vault
