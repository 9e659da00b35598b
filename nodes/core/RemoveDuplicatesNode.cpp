#include "RemoveDuplicatesNode.hpp"

#include "FieldPath.hpp"
#include "ItemLoop.hpp"
#include "ValueKey.hpp"

#include <QCryptographicHash>

#include <cstring>
#include <unordered_set>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

struct Digest {
    quint64 high = 0;
    quint64 low = 0;
    bool operator==(const Digest&) const = default;
};

struct DigestHash {
    size_t operator()(const Digest& d) const { return size_t(d.low); }
};

// A digest instead of the key itself keeps memory at a few dozen bytes per distinct item however large the
// items are; with 128 bits an accidental collision needs around 2^64 items.
Digest digestOf(const QString& key)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(key.utf16()), key.size() * qsizetype(sizeof(char16_t)));
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Blake2s_128);
    Digest d;
    std::memcpy(&d.high, hash.constData(), 8);
    std::memcpy(&d.low, hash.constData() + 8, 8);
    return d;
}

} // namespace

class RemoveDuplicatesInstance final : public NodeInstance {
public:
    explicit RemoveDuplicatesInstance(const RemoveDuplicatesNode& type) : m_type(type) {}

    Exec execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) override
    {
        if (!m_ready)
            prepare(ctx);
        forEachItem(ctx, in, out, [&](const Item& item, qsizetype) {
            if (m_seen.insert(digestOf(keyOf(item.json()))).second)
                out.push(0, item);
        });
        return Exec::Done;
    }

private:
    void prepare(ExecutionContext& ctx)
    {
        m_mode = ctx.param(m_type.m_compare);
        for (const Value& row : ctx.param(m_type.m_fields)) {
            FieldPath p = FieldPath::parse(row.objectRef().value(u"field").toText());
            if (!p.isEmpty())
                m_fields.append(std::move(p));
        }
        if (m_mode == u"fields" && m_fields.isEmpty())
            throw NodeError::param(m_type.m_fields.name(), ctx.param(m_type.m_fields),
                                   QStringLiteral("name the fields to compare"));
        m_ready = true;
    }

    QString keyOf(const Object& json) const
    {
        if (m_mode == u"fields") {
            QString key;
            for (const FieldPath& f : m_fields)
                ValueKey::appendPart(key, f.get(json));
            return key;
        }
        if (m_mode == u"allExcept") {
            Object rest = json;
            for (const FieldPath& f : m_fields)
                f.remove(rest);
            return ValueKey::of(rest);
        }
        return ValueKey::of(json);
    }

    const RemoveDuplicatesNode& m_type;
    bool m_ready = false;
    QString m_mode;
    QList<FieldPath> m_fields;
    std::unordered_set<Digest, DigestHash> m_seen;
};

RemoveDuplicatesNode::RemoveDuplicatesNode()
{
    m_spec.type = QStringLiteral("core.removeDuplicates");
    m_spec.title = QStringLiteral("Remove Duplicates");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Drops items that repeat an earlier one, compared on all fields or on the "
                                        "fields you choose. Attachments are not compared.");
    m_spec.aliases = {QStringLiteral("dedupe"), QStringLiteral("distinct"), QStringLiteral("unique")};
    m_spec.icon = QStringLiteral("edit-copy");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    const QString fields = QStringLiteral("fields");
    const QString allExcept = QStringLiteral("allExcept");
    m_compare = addParam<QString>(ParamSpec::choice(QStringLiteral("compare"), QStringLiteral("Compare"),
                                                    {{QStringLiteral("all"), QStringLiteral("All fields"), {}},
                                                     {fields, QStringLiteral("Selected fields"), {}},
                                                     {allExcept, QStringLiteral("All fields except"), {}}}));
    m_fields = addParam<Array>(
        ParamSpec::list(fields, QStringLiteral("Fields"),
                        {ParamSpec::string(QStringLiteral("field"), QStringLiteral("Field")).required()})
            .required()
            .noExpressions()
            .visibleWhen(QStringLiteral("compare"), {fields, allExcept}));
}

std::unique_ptr<NodeInstance> RemoveDuplicatesNode::instantiate() const
{
    return std::make_unique<RemoveDuplicatesInstance>(*this);
}

} // namespace taskloom::nodes::core
