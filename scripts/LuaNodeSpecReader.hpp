#pragma once

#include "LuaScript.hpp"

#include "engine/NodeSpec.hpp"

#include <QString>
#include <QStringList>

struct lua_State;

namespace taskloom::scripts {

/// Turns the table a node file returned (on top of the stack) into a NodeSpec and the script settings, or
/// raises one Lua-style error "file.lua:LINE: field: problem". Table constructors keep no line numbers, so the
/// line is found in the source: the line that sets the offending field (inside the offending parameter's entry).
class LuaNodeSpecReader {
public:
    LuaNodeSpecReader(lua_State* L, const QByteArray& source, QString chunkName);

    /// Reads the table at the top of the stack; pushes nothing. Errors are thrown as Lua errors.
    void read(engine::NodeSpec& spec, LuaScript& script);

private:
    [[noreturn]] void fail(int line, const QString& path, const QString& problem) const;
    int lineOfKey(const QString& key, int from = 1, int to = -1) const;
    int lineOfParam(const QString& name) const;
    int returnLine() const;

    QString string(int table, const char* field, const QString& path, bool required, const QString& fallback = {});
    QStringList stringList(int table, const char* field, const QString& path);
    void checkKeys(int table, const QStringList& allowed, const QString& path, int lineFrom);
    QList<engine::PortSpec> ports(int table, const char* field, const QString& fallback);
    void params(int table, engine::NodeSpec& spec);
    engine::ParamSpec param(int entry, int index, const QStringList& earlier);
    engine::Value paramDefault(int entry, const engine::ParamSpec& p, const QString& path, int line);
    void capabilities(int table, LuaScript& script);
    void limits(int table, LuaScript& script);

    lua_State* L;
    QStringList m_lines;
    QString m_chunk;
};

} // namespace taskloom::scripts
