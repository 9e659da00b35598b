#pragma once

#include "Binary.hpp"
#include "Value.hpp"

#include <QList>
#include <QMap>

namespace taskloom::engine {

/// What flows between nodes: an ordered JSON object plus named binary attachments. Copying an item costs two
/// reference counts; the first write to a shared copy detaches only what is written.
class Item {
public:
    Item() = default;
    explicit Item(Object json) : m_json(std::move(json)) {}

    const Object& json() const { return m_json; }
    Object& json() { return m_json; }
    void setJson(Object json) { m_json = std::move(json); }

    const QMap<QString, BinaryRef>& binaries() const { return m_binaries; }
    BinaryRef binary(const QString& name) const { return m_binaries.value(name); }
    void setBinary(const QString& name, BinaryRef binary) { m_binaries.insert(name, std::move(binary)); }
    void removeBinary(const QString& name) { m_binaries.remove(name); }

    /// The JSON with binaries described under "$binary": {"name": {mimeType, fileName, size}}. For output
    /// that leaves the process (CLI result, run store, exports).
    Object toExternalJson() const;

    bool operator==(const Item& other) const;

private:
    Object m_json;
    QMap<QString, BinaryRef> m_binaries;
};

/// A batch of items. QList is implicitly shared, so handing a batch to the next node is cheap.
using ItemList = QList<Item>;

} // namespace taskloom::engine
