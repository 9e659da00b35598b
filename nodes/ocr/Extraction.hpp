#pragma once

#include "OcrTypes.hpp"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace taskloom::nodes::ocr {

/// One extracted field: the normalised value, the text as printed, how sure we are, and where it was.
struct Field {
    QString value;
    QString raw;
    double confidence = 0;
    Box box;
    int page = 1;

    bool isEmpty() const { return value.isEmpty(); }
};

using FieldList = QList<std::pair<QString, Field>>;

/// What an extractor found in one document. Fields keep the extractor's order.
struct Extraction {
    QString kind;          ///< "text", "receipt", "invoice", "id"
    QString documentType;  ///< id: "passport", "td1", "kr-resident-card", "kr-driver-licence", "label-value"
    FieldList fields;
    QList<FieldList> lineItems;
    QStringList flags;     ///< cross-check failures, never silently accepted
    QStringList mrz;       ///< the MRZ lines as read (id documents)
    QString text;          ///< the full OCR text
    QList<OcrPage> pages;  ///< text documents: the lines and words with their boxes

    void set(const QString& name, Field f);
    Field get(const QString& name) const;
};

} // namespace taskloom::nodes::ocr
