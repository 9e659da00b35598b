#include "LuaTestSupport.hpp"

#include "scripts/LuaItemListProxy.hpp"

using namespace taskloom;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

engine::Item sampleItem()
{
    return engine::Item(json(R"({"zeta":1,"alpha":"a","a b":true,"address":{"city":"Oslo","zip":"0150"},)"
                             R"("tags":["x","y"],"price":2.5,"none":null})")
                            .objectRef());
}

std::expected<engine::Value, LuaError> onItem(LuaSandbox& sandbox, const engine::Item& item, const QString& code)
{
    return runLua(sandbox, code, LuaSandbox::defaultCodeBudget, nullptr, &item);
}

QString valueText(const std::expected<engine::Value, LuaError>& r)
{
    return r ? text(*r) : QStringLiteral("ERROR: ") + r.error().message;
}

} // namespace

TEST(LuaConvert, ItemFieldsReadLazily)
{
    LuaSandbox sandbox;
    const engine::Item item = sampleItem();
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral(
                  "return {item.zeta, item.alpha, item['a b'], item.address.city, item.tags[2], #item.tags,"
                  " item.price, item.none == nil, item.missing == nil, math.type(item.zeta), type(item)}"))),
              QStringLiteral(R"([1,"a",true,"Oslo","y",2,2.5,true,true,"integer","table"])"));
}

TEST(LuaConvert, PairsFollowsFieldOrder)
{
    LuaSandbox sandbox;
    EXPECT_EQ(valueText(onItem(sandbox, sampleItem(), QStringLiteral(
                  "local keys = {} for k in pairs(item) do keys[#keys + 1] = k end return table.concat(keys, ',')"))),
              QStringLiteral(R"("zeta,alpha,a b,address,tags,price,none")"));
    EXPECT_EQ(valueText(onItem(sandbox, sampleItem(), QStringLiteral(
                  "local out = {} for i, v in ipairs(item.tags) do out[#out + 1] = i .. '=' .. v end"
                  " for i, v in pairs(item.tags) do out[#out + 1] = i .. ':' .. v end return table.concat(out, ' ')"))),
              QStringLiteral(R"("1=x 2=y 1:x 2:y")"));
}

TEST(LuaConvert, WritesKeepPositionsAndAppendNewFields)
{
    LuaSandbox sandbox;
    const engine::Item item = sampleItem();
    const QString before = text(item.json());
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral(
                  "item.alpha = 'b' item.new = 1 item.zeta = nil item.address.city = 'Bergen'"
                  " item.address.country = 'NO' table.insert(item.tags, 'z') item.tags[1] = 'w' return item"))),
              QStringLiteral(R"({"alpha":"b","a b":true,"address":{"city":"Bergen","zip":"0150","country":"NO"},)"
                             R"("tags":["w","y","z"],"price":2.5,"none":null,"new":1})"));
    EXPECT_EQ(text(item.json()), before) << "the input item is copy-on-write";
}

TEST(LuaConvert, NestedProxiesStayLiveAndNoticeReplacement)
{
    LuaSandbox sandbox;
    const engine::Item item = sampleItem();
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral(
                  "local a = item.address item.address.city = 'X' return a.city .. (a == item.address and '=' or '~')"))),
              QStringLiteral(R"("X=")"));
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral("local a = item.address item.address = 5 return a.city"))),
              QStringLiteral("ERROR: code:1: this object is gone: the field that held it was replaced or removed"));
}

TEST(LuaConvert, ListsGrowAtTheEndOnly)
{
    LuaSandbox sandbox;
    const engine::Item item = sampleItem();
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral(
                  "local t = item.tags t[#t + 1] = 'z' table.insert(t, 1, 'first') table.remove(t, 2) t[#t] = nil"
                  " t[1] = nil return t"))),
              QStringLiteral(R"([null,"y"])"));
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral("item.tags[5] = 'far'"))),
              QStringLiteral("ERROR: code:1: index 5 is out of range (the list has 2 elements; append at #list + 1)"));
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral("item.tags.name = 'x'"))),
              QStringLiteral("ERROR: code:1: a list index must be a whole number, not a string"));
    EXPECT_EQ(valueText(onItem(sandbox, item, QStringLiteral("return table.concat(item.tags, '+') .. tostring(item.tags)"))),
              QStringLiteral(R"("x+y[\"x\",\"y\"]")"));
}

TEST(LuaConvert, TablesBecomeArraysOrSortedObjects)
{
    LuaSandbox sandbox;
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {3, 'two', true}"))), QStringLiteral(R"([3,"two",true])"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {zeta = 1, alpha = 2, mid = {b = 1, a = 2}}"))),
              QStringLiteral(R"({"alpha":2,"mid":{"a":2,"b":1},"zeta":1})"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {[10] = 'ten', [2] = 'two', b = 'b', a = 'a'}"))),
              QStringLiteral(R"({"2":"two","10":"ten","a":"a","b":"b"})"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {1, nil, 3}"))), QStringLiteral(R"({"1":1,"3":3})"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {empty = {}, list = json.array(), nulls = {1, json.null, 3}}"))),
              QStringLiteral(R"({"empty":{},"list":[],"nulls":[1,null,3]})"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return json.decode('{\"a\":[]}').a"))), QStringLiteral("[]"));
}

TEST(LuaConvert, NumbersKeepTheirKind)
{
    LuaSandbox sandbox;
    auto r = runLua(sandbox, QStringLiteral("return {1, 1.0, 2^53, 1/0, -1/0, 0/0, math.maxinteger}"));
    ASSERT_TRUE(r) << r.error().message.toStdString();
    const engine::Array& a = r->arrayRef();
    EXPECT_TRUE(a.at(0).isInt());
    EXPECT_TRUE(a.at(1).isDouble());
    EXPECT_TRUE(a.at(2).isDouble());
    EXPECT_TRUE(a.at(3).isNull());
    EXPECT_TRUE(a.at(4).isNull());
    EXPECT_TRUE(a.at(5).isNull());
    EXPECT_EQ(a.at(6).toInt(), std::numeric_limits<qint64>::max());
}

TEST(LuaConvert, UnconvertibleValuesNameThePath)
{
    LuaSandbox sandbox;
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {order = {lines = {{total = 1}, {total = print}}}}"))),
              QStringLiteral("ERROR: cannot convert order.lines[2].total to JSON: a function value has no JSON form"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("local t = {} t.self = t return t"))),
              QStringLiteral("ERROR: cannot convert self to JSON: a table that contains itself has no JSON form"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {[true] = 1}"))),
              QStringLiteral("ERROR: cannot convert to JSON: a boolean cannot be a JSON field name"));
    const QString deep = valueText(runLua(sandbox, QStringLiteral("local t = {} for i = 1, 1000 do t = {t} end return t")));
    EXPECT_TRUE(deep.contains(QStringLiteral("tables nested more than 256 levels deep"))) << deep.toStdString();
    EXPECT_EQ(valueText(onItem(sandbox, sampleItem(), QStringLiteral("item.cb = function() end"))),
              QStringLiteral("ERROR: code:1: cannot convert to JSON: a function value has no JSON form"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return coroutine.create(print)"))),
              QStringLiteral("ERROR: cannot convert to JSON: a thread value has no JSON form"));
}

TEST(LuaConvert, AssigningTablesAndProxiesCopiesValues)
{
    LuaSandbox sandbox;
    EXPECT_EQ(valueText(onItem(sandbox, sampleItem(), QStringLiteral(
                  "local t = {b = 1, a = {1, 2}} item.t = t t.c = 3 item.copy = item.address item.copy.city = 'Y'"
                  " return {item.t, item.address.city, item.copy.city}"))),
              QStringLiteral(R"([{"a":[1,2],"b":1},"Oslo","Y"])"));
}

TEST(LuaConvert, ReadOnlyProxiesRefuseWrites)
{
    LuaSandbox sandbox;
    auto ran = sandbox.run([&](lua_State* L) {
        LuaProxy::pushObject(L, json(R"({"a":{"b":1}})").objectRef(), true, "vars");
        lua_setglobal(L, "vars");
        LuaItemListProxy::push(L, {sampleItem()}, "items");
        lua_setglobal(L, "items");
    }, LuaSandbox::unlimited);
    ASSERT_TRUE(ran);
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("vars.a.b = 2"))), QStringLiteral("ERROR: code:1: vars is read-only"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("items[1].zeta = 2"))), QStringLiteral("ERROR: code:1: items is read-only"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("items[2] = {}"))), QStringLiteral("ERROR: code:1: items is read-only"));
    EXPECT_EQ(valueText(runLua(sandbox, QStringLiteral("return {#items, items[1].address.zip, items[2] == nil, type(items)}"))),
              QStringLiteral(R"([1,"0150",true,"table"])"));
}

TEST(LuaConvert, QuadraticFieldGrowthHitsTheBudget)
{
    // Each new field costs a scan of the existing ones; the budget charges that scan.
    LuaSandbox sandbox;
    const Watchdog watchdog(std::chrono::seconds(120), "quadratic field growth");
    const auto start = std::chrono::steady_clock::now();
    auto r = onItem(sandbox, sampleItem(), QStringLiteral("for i = 1, 1e6 do item['k' .. i] = i end"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, LuaError::Kind::Budget);
    EXPECT_LT(secondsSince(start), 10.0);
}

TEST(LuaConvert, AppendItemsAcceptsItemsListsAndNil)
{
    LuaSandbox sandbox;
    engine::Item withBinary = sampleItem();
    auto binary = engine::Binary::fromBytes("PNG", QStringLiteral("image/png"), QStringLiteral("a.png"));
    ASSERT_TRUE(binary);
    withBinary.setBinary(QStringLiteral("image"), *binary);
    auto collect = [&](const char* code) {
        engine::ItemList out;
        QString error;
        auto ran = sandbox.run([&](lua_State* L) {
            LuaProxy::pushItem(L, withBinary);
            lua_setglobal(L, "item");
            if (luaL_loadstring(L, code) != LUA_OK)
                lua_error(L);
            lua_call(L, 0, 1);
            LuaConvert::appendItems(L, -1, out, "result");
        }, LuaSandbox::unlimited);
        if (!ran)
            error = ran.error().message;
        return std::make_pair(out, error);
    };
    auto [one, e1] = collect("item.x = 1 return item");
    ASSERT_EQ(one.size(), 1) << e1.toStdString();
    EXPECT_EQ(one[0].json().value(u"x").toInt(), 1);
    EXPECT_EQ(one[0].binary(QStringLiteral("image")), *binary) << "input proxies keep their binaries";
    auto [list, e2] = collect("return {item, {a = 1}, item.address}");
    ASSERT_EQ(list.size(), 3) << e2.toStdString();
    EXPECT_TRUE(list[0].binaries().contains(QStringLiteral("image")));
    EXPECT_TRUE(list[1].binaries().isEmpty());
    EXPECT_EQ(text(list[2].json()), QStringLiteral(R"({"city":"Oslo","zip":"0150"})"));
    EXPECT_TRUE(collect("return nil").first.isEmpty());
    EXPECT_TRUE(collect("return {}").first.isEmpty());
    EXPECT_EQ(collect("return {a = 1}").first.size(), 1);
    EXPECT_EQ(collect("return 5").second, QStringLiteral("result: expected an item (a table), a list of items or nil, got a number"));
    EXPECT_EQ(collect("return {{a = 1}, 'x'}").second, QStringLiteral("result, item 2: expected an item (a table with fields), got a string"));
    EXPECT_EQ(collect("return {{1, 2}}").second, QStringLiteral("result, item 1: expected an item (a table with fields), got a list"));
    EXPECT_EQ(collect("return item.tags").second, QStringLiteral("result, item 1: expected an item (a table with fields), got a string"));
}
