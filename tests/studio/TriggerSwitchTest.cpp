// The "Triggers active" switch: the studio's side of `taskloom schedule enable|disable`, checked against what the
// daemon itself sees in its flows folder and run store.

#include "StudioTestSupport.hpp"

#include "app/daemon/ScheduleControl.hpp"
#include "app/studio/FlowDocument.hpp"
#include "app/studio/TriggerSwitch.hpp"

#include "engine/FlowWriter.hpp"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace taskloom;
using namespace taskloom::studio;

namespace {

void setCron(FlowDocument& doc, const QString& cron)
{
    engine::Object params = doc.flow().nodeById(u"t")->params;
    params.insert(QStringLiteral("cron"), cron);
    doc.setParams(QStringLiteral("t"), params, QStringLiteral("cron"));
}

engine::Flow scheduledFlow(const QString& name)
{
    engine::Flow f = test::chainFlow();
    f.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    f.name = name;
    f.nodes[0].type = QStringLiteral("core.scheduleTrigger");
    f.nodes[0].params.insert(QStringLiteral("mode"), QStringLiteral("cron"));
    f.nodes[0].params.insert(QStringLiteral("cron"), QStringLiteral("0 7 * * *"));
    return f;
}

// What a fresh daemon would make of the flow: enabled or not, or null when it does not see it.
std::optional<bool> daemonSees(const QString& path)
{
    auto control = daemon::ScheduleControl::open(test::runtime());
    EXPECT_TRUE(control) << control.error().toStdString();
    const daemon::DaemonFlow* f = control ? (*control)->flow(path) : nullptr;
    return f ? std::optional<bool>(f->enabled) : std::nullopt;
}

QString flowsDir()
{
    return QDir(test::runtime().dataDir()).filePath(QStringLiteral("flows"));
}

} // namespace

TEST(TriggerSwitch, NeedsATriggerTheDaemonFires)
{
    auto doc = test::makeDocument();
    doc->setFlow(test::chainFlow()); // a manual trigger only
    TriggerSwitch sw(test::runtime(), *doc);
    EXPECT_FALSE(sw.action()->isEnabled());
    const auto r = sw.setActive(true);
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(QStringLiteral("no schedule, webhook or file-watch trigger"))) << r.error().toStdString();
    EXPECT_FALSE(sw.action()->isChecked());
}

TEST(TriggerSwitch, ActivatingAFlowSavedElsewhereSavesItInTheFlowsFolderFirst)
{
    QTemporaryDir dir;
    const QString outside = dir.filePath(QStringLiteral("morning-report.flow.json"));
    ASSERT_TRUE(engine::FlowWriter::save(scheduledFlow(QStringLiteral("Morning report")), outside));
    auto doc = test::makeDocument();
    ASSERT_TRUE(doc->open(outside));
    TriggerSwitch sw(test::runtime(), *doc);
    EXPECT_TRUE(sw.action()->isEnabled());
    EXPECT_FALSE(sw.action()->isChecked()) << "the daemon does not see a file outside its folder";

    // Declined: nothing is written, the switch stays off.
    QString asked;
    sw.setConfirm([&asked](const QString& q) {
        asked = q;
        return false;
    });
    EXPECT_FALSE(sw.setActive(true));
    EXPECT_TRUE(asked.contains(QDir::toNativeSeparators(flowsDir()))) << asked.toStdString();
    EXPECT_FALSE(QFileInfo::exists(QDir(flowsDir()).filePath(QStringLiteral("morning-report.flow.json"))));
    EXPECT_EQ(doc->path(), QFileInfo(outside).absoluteFilePath());
    EXPECT_FALSE(sw.action()->isChecked());

    // Accepted: saved into the folder under the same name, active, and the daemon agrees.
    sw.setConfirm([](const QString&) { return true; });
    const auto on = sw.setActive(true);
    ASSERT_TRUE(on) << on.error().toStdString();
    const QString deployed = QDir(flowsDir()).filePath(QStringLiteral("morning-report.flow.json"));
    EXPECT_EQ(QFileInfo(doc->path()).canonicalFilePath(), QFileInfo(deployed).canonicalFilePath());
    EXPECT_TRUE(on->contains(QStringLiteral("next run"))) << on->toStdString();
    EXPECT_TRUE(on->contains(QStringLiteral("No scheduler is running"))) << on->toStdString();
    EXPECT_TRUE(sw.action()->isChecked());
    EXPECT_EQ(daemonSees(deployed), std::optional<bool>(true));

    // Off and on again: the override in the run store, as `taskloom schedule disable|enable` writes it.
    ASSERT_TRUE(sw.setActive(false));
    EXPECT_FALSE(sw.action()->isChecked());
    EXPECT_EQ(daemonSees(deployed), std::optional<bool>(false));
    ASSERT_TRUE(sw.setActive(true));
    EXPECT_TRUE(sw.action()->isChecked());
    EXPECT_EQ(daemonSees(deployed), std::optional<bool>(true));

    // Another flow of the same file name never overwrites it.
    QTemporaryDir other;
    const QString second = other.filePath(QStringLiteral("morning-report.flow.json"));
    ASSERT_TRUE(engine::FlowWriter::save(scheduledFlow(QStringLiteral("Morning report (team)")), second));
    auto doc2 = test::makeDocument();
    ASSERT_TRUE(doc2->open(second));
    TriggerSwitch sw2(test::runtime(), *doc2);
    sw2.setConfirm([](const QString&) { return true; });
    ASSERT_TRUE(sw2.setActive(true));
    EXPECT_EQ(QFileInfo(doc2->path()).fileName(), QStringLiteral("morning-report-2.flow.json"));
    EXPECT_EQ(daemonSees(deployed), std::optional<bool>(true));
    EXPECT_EQ(daemonSees(doc2->path()), std::optional<bool>(true));
    // Turning the first off leaves the second alone.
    ASSERT_TRUE(sw.setActive(false));
    EXPECT_EQ(daemonSees(doc2->path()), std::optional<bool>(true));
}

TEST(TriggerSwitch, UnsavedChangesAreSavedBeforeActivatingAndAnInvalidTriggerIsRefused)
{
    QDir().mkpath(flowsDir());
    const QString path = QDir(flowsDir()).filePath(QStringLiteral("nightly-export.flow.json"));
    engine::Flow flow = scheduledFlow(QStringLiteral("Nightly export"));
    flow.settings.extra.insert(QStringLiteral("daemon"), engine::Object{{QStringLiteral("enabled"), false}});
    ASSERT_TRUE(engine::FlowWriter::save(flow, path));
    auto doc = test::makeDocument();
    ASSERT_TRUE(doc->open(path));
    TriggerSwitch sw(test::runtime(), *doc);
    EXPECT_FALSE(sw.action()->isChecked()) << "the file's own setting says disabled";

    setCron(*doc, QStringLiteral("30 6 * * *"));
    ASSERT_TRUE(doc->isDirty());
    const auto on = sw.setActive(true);
    ASSERT_TRUE(on) << on.error().toStdString();
    EXPECT_FALSE(doc->isDirty()) << "the daemon runs what is on disk";
    EXPECT_TRUE(on->contains(QStringLiteral("06:30"))) << on->toStdString();
    EXPECT_EQ(daemonSees(path), std::optional<bool>(true));

    // A cron expression the daemon cannot read: refused with the daemon's reason, and the switch shows off.
    setCron(*doc, QStringLiteral("61 * * * *"));
    const auto bad = sw.setActive(true);
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().contains(QStringLiteral("node \"Start\""))) << bad.error().toStdString();
    EXPECT_FALSE(sw.action()->isChecked());
}
