#include "OAuth2Authorize.hpp"

#include "OAuth2Client.hpp"

#include "engine/CancellationToken.hpp"
#include "engine/Credential.hpp"
#include "engine/NodeError.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace taskloom::nodes::connectors {

using engine::Credential;

namespace {

class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

struct Callback {
    QByteArray method;
    QString path;
    QUrlQuery query;
};

/// Reads one request head (the browser's GET) within `timeoutMs`; nullopt when it is not one.
std::optional<Callback> readRequest(int fd, int timeoutMs)
{
    QByteArray head;
    QElapsedTimer clock;
    clock.start();
    while (!head.contains("\r\n\r\n") && head.size() < 16 * 1024) {
        const int left = timeoutMs - int(clock.elapsed());
        if (left <= 0)
            return std::nullopt;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, left) <= 0)
            return std::nullopt;
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            return std::nullopt;
        head.append(buffer, n);
    }
    const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
    if (line.size() != 3)
        return std::nullopt;
    Callback c;
    c.method = line[0];
    const QByteArray target = line[1];
    const qsizetype q = target.indexOf('?');
    c.path = QString::fromLatin1(q < 0 ? target : target.left(q));
    // The redirect's query is form-encoded (RFC 6749 appendix B): '+' is a space.
    QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    query.replace('+', "%20");
    c.query = QUrlQuery(QString::fromLatin1(query));
    return c;
}

void reply(int fd, int status, const QString& title, const QString& message)
{
    const QByteArray body = QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>Taskloom</title></head>"
                                           "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p></body></html>")
                                .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
                                .toUtf8();
    const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    const QByteArray head = QByteArray("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason
                            + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
                              "Content-Length: "
                            + QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray all = head + body;
    qsizetype sent = 0;
    while (sent < all.size()) {
        const ssize_t n = ::send(fd, all.constData() + sent, size_t(all.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        sent += n;
    }
}

QString field(const QUrlQuery& q, const QString& name)
{
    return q.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

std::expected<Credential, QString> authorizeInteractively(const Credential& credential, const AuthorizeOptions& options)
{
    const QString who = QStringLiteral("credential \"%1\"").arg(credential.name);
    auto fail = [&](const QString& why) { return std::unexpected(QStringLiteral("%1: %2").arg(who, why)); };

    Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (listener.get() < 0)
        return fail(QStringLiteral("cannot open a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const int yes = 1;
    ::setsockopt(listener.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(options.port);
    if (::bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener.get(), 8) != 0)
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(options.port).arg(QString::fromLocal8Bit(std::strerror(errno))));
    socklen_t length = sizeof address;
    ::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&address), &length);
    const QString redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(ntohs(address.sin_port));

    const OAuth2Client::Pkce pkce = OAuth2Client::makePkce();
    const QString state = OAuth2Client::randomToken(32);
    QUrl url;
    try {
        url = OAuth2Client::authorizationUrl(credential, redirectUri, state, pkce.challenge);
    } catch (const engine::NodeError& e) {
        return std::unexpected(e.message());
    }
    if (options.openBrowser)
        options.openBrowser(url, redirectUri);

    QElapsedTimer clock;
    clock.start();
    for (;;) {
        if (options.cancel && options.cancel->isCancelled())
            return fail(QStringLiteral("cancelled while waiting for the browser"));
        const int left = options.timeoutMs - int(clock.elapsed());
        if (left <= 0)
            return fail(QStringLiteral("no answer from the browser within %1 s").arg(options.timeoutMs / 1000));
        pollfd p{listener.get(), POLLIN, 0};
        if (::poll(&p, 1, std::min(left, 200)) <= 0)
            continue;
        Fd connection(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (connection.get() < 0)
            continue;
        const auto request = readRequest(connection.get(), 10'000);
        if (!request)
            continue;
        if (request->method != "GET" || request->path != QLatin1String("/callback")) {
            reply(connection.get(), 404, QStringLiteral("Not found"), QStringLiteral("This address only takes the authorization redirect."));
            continue; // browsers also ask for /favicon.ico
        }
        const auto refuse = [&](const QString& page, const QString& why) {
            reply(connection.get(), 400, QStringLiteral("Authorization failed"), page);
            return fail(why);
        };
        if (field(request->query, QStringLiteral("state")) != state)
            return refuse(QStringLiteral("The answer does not belong to this request."),
                          QStringLiteral("the redirect's state does not match the request (a forged or stale redirect); nothing saved"));
        if (const QString error = field(request->query, QStringLiteral("error")); !error.isEmpty()) {
            QString why = error;
            if (const QString d = field(request->query, QStringLiteral("error_description")); !d.isEmpty())
                why += QStringLiteral(": ") + d;
            return refuse(why, QStringLiteral("the authorization server refused: %1").arg(why));
        }
        const QString code = field(request->query, QStringLiteral("code"));
        if (code.isEmpty())
            return refuse(QStringLiteral("The redirect holds no code."), QStringLiteral("the redirect holds neither a code nor an error"));
        try {
            const OAuth2Client::Token token =
                OAuth2Client::exchangeCode(credential, code, pkce.verifier, redirectUri, options.cancel, 30'000);
            reply(connection.get(), 200, QStringLiteral("Taskloom is authorized"),
                  QStringLiteral("\"%1\" can now be used by your flows. You can close this tab.").arg(credential.name));
            return OAuth2Client::withToken(credential, token, QDateTime::currentDateTimeUtc());
        } catch (const engine::NodeError& e) {
            return refuse(e.message(), e.message());
        }
    }
}

} // namespace taskloom::nodes::connectors
