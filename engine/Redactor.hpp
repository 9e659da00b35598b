#pragma once

#include "Item.hpp"

#include <QReadWriteLock>
#include <QStringList>

namespace taskloom::engine {

/// Replaces secret values (credential fields fetched during a run) with a mask in everything the run reports:
/// log lines, error messages, events, stored outputs. Thread-safe; cheap when no secret was fetched.
class Redactor {
public:
    static constexpr QStringView mask = u"[redacted]";
    /// Secrets shorter than this are not redacted: masking "a" or "12" would shred every message.
    static constexpr qsizetype minimumLength = 4;

    void addSecret(const QString& secret);
    bool isEmpty() const;
    QString redact(const QString& text) const;
    Value redact(const Value& value) const;
    Item redact(const Item& item) const;
    ItemList redact(const ItemList& items) const;

private:
    mutable QReadWriteLock m_lock;
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};

} // namespace taskloom::engine
