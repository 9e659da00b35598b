#include "ReadFilesNode.hpp"

#include "FileAccess.hpp"
#include "FileGlob.hpp"
#include "LazySource.hpp"
#include "TextCodec.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

// Content read per call beyond which the batch ends early: a batch of large files would otherwise sit in
// memory all at once.
constexpr qint64 bytesPerCall = 64 * 1024 * 1024;

class FilesCursor final : public ItemCursor {
public:
    explicit FilesCursor(ReadFilesNode::Settings settings) : m_settings(std::move(settings)) {}

    bool fill(ExecutionContext& ctx, ItemList& out, qsizetype max) override
    {
        if (!m_listed)
            list(ctx);
        qint64 bytes = 0;
        for (qsizetype n = 0; n < max && m_next < m_files.size() && bytes < bytesPerCall; ++n) {
            ctx.checkCancelled();
            out.append(read(ctx, m_files[m_next++], bytes));
        }
        if (m_files.size() > 1)
            ctx.progress(double(m_next) / double(m_files.size()), QStringLiteral("%1 of %2 files").arg(m_next).arg(m_files.size()));
        return m_next < m_files.size();
    }

private:
    void list(ExecutionContext& ctx)
    {
        m_listed = true;
        // A file whose name merely looks like a pattern ("scan[1].pdf") is still that file.
        if (!FileGlob::isPattern(m_settings.pathValue) || QFileInfo(m_settings.path).isFile()) {
            m_files = {FileAccess::existingFile(ctx, QStringLiteral("path"), m_settings.pathValue)};
            return;
        }
        m_files = FileGlob::expand(m_settings.path);
        if (m_files.isEmpty())
            ctx.log(LogLevel::Warning, QStringLiteral("parameter \"path\" = \"%1\": no file matches (%2)")
                                           .arg(m_settings.pathValue, QDir::toNativeSeparators(m_settings.path)));
    }

    Item read(ExecutionContext& ctx, const QString& path, qint64& bytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw FileAccess::pathError(QStringLiteral("path"), m_settings.pathValue,
                                        QStringLiteral("cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()),
                                        path, QStringLiteral("FILE_READ_FAILED"));
        QByteArray data = file.readAll();
        if (file.error() != QFileDevice::NoError)
            throw FileAccess::pathError(QStringLiteral("path"), m_settings.pathValue,
                                        QStringLiteral("cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()),
                                        path, QStringLiteral("FILE_READ_FAILED"));
        bytes += data.size();
        const QFileInfo info(path);
        Item item(Object{{QStringLiteral("path"), QDir::toNativeSeparators(path)},
                         {QStringLiteral("fileName"), info.fileName()},
                         {QStringLiteral("size"), info.size()},
                         {QStringLiteral("modified"), info.lastModified().toUTC().toString(Qt::ISODateWithMs)}});
        if (m_settings.text) {
            bool invalid = false;
            item.json().insert(QStringLiteral("text"),
                               TextCodec::decode(FileAccess::decoder(QStringLiteral("encoding"), m_settings.encoding, data.left(4)),
                                                 data, &invalid));
            if (invalid)
                ctx.log(LogLevel::Warning, QStringLiteral("file \"%1\": some bytes are not valid in encoding \"%2\" and were "
                                                          "replaced by \"\uFFFD\"")
                                               .arg(QDir::toNativeSeparators(path), m_settings.encoding));
        } else {
            item.setBinary(m_settings.binaryField,
                           ctx.makeBinary(std::move(data), Binary::mimeTypeForFileName(info.fileName()), info.fileName()));
        }
        return item;
    }

    ReadFilesNode::Settings m_settings;
    QStringList m_files;
    qsizetype m_next = 0;
    bool m_listed = false;
};

class ReadFilesInstance final : public LazySourceInstance {
public:
    explicit ReadFilesInstance(const ReadFilesNode& node) : m_node(node) {}

protected:
    std::unique_ptr<ItemCursor> cursorFor(ExecutionContext& ctx, const Item& item, qsizetype index) override
    {
        return std::make_unique<FilesCursor>(m_node.settings(ctx, item, index));
    }

private:
    const ReadFilesNode& m_node;
};

} // namespace

ReadFilesNode::ReadFilesNode()
{
    m_spec.type = QStringLiteral("core.readFiles");
    m_spec.title = QStringLiteral("Read Files");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Reads one file, or every file a pattern matches (invoices/*.pdf, data/**/*.csv), "
                                        "for each incoming item: one item per file with its path, name, size and "
                                        "modification time, and the content as text or as a binary attachment.");
    m_spec.aliases = {QStringLiteral("open"), QStringLiteral("load"), QStringLiteral("disk"), QStringLiteral("glob"),
                      QStringLiteral("folder")};
    m_spec.icon = QStringLiteral("document-open");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Files"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File or pattern"))
                                   .required()
                                   .hint(QStringLiteral("invoices/*.pdf or data/**/*.csv"))
                                   .describe(QStringLiteral("* and ? match within a name, ** any number of folders, "
                                                            "{a,b} either. A pattern that matches nothing emits nothing "
                                                            "and logs a warning; a missing plain path is an error.")));
    m_mode = addParam<QString>(ParamSpec::choice(QStringLiteral("mode"), QStringLiteral("Read as"),
                                                 {{QStringLiteral("binary"), QStringLiteral("Binary attachment"),
                                                   QStringLiteral("For PDFs, images and anything else")},
                                                  {QStringLiteral("text"), QStringLiteral("Text"),
                                                   QStringLiteral("Into the field \"text\"")}}));
    m_encoding = addParam<QString>(FileAccess::encodingParam(QStringLiteral("auto"))
                                       .visibleWhen(QStringLiteral("mode"), {QStringLiteral("text")}));
    m_binaryField = addParam<QString>(ParamSpec::string(QStringLiteral("binaryField"), QStringLiteral("Attachment name"))
                                          .defaults(QStringLiteral("data"))
                                          .visibleWhen(QStringLiteral("mode"), {QStringLiteral("binary")}));
    m_spec.errors = {FileAccess::fileNotFoundError(), FileAccess::fileReadError(), FileAccess::invalidParameterError(),
                     FileAccess::expressionError(),
                     {QStringLiteral("BINARY_SPILL_FAILED"),
                      QStringLiteral("A large file could not be stored in the run's temporary folder."), true}};
}

std::unique_ptr<NodeInstance> ReadFilesNode::instantiate() const
{
    return std::make_unique<ReadFilesInstance>(*this);
}

QList<std::pair<QString, QString>> ReadFilesNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    FileAccess::checkEncoding(params, m_encoding.name(), problems);
    return problems;
}

ReadFilesNode::Settings ReadFilesNode::settings(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    Settings s;
    s.pathValue = ctx.param(m_path, item, index);
    if (s.pathValue.trimmed().isEmpty())
        throw NodeError::param(m_path.name(), s.pathValue, QStringLiteral("no file given"));
    s.path = ctx.resolvePath(s.pathValue);
    s.text = ctx.param(m_mode, item, index) == u"text";
    s.encoding = ctx.param(m_encoding, item, index);
    s.binaryField = ctx.param(m_binaryField, item, index).trimmed();
    if (s.text)
        FileAccess::decoder(m_encoding.name(), s.encoding);
    else if (s.binaryField.isEmpty())
        throw NodeError::param(m_binaryField.name(), s.binaryField, QStringLiteral("needs a name"));
    return s;
}

} // namespace taskloom::nodes::core
