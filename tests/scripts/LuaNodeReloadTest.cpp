// Reloading one Lua node file (the studio's hot reload): the type is replaced in place with the user's grants, the
// replaced type is handed back to be kept alive, and a file that does not load changes nothing.

#include "LuaNodeTestSupport.hpp"

#include "scripts/LuaNodeType.hpp"

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

QString shout(const QString& title)
{
    return QStringLiteral("return {\n  type = \"acme.shout\",\n  title = \"%1\",\n"
                          "  execute = function(ctx, items) return items end,\n}\n")
        .arg(title);
}

class LuaNodeReloading : public LuaNodeFixture {};

} // namespace

TEST_F(LuaNodeReloading, ReplacesTheTypeAndHandsBackTheOldOne)
{
    const QString path = write(QStringLiteral("shout.lua"), shout(QStringLiteral("Shout")));
    auto first = reloadLuaNodeFile(registry, path, {});
    ASSERT_TRUE(first) << first.error().toStdString();
    EXPECT_EQ(first->type, u"acme.shout");
    EXPECT_FALSE(first->replaced) << "a new type replaces nothing";
    const NodeType* before = registry.find(u"acme.shout");
    ASSERT_TRUE(before);

    write(QStringLiteral("shout.lua"), shout(QStringLiteral("Shout louder")));
    LuaGrantTable grants;
    grants.insert(QStringLiteral("acme.shout"), LuaGrants{{QStringLiteral("/srv/in")}, {}});
    auto second = reloadLuaNodeFile(registry, path, grants);
    ASSERT_TRUE(second) << second.error().toStdString();
    EXPECT_EQ(second->replaced.get(), before) << "the old type comes back, alive";
    EXPECT_EQ(second->replaced->spec().title, u"Shout");
    const auto* now = dynamic_cast<const LuaNodeType*>(registry.find(u"acme.shout"));
    ASSERT_TRUE(now);
    EXPECT_EQ(now->spec().title, u"Shout louder");
    EXPECT_EQ(now->declaration().granted.fileRoots, QStringList{QStringLiteral("/srv/in")});
}

TEST_F(LuaNodeReloading, AFileThatDoesNotLoadChangesNothing)
{
    const QString path = write(QStringLiteral("shout.lua"), shout(QStringLiteral("Shout")));
    ASSERT_TRUE(reloadLuaNodeFile(registry, path, {}));

    write(QStringLiteral("shout.lua"), QStringLiteral("return {\n  type = \"acme.shout\",\n  title = = 1,\n}\n"));
    auto broken = reloadLuaNodeFile(registry, path, {});
    ASSERT_FALSE(broken);
    EXPECT_TRUE(broken.error().contains(QStringLiteral("shout.lua:3:"))) << broken.error().toStdString();
    EXPECT_EQ(registry.find(u"acme.shout")->spec().title, u"Shout");

    // Another file of the folder may not take the type over, and no file may take a built-in one.
    const QString other = write(QStringLiteral("other.lua"), shout(QStringLiteral("Impostor")));
    auto taken = reloadLuaNodeFile(registry, other, {});
    ASSERT_FALSE(taken);
    EXPECT_TRUE(taken.error().contains(QStringLiteral("already declared by"))) << taken.error().toStdString();
    const QString code = write(QStringLiteral("code.lua"), shout(QStringLiteral("Code")).replace(
                                                               QStringLiteral("acme.shout"), QStringLiteral("code.lua")));
    auto builtin = reloadLuaNodeFile(registry, code, {});
    ASSERT_FALSE(builtin);
    EXPECT_TRUE(builtin.error().contains(QStringLiteral("built-in node type"))) << builtin.error().toStdString();
    EXPECT_EQ(registry.find(u"acme.shout")->spec().title, u"Shout");
}
