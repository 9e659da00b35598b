#include "WriteFileNode.hpp"

#include "FileAccess.hpp"
#include "ItemLoop.hpp"
#include "StagedFile.hpp"
#include "TextCodec.hpp"

#include <QDir>
#include <QFileInfo>

namespace taskloom::nodes::core {

using namespace engine;

WriteFileNode::WriteFileNode()
{
    m_spec.type = QStringLiteral("core.writeFile");
    m_spec.title = QStringLiteral("Write File");
    m_spec.category = QStringLiteral("Files");
    m_spec.description = QStringLiteral("Writes a file for every item, from text or from a binary attachment, and passes "
                                        "the item on with \"path\" and \"size\". A replaced file is never half-written.");
    m_spec.aliases = {QStringLiteral("save"), QStringLiteral("disk"), QStringLiteral("export"), QStringLiteral("append")};
    m_spec.icon = QStringLiteral("document-save");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    m_path = addParam<QString>(ParamSpec::file(QStringLiteral("path"), QStringLiteral("File"))
                                   .required()
                                   .forSaving()
                                   .hint(QStringLiteral("out/{{ item.id }}.txt"))
                                   .describe(QStringLiteral("Relative paths start at the flow file's folder.")));
    m_source = addParam<QString>(ParamSpec::choice(QStringLiteral("source"), QStringLiteral("Content from"),
                                                   {{QStringLiteral("text"), QStringLiteral("Text"), {}},
                                                    {QStringLiteral("binary"), QStringLiteral("Binary attachment"), {}}}));
    m_text = addParam<QString>(ParamSpec::text(QStringLiteral("text"), QStringLiteral("Text"))
                                   .hint(QStringLiteral("{{ item.body }}"))
                                   .describe(QStringLiteral("Text with {{ expressions }}; an object or a list is "
                                                            "written as JSON."))
                                   .visibleWhen(QStringLiteral("source"), {QStringLiteral("text")}));
    m_binaryField = addParam<QString>(ParamSpec::string(QStringLiteral("binaryField"), QStringLiteral("Attachment name"))
                                          .defaults(QStringLiteral("data"))
                                          .visibleWhen(QStringLiteral("source"), {QStringLiteral("binary")}));
    m_encoding = addParam<QString>(FileAccess::encodingParam(QStringLiteral("utf-8"))
                                       .visibleWhen(QStringLiteral("source"), {QStringLiteral("text")}));
    m_mode = addParam<QString>(FileAccess::writeModeParam(true));
    m_createFolders = addParam<bool>(FileAccess::createFoldersParam());
    m_spec.errors = {FileAccess::fileWriteError(),
                     FileAccess::fileExistsError(),
                     {QStringLiteral("BINARY_MISSING"), QStringLiteral("The item has no attachment of that name."), false},
                     {QStringLiteral("ENCODING_ERROR"),
                      QStringLiteral("The text has characters the chosen encoding cannot represent."), false},
                     FileAccess::invalidParameterError(),
                     FileAccess::expressionError()};
}

QList<std::pair<QString, QString>> WriteFileNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> problems;
    FileAccess::checkEncoding(params, m_encoding.name(), problems);
    return problems;
}

QByteArray WriteFileNode::content(ExecutionContext& ctx, const Item& item, qsizetype index, bool withBom) const
{
    const QString encoding = ctx.param(m_encoding, item, index);
    QStringEncoder encoder = FileAccess::encoder(m_encoding.name(), encoding);
    const QString text = ctx.param(m_text, item, index);
    QByteArray bytes = withBom && TextCodec::wantsBom(encoding) ? encoder.encode(QStringView(u"\uFEFF")) : QByteArray();
    bytes += encoder.encode(text);
    if (encoder.hasError())
        throw NodeError::param(m_encoding.name(), encoding, QStringLiteral("the text has characters this encoding cannot represent"),
                               QStringLiteral("ENCODING_ERROR"));
    return bytes;
}

QByteArray WriteFileNode::binaryContent(ExecutionContext& ctx, const Item& item, qsizetype index) const
{
    const QString name = ctx.param(m_binaryField, item, index).trimmed();
    const BinaryRef binary = item.binary(name);
    if (!binary) {
        const QStringList names = item.binaries().keys();
        throw NodeError::param(m_binaryField.name(), name,
                               names.isEmpty() ? QStringLiteral("the item has no attachments")
                                               : QStringLiteral("the item has no attachment of that name (it has: %1)")
                                                     .arg(names.join(QStringLiteral(", "))),
                               QStringLiteral("BINARY_MISSING"));
    }
    auto bytes = binary->bytes();
    if (!bytes)
        throw NodeError::param(m_binaryField.name(), name, QStringLiteral("cannot read the attachment: %1").arg(bytes.error()),
                               QStringLiteral("BINARY_MISSING"));
    return *bytes;
}

Exec WriteFileNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) {
        const QString pathValue = ctx.param(m_path, item, index);
        const QString mode = ctx.param(m_mode, item, index);
        const QString path = FileAccess::fileToWrite(ctx, m_path.name(), pathValue, ctx.param(m_createFolders, item, index), mode);
        StagedFile file;
        if (auto r = file.open(path, mode == u"append" ? StagedFile::Mode::Append : StagedFile::Mode::Replace); !r)
            throw FileAccess::pathError(m_path.name(), pathValue, r.error(), path, QStringLiteral("FILE_WRITE_FAILED"));
        const bool fresh = mode != u"append" || file.originalSize() == 0; // a byte order mark only starts a file
        const QByteArray bytes = ctx.param(m_source, item, index) == u"binary" ? binaryContent(ctx, item, index)
                                                                               : content(ctx, item, index, fresh);
        if (auto r = file.write(bytes); !r)
            throw FileAccess::pathError(m_path.name(), pathValue, r.error(), path, QStringLiteral("FILE_WRITE_FAILED"));
        if (auto r = file.commit(); !r)
            throw FileAccess::pathError(m_path.name(), pathValue, r.error(), path, QStringLiteral("FILE_WRITE_FAILED"));
        Item next = item;
        next.json().insert(QStringLiteral("path"), QDir::toNativeSeparators(path));
        next.json().insert(QStringLiteral("size"), QFileInfo(path).size());
        out.push(0, std::move(next));
    });
    return Exec::Done;
}

} // namespace taskloom::nodes::core
