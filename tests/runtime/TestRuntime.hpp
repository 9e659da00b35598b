#pragma once

#include "app/runtime/Runtime.hpp"

namespace taskloom::test {

/// One runtime for the whole test program, over a throw-away data folder (no keyring).
app::Runtime& runtime();

} // namespace taskloom::test
