#pragma once

#include "engine/Item.hpp"
#include "engine/Value.hpp"

#include <QByteArray>
#include <QList>
#include <QMap>

#include <memory>
#include <optional>
#include <variant>

struct lua_State;

namespace taskloom::scripts {

/// A Lua view of an engine object or array (a userdata that behaves like a table): `item.name`,
/// `item["a b"]`, `pairs(item)` in field order, `#list`, `list[1]`, `table.insert(list, v)`.
///
/// Reading is lazy: nothing is converted until a field is read, and a nested object or array comes back as
/// another proxy over the same root. Writing (`item.x = 1`, `item.address.city = "Oslo"`) changes the root's
/// copy-on-write value in place: existing keys keep their position, new keys are appended, and the data
/// shared with the input item is copied only on the first write. Assigning nil removes a field.
/// A nested proxy remembers its path from the root, so it stays valid (and sees later writes) for as long as
/// the path leads somewhere.
class LuaProxy {
public:
    /// What a family of proxies views: one item (with its binaries) or one value.
    struct Root {
        engine::Value value;
        QMap<QString, engine::BinaryRef> binaries;
        bool readOnly = false;
        QByteArray label; ///< names a read-only root in errors: "vars is read-only"
        qsizetype itemIndex = -1; ///< position in the batch: accesses note it, so errors can name the item
    };

    /// Registers the metatables and the proxy-aware `type` (once per state).
    static void install(lua_State* L);

    static LuaProxy* pushObject(lua_State* L, engine::Object object, bool readOnly = false, QByteArray label = {});
    static LuaProxy* pushArray(lua_State* L, engine::Array array, bool readOnly = false, QByteArray label = {});
    /// A root proxy over the item's JSON that keeps its binaries, so a returned (modified) input item keeps them.
    static LuaProxy* pushItem(lua_State* L, const engine::Item& item, bool readOnly = false, QByteArray label = {});
    /// The proxy at `index`, or null when the value there is not one.
    static LuaProxy* test(lua_State* L, int index);

    /// The value the proxy stands for; null when its path no longer leads anywhere.
    engine::Value value() const;
    /// An item from the viewed object; a root item proxy brings its binaries along.
    engine::Item toItem() const;
    bool isRoot() const { return m_path.isEmpty(); }
    void setItemIndex(qsizetype index) { m_root->itemIndex = index; }
    qsizetype itemIndex() const { return m_root->itemIndex; }
    /// The binaries of the item the proxy belongs to (ctx.binary & co.).
    const QMap<QString, engine::BinaryRef>& binaries() const { return m_root->binaries; }
    void setBinary(const QString& name, engine::BinaryRef binary);
    /// Points a root proxy at new content: the expression evaluator reuses one proxy per name.
    void reset(const engine::Item& item);
    void reset(engine::Value value);

private:
    using Key = std::variant<QString, qsizetype>;
    enum class WriteResult { Ok, Stale, OutOfRange };

    LuaProxy(std::shared_ptr<Root> root, QList<Key> path) : m_root(std::move(root)), m_path(std::move(path)) {}
    static LuaProxy* push(lua_State* L, std::shared_ptr<Root> root, QList<Key> path, bool isArray);
    static LuaProxy& check(lua_State* L, int index);
    /// Pushes a field or element: scalars as Lua values, containers as proxies sharing this root.
    void pushChild(lua_State* L, Key key, const engine::Value& v) const;
    const engine::Value* resolve() const;
    template <typename F>
    WriteResult mutate(engine::Value& slot, qsizetype depth, F& change);
    WriteResult write(const Key& key, std::optional<engine::Value> v);

    static int index(lua_State* L);
    static int newIndex(lua_State* L);
    static int length(lua_State* L);
    static int pairs(lua_State* L);
    static int next(lua_State* L);
    static int toString(lua_State* L);
    static int equals(lua_State* L);
    static int collect(lua_State* L);
    static int type(lua_State* L);

    std::shared_ptr<Root> m_root;
    QList<Key> m_path;
};

} // namespace taskloom::scripts
