#pragma once

#include <QString>

#include <ostream>

/// GoogleTest prints a QString in failure messages through this (found by argument-dependent lookup).
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}
