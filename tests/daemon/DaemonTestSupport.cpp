#include "DaemonTestSupport.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>
#include <QThread>

namespace taskloom::tests {

qint64 ms(const char* iso)
{
    const QDateTime dt = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    EXPECT_TRUE(dt.isValid()) << iso;
    return dt.toMSecsSinceEpoch();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    f.write(bytes);
}

QByteArray triggerFlow(const QString& id, const QString& type, const QString& params, const QString& daemonSettings,
                       const QString& extraNodes, const QString& extraConnections)
{
    const QString settings = daemonSettings.isEmpty() ? QString() : QStringLiteral(", \"settings\": {\"daemon\": %1}").arg(daemonSettings);
    return QStringLiteral(R"({"format": "taskloom-flow", "version": 1, "id": "%1", "name": "%1",
  "nodes": [{"id": "trigger", "type": "%2", "name": "Trigger", "params": %3},
            {"id": "log", "type": "core.log", "name": "Log", "params": {"message": "fired"}}%5],
  "connections": [{"from": "trigger", "to": "log"}%6]%4})")
        .arg(id, type, params, settings, extraNodes.isEmpty() ? QString() : QStringLiteral(", ") + extraNodes,
             extraConnections.isEmpty() ? QString() : QStringLiteral(", ") + extraConnections)
        .toUtf8();
}

Exchange httpSend(quint16 port, const QByteArray& bytes, int timeoutMs, bool closeWrite)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    Exchange e;
    // A server may answer and close at once (503), before this side ever looks at its state.
    if (!waitFor([&] { return s.state() == QAbstractSocket::ConnectedState || s.state() == QAbstractSocket::UnconnectedState; },
                 timeoutMs))
        return e;
    if (s.state() == QAbstractSocket::ConnectedState)
        s.write(bytes);
    (void)closeWrite;
    waitFor([&] {
        e.raw += s.readAll();
        return s.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
    e.raw += s.readAll();
    if (e.raw.startsWith("HTTP/1.1 "))
        e.status = e.raw.mid(9, 3).toInt();
    return e;
}

bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

} // namespace taskloom::tests

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
