#include "nodes/core/ItemJoin.hpp"

#include "engine/Json.hpp"

#include <gtest/gtest.h>

using namespace taskloom::engine;
using namespace taskloom::nodes::core;

namespace {

ItemList items(const char* json)
{
    ItemList out;
    const Value parsed = *Json::parse(json); // a named value: a temporary in the range would die before the loop
    for (const Value& v : parsed.arrayRef())
        out.append(Item(v.toObject()));
    return out;
}

std::string text(const ItemList& list)
{
    Array a;
    for (const Item& i : list)
        a.append(i.json());
    return Json::serialize(Value(a)).toStdString();
}

ItemJoin::Options on(std::initializer_list<std::pair<const char*, const char*>> keys, ItemJoin::Kind kind)
{
    ItemJoin::Options o;
    for (const auto& [a, b] : keys)
        o.keys.append({FieldPath::parse(QString::fromLatin1(a)), FieldPath::parse(QString::fromLatin1(b))});
    o.kind = kind;
    return o;
}

const ItemList people = items(R"([{"first": "Ann", "last": "Lee", "age": 30}, {"first": "Ann", "last": "Ray"},
                                  {"first": "Bo", "last": "Lee"}, {"first": "Cy"}])");
const ItemList pets = items(R"([{"owner": {"first": "Ann", "last": "Lee"}, "pet": "cat"},
                                {"owner": {"first": "Bo", "last": "Lee"}, "pet": "dog"},
                                {"owner": {"first": "Ann", "last": "Lee"}, "pet": "fish", "age": 2},
                                {"owner": {"first": "Di"}, "pet": "owl"}])");

TEST(ItemJoin, CompositeKeysOnNestedFields)
{
    const auto options = on({{"first", "owner.first"}, {"last", "owner.last"}}, ItemJoin::Kind::Inner);
    const ItemCombiner combiner(ItemCombiner::Clash::PreferFirst);
    EXPECT_EQ(text(ItemJoin::join(people, pets, options, combiner)),
              R"([{"first":"Ann","last":"Lee","age":30,"owner":{"first":"Ann","last":"Lee"},"pet":"cat"},)"
              R"({"first":"Ann","last":"Lee","age":30,"owner":{"first":"Ann","last":"Lee"},"pet":"fish"},)"
              R"({"first":"Bo","last":"Lee","owner":{"first":"Bo","last":"Lee"},"pet":"dog"}])");
}

TEST(ItemJoin, KindsKeepWhatTheySay)
{
    const ItemCombiner combiner(ItemCombiner::Clash::PreferLast);
    auto join = [&](ItemJoin::Kind kind, ItemJoin::Side side = ItemJoin::Side::Both) {
        auto o = on({{"first", "owner.first"}}, kind);
        o.nonMatchesFrom = side;
        ItemList out = ItemJoin::join(people, pets, o, combiner);
        QStringList names;
        for (const Item& i : out)
            names.append(i.json().value(u"pet").toText() + u'/' + i.json().value(u"last").toText());
        return names.join(u' ').toStdString();
    };
    EXPECT_EQ(join(ItemJoin::Kind::Inner), "cat/Lee fish/Lee cat/Ray fish/Ray dog/Lee");
    EXPECT_EQ(join(ItemJoin::Kind::Left), "cat/Lee fish/Lee cat/Ray fish/Ray dog/Lee /");
    EXPECT_EQ(join(ItemJoin::Kind::Outer), "cat/Lee fish/Lee cat/Ray fish/Ray dog/Lee / owl/");
    EXPECT_EQ(join(ItemJoin::Kind::NonMatches), "/ owl/");
    EXPECT_EQ(join(ItemJoin::Kind::NonMatches, ItemJoin::Side::First), "/");
    EXPECT_EQ(join(ItemJoin::Kind::NonMatches, ItemJoin::Side::Second), "owl/");
}

TEST(ItemJoin, MissingKeysNeverMatchEvenEachOther)
{
    const ItemList a = items(R"([{"id": null, "a": 1}, {"a": 2}])");
    const ItemList b = items(R"([{"id": null, "b": 1}, {"b": 2}])");
    const ItemCombiner combiner(ItemCombiner::Clash::PreferFirst);
    EXPECT_EQ(text(ItemJoin::join(a, b, on({{"id", "id"}}, ItemJoin::Kind::Inner), combiner)), "[]");
    EXPECT_EQ(text(ItemJoin::join(a, b, on({{"id", "id"}}, ItemJoin::Kind::Outer), combiner)),
              R"([{"id":null,"a":1},{"a":2},{"id":null,"b":1},{"b":2}])");
}

TEST(ItemJoin, LooseAndStrictMatching)
{
    const ItemList a = items(R"([{"id": 7}, {"id": "007"}, {"id": 1.5}])");
    const ItemList b = items(R"([{"id": "7", "b": 1}, {"id": "7.0", "b": 2}, {"id": 7.0, "b": 3},
                                 {"id": "1.5", "b": 4}])");
    const ItemCombiner combiner(ItemCombiner::Clash::PreferFirst);
    auto o = on({{"id", "id"}}, ItemJoin::Kind::Inner);
    EXPECT_EQ(text(ItemJoin::join(a, b, o, combiner)), R"([{"id":7,"b":1},{"id":7,"b":3},{"id":1.5,"b":4}])");
    o.match = ValueKey::Match::Strict;
    EXPECT_EQ(text(ItemJoin::join(a, b, o, combiner)), R"([{"id":7,"b":3}])");
}

TEST(ItemCombiner, ClashPolicies)
{
    const ItemList parts = items(R"([{"id": 1, "a": "x", "n": 1}, {"n": 2, "id": 1, "b": "y"}, {"n": 3, "c": "z"}])");
    const QList<const Item*> all{&parts[0], &parts[1], &parts[2]};
    auto combine = [&](ItemCombiner::Clash clash, QSet<QString> shared = {}) {
        return text({ItemCombiner(clash, std::move(shared)).combine(all, {1, 2, 3})});
    };
    EXPECT_EQ(combine(ItemCombiner::Clash::PreferFirst), R"([{"id":1,"a":"x","n":1,"b":"y","c":"z"}])");
    EXPECT_EQ(combine(ItemCombiner::Clash::PreferLast), R"([{"id":1,"a":"x","n":3,"b":"y","c":"z"}])");
    EXPECT_EQ(combine(ItemCombiner::Clash::Prefix),
              R"([{"in1_id":1,"a":"x","in1_n":1,"in2_n":2,"in2_id":1,"b":"y","in3_n":3,"c":"z"}])");
    EXPECT_EQ(combine(ItemCombiner::Clash::Prefix, {QStringLiteral("id")}),
              R"([{"id":1,"a":"x","in1_n":1,"in2_n":2,"b":"y","in3_n":3,"c":"z"}])");
}

TEST(ItemCombiner, AttachmentsCombineLikeFields)
{
    Item a(Object{{QStringLiteral("a"), 1}});
    Item b(Object{{QStringLiteral("b"), 2}});
    auto attachment = [](const char* bytes, const char* name) {
        return *Binary::fromBytes(bytes, QStringLiteral("text/plain"), QString::fromLatin1(name));
    };
    a.setBinary(QStringLiteral("file"), attachment("A", "a.txt"));
    b.setBinary(QStringLiteral("file"), attachment("B", "b.txt"));
    b.setBinary(QStringLiteral("extra"), attachment("E", "e.txt"));
    const Item first = ItemCombiner(ItemCombiner::Clash::PreferFirst).combine({&a, &b}, {1, 2});
    EXPECT_EQ(first.binary(QStringLiteral("file"))->fileName(), u"a.txt");
    EXPECT_TRUE(first.binary(QStringLiteral("extra")));
    const Item last = ItemCombiner(ItemCombiner::Clash::PreferLast).combine({&a, &b}, {1, 2});
    EXPECT_EQ(last.binary(QStringLiteral("file"))->fileName(), u"b.txt");
    const Item prefixed = ItemCombiner(ItemCombiner::Clash::Prefix).combine({&a, &b}, {1, 2});
    EXPECT_EQ(prefixed.binaries().keys(),
              (QStringList{QStringLiteral("extra"), QStringLiteral("in1_file"), QStringLiteral("in2_file")}));
    EXPECT_EQ(Json::serialize(Value(prefixed.json())), R"({"a":1,"b":2})");
}

} // namespace
