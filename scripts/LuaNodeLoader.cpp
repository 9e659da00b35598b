#include "LuaNodeLoader.hpp"

#include "LuaBundledModules.hpp"
#include "LuaNodeSpecReader.hpp"
#include "LuaSandbox.hpp"

#include "engine/NodeRegistry.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace taskloom::scripts {

namespace {

// Declaring a node is cheap: a file whose top level needs more is doing work it should do in execute.
constexpr qint64 loadBudget = 2'000'000;
constexpr std::size_t loadMemory = std::size_t(32) << 20;
constexpr qint64 maxFileSize = 4 << 20;

// "rrn-mask.lua:12: ..." with the chunk name replaced by the full path, so the message leads to the file.
QString withPath(QString message, const QString& chunk, const QString& path)
{
    if (message.startsWith(chunk + u':'))
        return path + message.mid(chunk.size());
    return path + QStringLiteral(": ") + message;
}

} // namespace

std::expected<std::shared_ptr<LuaNodeType>, QString> LuaNodeLoader::load(const QByteArray& source, const QString& path,
                                                                          bool bundled)
{
    const QString chunk = QFileInfo(path).fileName();
    engine::NodeSpec spec;
    LuaScript script;
    script.source = source;
    script.chunkName = chunk;
    script.fromTable = true;
    try {
        LuaSandbox sandbox(loadMemory);
        sandbox.setTimeLimit(std::chrono::seconds(10));
        auto compiled = sandbox.compile(source, chunk);
        if (!compiled)
            return std::unexpected(withPath(compiled.error().message, chunk, path));
        const auto ran = sandbox.run(
            [&](lua_State* L) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, *compiled);
                lua_call(L, 0, 1);
                if (!lua_istable(L, -1)) {
                    luaL_error(L, "%s: the file must return the node's table (return {type = ..., title = ..., execute = "
                                  "function(ctx, items) ... end}), not a %s",
                               chunk.toUtf8().constData(), luaL_typename(L, -1));
                }
                LuaNodeSpecReader(L, source, chunk).read(spec, script);
            },
            loadBudget);
        if (!ran)
            return std::unexpected(withPath(ran.error().message, chunk, path));
    } catch (const std::exception& e) {
        return std::unexpected(QStringLiteral("%1: %2").arg(path, QString::fromUtf8(e.what())));
    }
    return std::make_shared<LuaNodeType>(std::move(spec), std::move(script), path, bundled);
}

std::expected<std::shared_ptr<LuaNodeType>, QString> LuaNodeLoader::loadFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
    if (f.size() > maxFileSize)
        return std::unexpected(QStringLiteral("%1: larger than %2 MiB; is it a node file?").arg(path).arg(maxFileSize >> 20));
    return load(f.readAll(), path);
}

LuaNodeLoader::Result LuaNodeLoader::loadFolder(const QString& folder)
{
    Result result;
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return result;
    QStringList seen;
    for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.lua")}, QDir::Files | QDir::Readable, QDir::Name)) {
        auto node = loadFile(file.absoluteFilePath());
        if (!node) {
            result.errors.append(node.error());
            continue;
        }
        const QString type = (*node)->spec().type;
        const qsizetype earlier = seen.indexOf(type);
        if (earlier >= 0) {
            result.errors.append(QStringLiteral("%1: type %2 is already declared by %3").arg(file.absoluteFilePath(), type,
                                                                                          result.nodes[earlier]->path()));
            continue;
        }
        seen.append(type);
        result.nodes.append(std::move(*node));
    }
    return result;
}

LuaNodeLoader::Result LuaNodeLoader::loadBundled()
{
    Result result;
    for (const LuaBundledModule& file : bundledLuaNodeFiles()) {
        auto node = load(QByteArray(file.source, file.size), QStringLiteral("(bundled) %1.lua").arg(QString::fromLatin1(file.name)),
                         true);
        if (node)
            result.nodes.append(std::move(*node));
        else
            result.errors.append(node.error());
    }
    return result;
}

QStringList registerLuaNodeTypes(engine::NodeRegistry& registry, const LuaNodeLoader::Result& loaded,
                                 const LuaGrantTable& grants)
{
    QStringList refused;
    for (const std::shared_ptr<LuaNodeType>& node : loaded.nodes) {
        const engine::NodeType* existing = registry.find(node->spec().type);
        if (existing && !dynamic_cast<const LuaNodeType*>(existing)) {
            refused.append(QStringLiteral("%1: type %2 is a built-in node type; choose another type id")
                               .arg(node->path(), node->spec().type));
            continue;
        }
        node->setGrants(grants.value(node->spec().type));
        registry.add(node);
    }
    return refused;
}

} // namespace taskloom::scripts
