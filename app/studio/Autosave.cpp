#include "Autosave.hpp"

#include "FlowDocument.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/FlowReader.hpp"
#include "engine/FlowWriter.hpp"
#include "engine/Json.hpp"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>
#include <QUndoStack>

namespace taskloom::studio {

using namespace engine;

namespace {

const QString suffix = QStringLiteral(".recovery.json");
constexpr qint64 maxRecoverySize = FlowReader::maxFileSize + 1024 * 1024;

} // namespace

Autosave::Autosave(FlowDocument& doc, QString folder, QObject* parent)
    : QObject(parent)
    , m_doc(doc)
    , m_folder(std::move(folder))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_changed)
            saveNow();
    });
    m_timer->start();
    connect(m_doc.undoStack(), &QUndoStack::indexChanged, this, &Autosave::onEdit);
    connect(&m_doc, &FlowDocument::dirtyChanged, this, &Autosave::onDirtyChanged);
    connect(&m_doc, &FlowDocument::flowReset, this, &Autosave::onReset);
}

Autosave::~Autosave() = default;

void Autosave::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

QString Autosave::recoveryPathFor(const QString& flowPath, const QString& flowId) const
{
    QString key;
    if (flowPath.isEmpty()) {
        // An id from a file could hold anything: keep only what is safe in a file name.
        QString safe = flowId;
        safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
        key = QStringLiteral("untitled-") + safe.left(64);
    } else {
        const QString absolute = QFileInfo(flowPath).absoluteFilePath();
        const QByteArray hash = QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
        key = QFileInfo(flowPath).fileName().section(u'.', 0, 0).left(40) + u'-' + QString::fromLatin1(hash);
        key.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    }
    return QDir(m_folder).filePath(key + suffix);
}

QString Autosave::currentRecoveryPath() const
{
    return recoveryPathFor(m_doc.path(), m_doc.flow().id);
}

std::expected<void, QString> Autosave::saveNow()
{
    if (!m_doc.isDirty())
        return {};
    if (!QDir().mkpath(m_folder)) {
        const QString message = tr("cannot create the recovery folder %1").arg(m_folder);
        Q_EMIT failed(message);
        return std::unexpected(message);
    }
    const QString path = currentRecoveryPath();
    const Object wrapper {{QStringLiteral("taskloomRecovery"), 1},
        {QStringLiteral("flowPath"),
            m_doc.path().isEmpty() ? Value() : Value(QFileInfo(m_doc.path()).absoluteFilePath())},
        {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("flow"), FlowWriter::toObject(m_doc.flow())}};
    if (auto r
        = AtomicFile::write(path, Json::serialize(Value(wrapper)), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        !r) {
        const QString message = tr("autosave to %1 failed: %2").arg(path, r.error());
        Q_EMIT failed(message);
        return std::unexpected(message);
    }
    if (!m_lastRecoveryPath.isEmpty() && m_lastRecoveryPath != path)
        QFile::remove(m_lastRecoveryPath);
    m_lastRecoveryPath = path;
    m_changed = false;
    m_editsSinceSave = 0;
    Q_EMIT saved(path);
    return {};
}

void Autosave::discard()
{
    QFile::remove(currentRecoveryPath());
    if (!m_lastRecoveryPath.isEmpty())
        QFile::remove(m_lastRecoveryPath);
    m_lastRecoveryPath.clear();
    m_changed = false;
    m_editsSinceSave = 0;
}

void Autosave::onEdit()
{
    if (!m_doc.isDirty())
        return; // undone back to the saved state: dirtyChanged(false) removes the copy
    m_changed = true;
    if (++m_editsSinceSave >= m_burstEdits)
        saveNow();
}

void Autosave::onDirtyChanged(bool dirty)
{
    // Saved, or undone back to the saved state: the copy this session wrote (or restored) is not needed. Only
    // that one: a flow just opened is clean too, and its recovery copy from a crash must survive until the user
    // has been asked about it.
    if (dirty)
        return;
    if (!m_lastRecoveryPath.isEmpty())
        QFile::remove(m_lastRecoveryPath);
    m_lastRecoveryPath.clear();
    m_changed = false;
    m_editsSinceSave = 0;
}

void Autosave::adopt(const QString& recoveryPath)
{
    m_lastRecoveryPath = recoveryPath;
}

void Autosave::onReset()
{
    // Another flow replaced this one (open, new): its recovery copy is not this flow's.
    m_lastRecoveryPath.clear();
    m_changed = m_doc.isDirty();
    m_editsSinceSave = 0;
}

std::expected<Autosave::Recovery, QString> Autosave::read(const QString& recoveryPath, const NodeRegistry& registry)
{
    QFile file(recoveryPath);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(tr("%1: cannot read: %2").arg(recoveryPath, file.errorString()));
    if (file.size() > maxRecoverySize)
        return std::unexpected(tr("%1: too large for a recovery file (%2 bytes)").arg(recoveryPath).arg(file.size()));
    auto json = Json::parse(file.readAll());
    if (!json)
        return std::unexpected(
            tr("%1: not valid JSON (line %2): %3").arg(recoveryPath).arg(json.error().line).arg(json.error().message));
    const Object& o = json->objectRef();
    if (o.value(u"taskloomRecovery").toInt() != 1 || !o.value(u"flow").isObject())
        return std::unexpected(tr("%1: not a Taskloom recovery file").arg(recoveryPath));
    FlowReader::Result r = FlowReader::parse(Json::serialize(o.value(u"flow")), registry);
    if (!r.flow)
        return std::unexpected(
            tr("%1: the flow in it cannot be read: %2")
                .arg(recoveryPath, r.problems.isEmpty() ? QString() : r.problems.first().toString()));
    Recovery rec;
    rec.recoveryPath = recoveryPath;
    rec.flowPath = o.value(u"flowPath").toString();
    rec.savedAt = QDateTime::fromString(o.value(u"savedAt").toString(), Qt::ISODateWithMs);
    if (!rec.savedAt.isValid())
        rec.savedAt = QFileInfo(recoveryPath).lastModified();
    rec.flow = std::move(*r.flow);
    return rec;
}

std::optional<QString> Autosave::pendingFor(const QString& flowPath) const
{
    const QString path = recoveryPathFor(flowPath, {});
    const QFileInfo recovery(path);
    if (!recovery.exists())
        return std::nullopt;
    const QFileInfo flow(flowPath);
    // Saved after the copy was written (by someone else: our own saves remove the copy): the copy is stale. Equal
    // times count as newer: file times have a granularity of a few milliseconds.
    if (flow.exists() && flow.lastModified() > recovery.lastModified())
        return std::nullopt;
    return path;
}

QStringList Autosave::pendingUntitled() const
{
    QStringList out;
    const QDir dir(m_folder);
    for (const QFileInfo& f : dir.entryInfoList({QStringLiteral("untitled-*") + suffix}, QDir::Files, QDir::Time))
        out.append(f.absoluteFilePath());
    return out;
}

} // namespace taskloom::studio
