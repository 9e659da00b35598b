#pragma once

#include <QByteArray>
#include <QList>

namespace taskloom::nodes::llm {

/// Incremental parser for a text/event-stream body (the WHATWG server-sent events format): feed bytes as they
/// arrive, take the complete events. Handles CRLF / LF / CR line ends, multi-line data, comments and events
/// split across network reads.
class SseParser {
public:
    struct Event {
        QByteArray event; ///< the "event:" field, empty for the default "message"
        QByteArray data;  ///< "data:" lines joined with '\n'
    };

    void feed(QByteArrayView bytes);
    /// Events completed so far (each is returned once).
    QList<Event> take();
    /// Bytes received that do not yet form a complete line.
    qsizetype pendingBytes() const { return m_line.size(); }

private:
    void line(QByteArrayView line);

    QByteArray m_line;
    bool m_lastWasCr = false;
    Event m_current;
    bool m_hasData = false;
    QList<Event> m_ready;
};

} // namespace taskloom::nodes::llm
