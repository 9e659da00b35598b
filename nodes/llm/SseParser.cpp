#include "SseParser.hpp"

namespace taskloom::nodes::llm {

void SseParser::feed(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (c == '\n' && m_lastWasCr) {
            m_lastWasCr = false;
            continue; // the LF of a CRLF
        }
        m_lastWasCr = c == '\r';
        if (c == '\n' || c == '\r') {
            line(m_line);
            m_line.clear();
        } else {
            m_line.append(c);
        }
    }
}

QList<SseParser::Event> SseParser::take()
{
    QList<Event> out;
    out.swap(m_ready);
    return out;
}

void SseParser::line(QByteArrayView line)
{
    if (line.isEmpty()) { // dispatch
        if (m_hasData)
            m_ready.append(std::move(m_current));
        m_current = Event();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // a comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    }
}

} // namespace taskloom::nodes::llm
