#pragma once

#include "Extraction.hpp"

namespace taskloom::nodes::ocr {

/// Identity cards without a machine-readable zone: the Korean resident registration card (주민등록증) and driver's
/// licence (자동차운전면허증), else a generic "label: value" card. Resident registration numbers are validated
/// (check digit; numbers issued since October 2020 carry none, so a failure is a flag, not an error) and masked
/// unless revealing is asked for.
class IdCardExtractor {
public:
    struct Options {
        bool revealNationalIds = false;
    };

    IdCardExtractor() = default;
    explicit IdCardExtractor(Options options) : m_options(options) {}

    Extraction extract(const OcrDocument& doc) const;

    /// The check digit rule of a 13-digit resident registration number (digits only).
    static bool validResidentNumber(const QString& digits);
    /// "900101-1******".
    static QString maskResidentNumber(const QString& digits);

private:
    Options m_options;
};

} // namespace taskloom::nodes::ocr
