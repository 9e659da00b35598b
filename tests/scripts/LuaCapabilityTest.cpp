// Capabilities: a Lua node reaches files and HTTP only when its file declares the capability AND the user
// granted it (folders, hosts) for that node type; paths cannot climb or link out of a granted folder.

#include "LuaNodeTestSupport.hpp"

#include <QFileInfo>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

using namespace taskloom;
using namespace taskloom::engine;
using namespace taskloom::scripts;
using namespace taskloom::scripts::test;

namespace {

class LuaCapabilityGrants : public LuaNodeFixture {
protected:
    const LuaNodeType* fileNode(const QString& files, const QString& body, LuaGrants grants)
    {
        registry = NodeRegistry();
        registry.add(std::make_shared<SourceNode>());
        return add(QStringLiteral("return {\n  type = \"t.files\",\n  title = \"Files\",\n  capabilities = { files = \"%1\" },\n"
                                  "  execute = function(ctx, items)\n%2\n    return items\n  end,\n}\n")
                       .arg(files, body),
                   std::move(grants), QStringLiteral("files.lua"));
    }

    RunResult runFiles() { return runOne(QStringLiteral("t.files"), {}, numbered(1)); }

    QString data() const { return QDir(folder.path()).filePath(QStringLiteral("data")); }
};

// A one-shot HTTP server on 127.0.0.1: answers one request with a fixed body and remembers the request.
class OneShotServer {
public:
    OneShotServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
        ::listen(m_fd, 1);
        m_thread = std::thread([this] {
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0)
                return;
            char buf[4096];
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n > 0)
                request = QByteArray(buf, n);
            const QByteArray reply = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Test: yes\r\n"
                                     "Content-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}";
            ::send(c, reply.constData(), size_t(reply.size()), 0);
            ::close(c);
        });
    }
    ~OneShotServer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
    }
    int port() const { return m_port; }
    QByteArray request;

private:
    int m_fd = -1;
    int m_port = 0;
    std::thread m_thread;
};

} // namespace

TEST_F(LuaCapabilityGrants, DeclaredButNotGrantedIsRefused)
{
    fileNode(QStringLiteral("read"), QStringLiteral("    files.read('x.txt')"), {});
    const RunResult r = runFiles();
    EXPECT_EQ(r.status, RunStatus::Failed);
    EXPECT_TRUE(r.error.contains(u"files.lua:6: files.read: file access is not granted to node type t.files")) << describe(r);
    EXPECT_TRUE(r.error.contains(u"lua.grants[\"t.files\"].files")) << describe(r);
}

TEST_F(LuaCapabilityGrants, GrantedFolderCanBeReadAndListed)
{
    QDir().mkpath(data());
    write(QStringLiteral("data/rates.csv"), QStringLiteral("code,rate\nUSD,1.1\n"));
    fileNode(QStringLiteral("read"),
             QStringLiteral("    local rows = csv.parse(files.read('data/rates.csv'))\n"
                            "    items[1].rate = rows[1].rate\n"
                            "    items[1].exists = files.exists('data/rates.csv')\n"
                            "    items[1].names = files.list('data')[1].name"),
             {{data()}, {}});
    const RunResult r = runFiles();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"rate":"1.1","exists":true,"names":"rates.csv"}])");
}

TEST_F(LuaCapabilityGrants, PathsCannotLeaveTheGrantedFolder)
{
    QDir().mkpath(data());
    write(QStringLiteral("secret.txt"), QStringLiteral("secret"));
    QFile::link(QDir(folder.path()).filePath(QStringLiteral("secret.txt")), QDir(data()).filePath(QStringLiteral("link.txt")));
    for (const QString& path : {QStringLiteral("data/../secret.txt"), QStringLiteral("data/link.txt"), QStringLiteral("/etc/passwd")}) {
        fileNode(QStringLiteral("read"), QStringLiteral("    files.read('%1')").arg(path), {{data()}, {}});
        const RunResult r = runFiles();
        EXPECT_EQ(r.status, RunStatus::Failed) << path.toStdString();
        EXPECT_TRUE(r.error.contains(u"is outside the folders granted to node type t.files")) << describe(r);
    }
}

TEST_F(LuaCapabilityGrants, WritingNeedsTheWriteDeclaration)
{
    QDir().mkpath(data());
    fileNode(QStringLiteral("read"), QStringLiteral("    files.write('data/out.txt', 'x')"), {{data()}, {}});
    RunResult r = runFiles();
    EXPECT_TRUE(r.error.contains(u"did not declare capabilities = {files = \"write\"}")) << describe(r);
    EXPECT_FALSE(QFileInfo::exists(QDir(data()).filePath(QStringLiteral("out.txt"))));

    fileNode(QStringLiteral("read-write"), QStringLiteral("    files.write('data/sub/out.txt', 'written ' .. #items)"), {{data()}, {}});
    r = runFiles();
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    QFile f(QDir(data()).filePath(QStringLiteral("sub/out.txt")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("written 1"));
}

TEST_F(LuaCapabilityGrants, HttpReachesOnlyGrantedHosts)
{
    OneShotServer server;
    const QString body = QStringLiteral(
        "    local r = http.request{url = 'http://127.0.0.1:%1/api?q=1', method = 'POST', body = 'hi', headers = {['X-Key'] = 'k'}}\n"
        "    items[1].status = r.status\n"
        "    items[1].ok = json.decode(r.body).ok\n"
        "    items[1].header = r.headers['x-test']").arg(server.port());
    const QString node = QStringLiteral("return {\n  type = \"t.http\",\n  title = \"Http\",\n  capabilities = { http = true },\n"
                                        "  execute = function(ctx, items)\n%1\n    return items\n  end,\n}\n").arg(body);
    add(node, {{}, {QStringLiteral("example.com")}}, QStringLiteral("http.lua"));
    RunResult r = runOne(QStringLiteral("t.http"), {}, numbered(1));
    EXPECT_TRUE(r.error.contains(u"http.request: host 127.0.0.1 is not granted to node type t.http")) << describe(r);

    registry = NodeRegistry();
    registry.add(std::make_shared<SourceNode>());
    add(node, {{}, {QStringLiteral("127.0.0.1")}}, QStringLiteral("http.lua"));
    r = runOne(QStringLiteral("t.http"), {}, numbered(1));
    ASSERT_EQ(r.status, RunStatus::Succeeded) << describe(r);
    EXPECT_EQ(toJson(r.output), R"([{"n":1,"status":201,"ok":true,"header":"yes"}])");
    EXPECT_TRUE(server.request.startsWith("POST /api?q=1 HTTP/1.1")) << server.request.toStdString();
    EXPECT_TRUE(server.request.contains("X-Key: k")) << server.request.toStdString();
}
