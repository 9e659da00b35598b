#pragma once

#include <QByteArrayView>
#include <QList>
#include <QStringList>

namespace taskloom::scripts {

/// A Lua module from scripts/lib, compiled into the library (require never reads the file system).
struct LuaBundledModule {
    const char* name;   ///< file name without ".lua"
    const char* source;
    qsizetype size;
};

/// The module called `name`, or null. Defined in the generated LuaBundledModules.cpp (scripts/EmbedLua.cmake).
const LuaBundledModule* findBundledLuaModule(QByteArrayView name);
QStringList bundledLuaModuleNames();
/// The node files from scripts/lib/nodes, in name order (generated LuaBundledNodes.cpp).
QList<LuaBundledModule> bundledLuaNodeFiles();

} // namespace taskloom::scripts
