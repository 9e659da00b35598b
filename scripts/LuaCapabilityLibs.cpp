#include "LuaCapabilityLibs.hpp"

#include "LuaConvert.hpp"
#include "LuaHttp.hpp"
#include "LuaSandbox.hpp"
#include "LuaScript.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/ExecutionContext.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace taskloom::scripts {

namespace {

enum class Access { Read, Write };

const LuaScript& scriptOf(lua_State* L)
{
    return *static_cast<const LuaScript*>(lua_touserdata(L, lua_upvalueindex(1)));
}

bool inside(const QString& path, const QString& root)
{
    return path == root || path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

// The checked absolute path for `arg`, or a Lua error naming the missing declaration or grant.
QString checkedPath(lua_State* L, int arg, Access access, const char* function)
{
    const LuaScript& script = scriptOf(L);
    const bool declared = access == Access::Read ? script.declared.readFiles : script.declared.writeFiles;
    if (!declared) {
        luaL_error(L, "%s: node type %s did not declare capabilities = {files = \"%s\"}", function,
                   script.typeId.toUtf8().constData(), access == Access::Read ? "read" : "write");
    }
    if (script.granted.fileRoots.isEmpty()) {
        luaL_error(L, "%s: file access is not granted to node type %s (add a folder under lua.grants[\"%s\"].files "
                      "in settings.json)", function, script.typeId.toUtf8().constData(), script.typeId.toUtf8().constData());
    }
    const QString given = QString::fromUtf8(luaL_checkstring(L, arg));
    if (given.isEmpty())
        luaL_error(L, "%s: empty path", function);
    engine::ExecutionContext* ctx = LuaSandbox::of(L).context();
    const QString resolved = QDir::cleanPath(QFileInfo(ctx ? ctx->resolvePath(given) : given).absoluteFilePath());
    // Follow symlinks: a link inside a granted folder must not lead outside it. A file still to be written is
    // checked through its folder.
    const QFileInfo info(resolved);
    QString real = info.exists() ? info.canonicalFilePath() : QString();
    if (real.isEmpty()) {
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        real = folder.isEmpty() ? resolved : QDir(folder).filePath(info.fileName());
    }
    for (const QString& root : script.granted.fileRoots) {
        const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        if (!canonicalRoot.isEmpty() && inside(real, canonicalRoot))
            return real;
    }
    luaL_error(L, "%s: \"%s\" is outside the folders granted to node type %s (%s)", function,
               given.toUtf8().constData(), script.typeId.toUtf8().constData(),
               script.granted.fileRoots.join(QStringLiteral(", ")).toUtf8().constData());
    return {};
}

int filesRead(lua_State* L)
{
    const QString path = checkedPath(L, 1, Access::Read, "files.read");
    LuaSandbox& sandbox = LuaSandbox::of(L);
    return LuaSandbox::guarded(L, [&] {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return luaL_error(L, "files.read: %s: %s", path.toUtf8().constData(), f.errorString().toUtf8().constData());
        if (std::size_t(f.size()) + sandbox.memoryUsed() > sandbox.memoryLimit())
            return luaL_error(L, "files.read: %s (%I bytes) does not fit in the script's memory limit of %s",
                              path.toUtf8().constData(), lua_Integer(f.size()), sandbox.memoryLimitText().toUtf8().constData());
        const QByteArray bytes = f.readAll();
        LuaSandbox::charge(L, bytes.size() >> 6);
        lua_pushlstring(L, bytes.constData(), std::size_t(bytes.size()));
        return 1;
    });
}

// files.write(path, text): all or nothing (engine::AtomicFile), creating missing folders inside the grant.
int filesWrite(lua_State* L)
{
    const QString path = checkedPath(L, 1, Access::Write, "files.write");
    std::size_t len = 0;
    const char* data = luaL_checklstring(L, 2, &len);
    return LuaSandbox::guarded(L, [&] {
        LuaSandbox::charge(L, qint64(len) >> 6);
        QDir().mkpath(QFileInfo(path).absolutePath());
        const auto written = engine::AtomicFile::write(path, QByteArray(data, qsizetype(len)));
        if (!written)
            return luaL_error(L, "files.write: %s: %s", path.toUtf8().constData(), written.error().toUtf8().constData());
        return 0;
    });
}

int filesExists(lua_State* L)
{
    const QString path = checkedPath(L, 1, Access::Read, "files.exists");
    lua_pushboolean(L, QFileInfo::exists(path));
    return 1;
}

// files.list(folder): {name, size, folder, modified} per entry, sorted by name.
int filesList(lua_State* L)
{
    const QString path = checkedPath(L, 1, Access::Read, "files.list");
    return LuaSandbox::guarded(L, [&] {
        const QDir dir(path);
        if (!dir.exists())
            return luaL_error(L, "files.list: %s: no such folder", path.toUtf8().constData());
        engine::Array entries;
        for (const QFileInfo& e : dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            engine::Object o;
            o.insert(QStringLiteral("name"), e.fileName());
            o.insert(QStringLiteral("size"), qint64(e.isDir() ? 0 : e.size()));
            o.insert(QStringLiteral("folder"), e.isDir());
            o.insert(QStringLiteral("modified"), e.lastModified().toUTC().toString(Qt::ISODate));
            entries.append(std::move(o));
        }
        LuaSandbox::charge(L, entries.size());
        LuaConvert::push(L, engine::Value(std::move(entries)));
        return 1;
    });
}

// http.request{url = ..., method = "GET", headers = {...}, body = "...", timeout = 30}.
int httpRequest(lua_State* L)
{
    const LuaScript& script = scriptOf(L);
    if (!script.declared.http)
        return luaL_error(L, "http.request: node type %s did not declare capabilities = {http = true}",
                          script.typeId.toUtf8().constData());
    return luaHttpRequest(L, script.granted.httpHosts, script.typeId);
}

} // namespace

void installCapabilityLibraries(lua_State* L, const LuaScript& script)
{
    static const luaL_Reg files[] = {{"read", &filesRead}, {"write", &filesWrite}, {"exists", &filesExists},
                                     {"list", &filesList}, {nullptr, nullptr}};
    lua_newtable(L);
    lua_pushlightuserdata(L, const_cast<LuaScript*>(&script));
    luaL_setfuncs(L, files, 1);
    lua_setglobal(L, "files");
    static const luaL_Reg http[] = {{"request", &httpRequest}, {nullptr, nullptr}};
    lua_newtable(L);
    lua_pushlightuserdata(L, const_cast<LuaScript*>(&script));
    luaL_setfuncs(L, http, 1);
    lua_setglobal(L, "http");
}

} // namespace taskloom::scripts
