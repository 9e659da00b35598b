#include "BenchFlows.hpp"

namespace taskloom::bench {

using namespace engine;

namespace {

FlowNode node(const QString& id, const QString& type, Object params = {})
{
    FlowNode n;
    n.id = id;
    n.type = type;
    n.name = id;
    n.params = std::move(params);
    return n;
}

Flow header()
{
    Flow f;
    f.id = QStringLiteral("00000000-0000-4000-8000-00000000b3c4");
    f.name = QStringLiteral("benchmark");
    f.nodes.push_back(node(QStringLiteral("trigger"), QStringLiteral("core.manualTrigger")));
    return f;
}

} // namespace

Flow BenchFlows::setChain(int setNodes)
{
    Flow f = header();
    QString previous = QStringLiteral("trigger");
    for (int i = 1; i <= setNodes; ++i) {
        const QString id = QStringLiteral("set%1").arg(i);
        Array fields{Object{{QStringLiteral("name"), QStringLiteral("f%1").arg(i)}, {QStringLiteral("value"), QStringLiteral("v%1").arg(i)}}};
        f.nodes.push_back(node(id, QStringLiteral("core.set"), Object{{QStringLiteral("fields"), fields}}));
        f.connections.push_back({previous, QStringLiteral("out"), id, QStringLiteral("in")});
        previous = id;
    }
    return f;
}

Flow BenchFlows::csvFilterAggregate(const QString& csvPath)
{
    Flow f = header();
    f.nodes.push_back(node(QStringLiteral("read"), QStringLiteral("core.csvRead"), Object{{QStringLiteral("path"), csvPath}}));
    Array rules{Object{{QStringLiteral("field"), QStringLiteral("status")},
                       {QStringLiteral("operator"), QStringLiteral("equals")},
                       {QStringLiteral("value"), QStringLiteral("paid")}}};
    f.nodes.push_back(node(QStringLiteral("filter"), QStringLiteral("core.filter"), Object{{QStringLiteral("rules"), rules}}));
    Array groupBy{Object{{QStringLiteral("field"), QStringLiteral("region")}}};
    Array aggregations{Object{{QStringLiteral("function"), QStringLiteral("count")}, {QStringLiteral("output"), QStringLiteral("orders")}},
                       Object{{QStringLiteral("function"), QStringLiteral("sum")},
                              {QStringLiteral("field"), QStringLiteral("amount")},
                              {QStringLiteral("output"), QStringLiteral("revenue")}}};
    f.nodes.push_back(node(QStringLiteral("aggregate"), QStringLiteral("core.aggregate"),
                           Object{{QStringLiteral("groupBy"), groupBy}, {QStringLiteral("aggregations"), aggregations}}));
    f.connections.push_back({QStringLiteral("trigger"), QStringLiteral("out"), QStringLiteral("read"), QStringLiteral("in")});
    f.connections.push_back({QStringLiteral("read"), QStringLiteral("out"), QStringLiteral("filter"), QStringLiteral("in")});
    f.connections.push_back({QStringLiteral("filter"), QStringLiteral("out"), QStringLiteral("aggregate"), QStringLiteral("in")});
    return f;
}

} // namespace taskloom::bench
